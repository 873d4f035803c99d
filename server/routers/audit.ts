import { z } from 'zod'
import { adminProcedure, router } from '../trpc'
import { listAudit } from '../repositories/audit'
import { AuditExportSchema, AuditSearchSchema } from '../schemas/audit'
import { exportAuditLog, searchAuditLog } from '../services/audit'

export const auditRouter = router({
  /** The newest audit entries; admins only (PRODUCT.md: admins read the audit log). */
  list: adminProcedure
    .input(z.object({ limit: z.number().int().min(1).max(500).default(50), action: z.string().max(80).optional() }))
    .query(({ ctx, input }) => listAudit(ctx.db, input)),
  /** The audit page: filters, paging, sentences in the reader's language. */
  search: adminProcedure.input(AuditSearchSchema).query(({ ctx, input }) => searchAuditLog(ctx.db, input)),
  /** The filtered log as formula-safe CSV; a mutation because the export itself is audited. */
  exportCsv: adminProcedure.input(AuditExportSchema).mutation(({ ctx, input }) => exportAuditLog(ctx.db, ctx.user, input, ctx.now)),
})
