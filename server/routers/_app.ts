import { createCallerFactory, router } from '../trpc'
import { auditRouter } from './audit'
import { authRouter } from './auth'
import { importRouter } from './import'
import { invitationRouter } from './invitation'
import { organizationRouter } from './organization'
import { reportRouter } from './report'
import { submissionRouter } from './submission'

export const appRouter = router({
  auth: authRouter,
  audit: auditRouter,
  invitation: invitationRouter,
  organization: organizationRouter,
  submission: submissionRouter,
  report: reportRouter,
  import: importRouter,
})

export type AppRouter = typeof appRouter
export const createCaller = createCallerFactory(appRouter)
