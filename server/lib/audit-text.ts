/**
 * Audit entries as sentences for people (EN and ES), and Los Angeles dates.
 * Pure: an entry and a translate function in, text out. Each action has a
 * sentence under `audit.actions.<action with _ for .>`; an action without one
 * (added later) still reads as "who: action — target".
 */

export const AUDIT_TIME_ZONE = 'America/Los_Angeles'

type Translate = (key: string, options?: Record<string, unknown>) => string

export type AuditRow = {
  action: string
  targetType: string | null
  targetId: string | null
  details: Record<string, unknown>
  actorName: string | null
  actorEmail: string | null
  targetReceipt: string | null
  targetUserName: string | null
  targetUserEmail: string | null
  targetInvitationEmail: string | null
  targetThemeTitle: string | null
  targetOrganizationName: string | null
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null)

/** A readable name for the entry's target, or its raw type and id when it is gone or of an unknown kind. */
export function auditTargetLabel(row: AuditRow): string {
  const d = row.details ?? {}
  switch (row.targetType) {
    case 'submission':
      return row.targetReceipt ?? text(d.receiptCode) ?? row.targetId ?? ''
    case 'user':
      return row.targetUserName ? `${row.targetUserName} (${row.targetUserEmail})` : (text(d.email) ?? row.targetId ?? '')
    case 'invitation':
      return row.targetInvitationEmail ?? text(d.email) ?? row.targetId ?? ''
    case 'theme':
      return row.targetThemeTitle ?? text(d.title) ?? row.targetId ?? ''
    case 'organization':
      return row.targetOrganizationName ?? text(d.name) ?? row.targetId ?? ''
    case null:
      return text(d.email) ?? ''
    default:
      return row.targetId ? `${row.targetType} ${row.targetId}` : (row.targetType ?? '')
  }
}

export function auditActorLabel(row: Pick<AuditRow, 'actorName' | 'actorEmail'>, t: Translate): string {
  return row.actorName ?? row.actorEmail ?? t('audit.system')
}

/** The entry as one sentence in the translate function's language. */
export function describeAudit(row: AuditRow, t: Translate): string {
  const d = row.details ?? {}
  const role = (value: unknown) => (typeof value === 'string' && value ? t(`roles.${value}`) : '—')
  const params: Record<string, unknown> = {
    who: auditActorLabel(row, t),
    target: auditTargetLabel(row),
    action: row.action,
    reason: text(d.reason) ?? '—',
    email: text(d.email) ?? '—',
    role: role(d.role),
    roleBefore: role(d.roleBefore),
    organization: text(d.organizationName) ?? t('audit.noOrganization'),
    organizationBefore: text(d.organizationNameBefore) ?? t('audit.noOrganization'),
    count: Number(d.count ?? d.rows ?? d.sessionsEnded ?? d.sessions ?? d.members ?? 0),
    title: text(d.title) ?? '',
  }
  let key = `audit.actions.${row.action.replace(/\./g, '_')}`
  if (row.action === 'account.change') {
    const roleChanged = d.roleBefore !== d.role
    const orgChanged = (d.organizationIdBefore ?? null) !== (d.organizationId ?? null)
    key = roleChanged && orgChanged ? 'audit.actions.account_change_both' : orgChanged ? 'audit.actions.account_change_org' : 'audit.actions.account_change'
  }
  const sentence = t(key, { ...params, defaultValue: '' })
  if (sentence) return sentence
  return params.target ? t('audit.generic', params) : t('audit.genericNoTarget', params)
}

/** Date and time in Los Angeles, e.g. "Dec 7, 2026, 2:39 PM PST" / "7 dic 2026, 14:39 GMT-8". */
export function formatAuditTime(at: Date | string, locale: string): string {
  return new Intl.DateTimeFormat(locale === 'es' ? 'es-MX' : 'en-US', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: AUDIT_TIME_ZONE,
    timeZoneName: 'short',
  }).format(new Date(at))
}

/** Los Angeles's offset from UTC, in minutes, at an instant (-480 in winter, -420 in summer). */
function laOffsetMinutes(at: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: AUDIT_TIME_ZONE, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT'
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name)
  if (!match) return 0
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]))
}

/** The instant a Los Angeles calendar day (YYYY-MM-DD) starts. DST changes at 2 a.m., so midnight's offset is the one at 08:00 UTC. */
export function laDayStart(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const utcMidnight = Date.UTC(y, m - 1, d)
  const offset = laOffsetMinutes(new Date(utcMidnight + 8 * 3_600_000))
  return new Date(utcMidnight - offset * 60_000)
}

/** The instant after a Los Angeles calendar day ends (the next day's start). */
export function laDayEnd(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const next = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10)
  return laDayStart(next)
}
