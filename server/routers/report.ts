import { reportReaderProcedure, router } from '../trpc'
import { listPublishedReports } from '../services/report'

export const reportRouter = router({
  listPublished: reportReaderProcedure.query(({ ctx }) => listPublishedReports(ctx.db)),
})
