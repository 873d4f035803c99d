import { createCallerFactory, router } from '../trpc'
import { accountRouter } from './account'
import { accountSetupRouter } from './accountSetup'
import { agreementRouter } from './agreement'
import { auditRouter } from './audit'
import { authRouter } from './auth'
import { guidanceRouter } from './guidance'
import { intakeLinkRouter } from './intakeLink'
import { importRouter } from './import'
import { invitationRouter } from './invitation'
import { moderationRouter } from './moderation'
import { organizationRouter } from './organization'
import { publicPageRouter } from './publicPage'
import { reportRouter } from './report'
import { runRouter } from './run'
import { submissionRouter } from './submission'
import { suggestionRouter } from './suggestion'
import { tagRouter } from './tag'
import { taggingRouter } from './tagging'
import { themeRouter } from './theme'

export const appRouter = router({
  auth: authRouter,
  account: accountRouter,
  audit: auditRouter,
  invitation: invitationRouter,
  organization: organizationRouter,
  submission: submissionRouter,
  report: reportRouter,
  guidance: guidanceRouter,
  publicPage: publicPageRouter,
  tag: tagRouter,
  tagging: taggingRouter,
  suggestion: suggestionRouter,
  agreement: agreementRouter,
  intakeLink: intakeLinkRouter,
  moderation: moderationRouter,
  import: importRouter,
  run: runRouter,
  theme: themeRouter,
  accountSetup: accountSetupRouter,
})

export type AppRouter = typeof appRouter
export const createCaller = createCallerFactory(appRouter)
