import { router, staffProcedure } from '../trpc'
import { listOrganizations } from '../services/organization'

export const organizationRouter = router({
  list: staffProcedure.query(({ ctx }) => listOrganizations(ctx.db)),
})
