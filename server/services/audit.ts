import { createI18n } from '../../app/i18n/i18n'
import type { Db } from '../../db/client'
import { auditActorLabel, auditTargetLabel, describeAudit, formatAuditTime, laDayEnd, laDayStart, type AuditRow } from '../lib/audit-text'
import { toCsv } from '../lib/csv'
import { appendAudit } from '../repositories/audit'
import { auditActions, searchAudit, type AuditQuery } from '../repositories/audit-search'
import { AUDIT_EXPORT_LIMIT, AUDIT_PAGE_SIZE, type AuditFilter } from '../schemas/audit'

type Locale = 'en' | 'es'

function queryOf(filter: AuditFilter): AuditQuery {
  return {
    who: filter.who,
    action: filter.action,
    target: filter.target,
    since: filter.from ? laDayStart(filter.from) : undefined,
    until: filter.to ? laDayEnd(filter.to) : undefined,
  }
}

type Row = Awaited<ReturnType<typeof searchAudit>>[number]

function present(row: Row, locale: Locale, t: ReturnType<typeof createI18n>['t']) {
  const entry = row as unknown as AuditRow
  return {
    id: String(row.id),
    at: row.at,
    when: formatAuditTime(row.at, locale),
    action: row.action,
    who: auditActorLabel(entry, t),
    target: auditTargetLabel(entry),
    text: describeAudit(entry, t),
  }
}

/** One page of the audit log, filtered, each entry as a sentence in the reader's language with its Los Angeles time. */
export async function searchAuditLog(db: Db, input: { filter: AuditFilter; page: number; locale: Locale }) {
  const t = createI18n(input.locale).t
  const [rows, actions] = await Promise.all([searchAudit(db, queryOf(input.filter), { limit: AUDIT_PAGE_SIZE, offset: (input.page - 1) * AUDIT_PAGE_SIZE }), auditActions(db)])
  const total = rows[0] ? Number(rows[0].total) : 0
  return {
    entries: rows.map((row) => present(row, input.locale, t)),
    actions,
    total,
    page: input.page,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
  }
}

/**
 * The filtered log as CSV (newest first, at most AUDIT_EXPORT_LIMIT rows), every
 * cell formula-safe. The export is recorded in the log with its filters and
 * row count, before the file is handed over.
 */
export async function exportAuditLog(db: Db, actor: { id: string }, input: { filter: AuditFilter; locale: Locale }, now: Date) {
  const t = createI18n(input.locale).t
  const rows = await searchAudit(db, queryOf(input.filter), { limit: AUDIT_EXPORT_LIMIT, offset: 0 })
  const header = [t('audit.csvWhen'), t('audit.csvWho'), t('audit.csvAction'), t('audit.csvTarget'), t('audit.csvText'), t('audit.csvDetails')]
  const body = rows.map((row) => {
    const p = present(row, input.locale, t)
    return [p.when, p.who, p.action, p.target, p.text, JSON.stringify(row.details ?? {})]
  })
  const csv = toCsv([header, ...body]) // toCsv makes every cell formula-safe
  await appendAudit(db, { actorUserId: actor.id, action: 'audit.export', details: { count: rows.length, filter: input.filter } }, now)
  const day = now.toISOString().slice(0, 10)
  return { csv, fileName: `voces-audit-${day}.csv`, count: rows.length }
}
