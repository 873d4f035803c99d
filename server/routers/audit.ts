import { z } from 'zod'
import { adminProcedure, router } from '../trpc'
import { listAudit } from '../repositories/audit'

export const auditRouter = router({
  /** The newest audit entries; admins only (PRODUCT.md: admins read the audit log). */
  list: adminProcedure
    .input(z.object({ limit: z.number().int().min(1).max(500).default(50), action: z.string().max(80).optional() }))
    .query(({ ctx, input }) => listAudit(ctx.db, input)),
})
