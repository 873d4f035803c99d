import { z } from 'zod'
import './messages'

export const AUDIT_PAGE_SIZE = 50
export const AUDIT_FILTER_KEYS = ['who', 'action', 'target', 'from', 'to'] as const
/** The most rows one CSV export holds; narrow the filters for more. */
export const AUDIT_EXPORT_LIMIT = 10_000

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)
const day = z.preprocess(emptyToUndefined, z.iso.date({ error: 'errors.date' }).optional())

/** Filters of the audit page: who (name or email), action (exact or its family, e.g. `account`), target, period in Los Angeles days. */
export const AuditFilterSchema = z
  .object({
    who: z.preprocess(emptyToUndefined, z.string().trim().max(120, 'errors.tooLong').optional()),
    action: z.preprocess(emptyToUndefined, z.string().trim().max(80, 'errors.tooLong').regex(/^[a-zA-Z_.]+$/, 'errors.invalid').optional()),
    target: z.preprocess(emptyToUndefined, z.string().trim().max(120, 'errors.tooLong').optional()),
    from: day,
    to: day,
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ['to'], message: 'errors.dateOrder' })
export type AuditFilter = z.infer<typeof AuditFilterSchema>

export const AuditSearchSchema = z.object({ filter: AuditFilterSchema, page: z.number().int().min(1).max(100_000).default(1), locale: z.enum(['en', 'es']).default('en') })
export const AuditExportSchema = z.object({ filter: AuditFilterSchema, locale: z.enum(['en', 'es']).default('en') })
