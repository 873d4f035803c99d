import type { Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import { sharesRun, withoutCopiedSentences } from '../analysis/overlap'
import { appendAudit } from '../repositories/audit'
import { clusterSummariesOf, setClusterSummary } from '../repositories/clustering-run'
import { setDraftThemeSummary } from '../repositories/theme'
import { blankPublishedQuotes, draftSummaries, draftThemeSummariesOf, insertWarnings, publishedSummaries } from '../repositories/report'

type SummaryField = 'summary' | 'publicSummaryEn' | 'publicSummaryEs'

/**
 * Issue 12 §3: a withdrawal reaches everything built from the testimony's words,
 * inside the withdrawal's transaction and before the words themselves are
 * deleted (`texts` are the redacted text and every translation of it).
 * - Published quotes of it, in every version, are blanked (the only change the
 *   database allows to a published version), with an audit entry naming the versions.
 * - Machine-drafted summaries (of clusters, and of themes no one approved) lose
 *   the sentences they copied from it.
 * - Summaries people wrote or approved are not rewritten behind their backs:
 *   every published or draft summary with a run of 8+ consecutive words of it
 *   becomes a warning to the report's facilitators (naming the report, version
 *   and theme, never the words).
 */
export async function forgetWithdrawnWords(trx: Transaction<Database>, input: { submissionId: string; texts: string[]; actorUserId: string | null; now: Date }) {
  const texts = input.texts.filter((t) => t.trim().length > 0)
  const blanked = await blankPublishedQuotes(trx, input.submissionId, input.now)
  if (blanked.length > 0) {
    await appendAudit(
      trx,
      {
        actorUserId: input.actorUserId,
        action: 'report.quote.withdraw',
        targetType: 'submission',
        targetId: input.submissionId,
        details: { quotes: blanked.length, versions: [...new Set(blanked.map((b) => `${b.reportId}@${b.version}`))].sort() },
      },
      input.now,
    )
  }
  // The quote's own translation, kept on the theme's quote.
  await trx.updateTable('theme_quotes').set({ translation: null, translation_lang: null, translation_kind: null, updated_at: input.now }).where('submission_id', '=', input.submissionId).execute()
  if (texts.length === 0) return { quotesBlanked: blanked.length, warnings: 0 }

  const copies = (summary: string | null | undefined) => !!summary && texts.some((t) => sharesRun(summary, t))

  for (const c of await clusterSummariesOf(trx, input.submissionId)) {
    let summary = c.summary
    for (const t of texts) summary = withoutCopiedSentences(summary, t)
    if (summary !== c.summary) await setClusterSummary(trx, c.runId, c.cluster, summary)
  }

  for (const t of await draftThemeSummariesOf(trx, input.submissionId)) {
    let summary = t.summary
    for (const text of texts) summary = withoutCopiedSentences(summary, text)
    if (summary !== t.summary) await setDraftThemeSummary(trx, t.id, summary)
  }

  const warnings: { reportId: string; version: number; themeId: string; field: SummaryField }[] = []
  for (const row of await publishedSummaries(trx)) {
    for (const field of ['summary', 'publicSummaryEn', 'publicSummaryEs'] as const) {
      if (copies(row[field])) warnings.push({ reportId: row.reportId, version: row.version, themeId: row.themeId, field })
    }
  }
  for (const row of await draftSummaries(trx)) {
    for (const field of ['summary', 'publicSummaryEn', 'publicSummaryEs'] as const) {
      if (copies(row[field])) warnings.push({ reportId: row.reportId, version: 0, themeId: row.themeId, field })
    }
  }
  await insertWarnings(trx, warnings, input.now)
  if (warnings.length > 0) {
    await appendAudit(
      trx,
      { actorUserId: input.actorUserId, action: 'report.warning.withdrawn-words', targetType: 'submission', targetId: input.submissionId, details: { warnings: warnings.map((w) => ({ reportId: w.reportId, version: w.version, themeId: w.themeId, field: w.field })) } },
      input.now,
    )
  }
  return { quotesBlanked: blanked.length, warnings: warnings.length }
}
