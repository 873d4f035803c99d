import { AUDIT_FILTER_KEYS, AuditFilterSchema, type AuditFilter } from '../../server/schemas/audit'

export { AUDIT_FILTER_KEYS }

/** The filters from a query string or a form; a value that does not parse is dropped and its error kept to show beside its field. */
export function auditFilterFrom(get: (key: string) => unknown): { filter: AuditFilter; errors: Record<string, string> } {
  const raw: Record<string, unknown> = {}
  for (const key of AUDIT_FILTER_KEYS) {
    const value = get(key)
    if (typeof value === 'string' && value.trim()) raw[key] = value
  }
  const errors: Record<string, string> = {}
  for (;;) {
    const parsed = AuditFilterSchema.safeParse(raw)
    if (parsed.success) return { filter: parsed.data, errors }
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0])
      errors[key] ??= issue.message.startsWith('errors.') ? issue.message : 'errors.invalid'
      delete raw[key]
    }
  }
}
