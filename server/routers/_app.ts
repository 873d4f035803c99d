import { createCallerFactory, router } from '../trpc'
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
import { submissionRouter } from './submission'
import { tagRouter } from './tag'

export const appRouter = router({
  auth: authRouter,
  audit: auditRouter,
  invitation: invitationRouter,
  organization: organizationRouter,
  submission: submissionRouter,
  report: reportRouter,
  guidance: guidanceRouter,
  publicPage: publicPageRouter,
  tag: tagRouter,
  intakeLink: intakeLinkRouter,
  moderation: moderationRouter,
  import: importRouter,
})

export type AppRouter = typeof appRouter
export const createCaller = createCallerFactory(appRouter)
