import { publicProcedure, router } from '../trpc'
import { publicPage } from '../services/report'

/** The public "you said, we did" page: no sign-in, no testimony, only suppressed counts from published versions. */
export const publicPageRouter = router({
  list: publicProcedure.query(({ ctx }) => publicPage(ctx.db)),
})
