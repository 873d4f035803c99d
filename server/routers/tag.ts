import { facilitatorProcedure, router } from '../trpc'
import { listTags } from '../services/tag'

export const tagRouter = router({
  /** The codebook, parents before children, retired tags last. */
  list: facilitatorProcedure.query(({ ctx }) => listTags(ctx.db)),
})
