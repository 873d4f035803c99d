/**
 * Issue 12 §2: a summary a facilitator approved may still copy testimony word
 * for word. Before publishing, each summary a theme would publish is compared
 * with the text of every member testimony that does not meet the quote rules
 * (consent to quoting, in the report's period and filters, and every cell it
 * falls in at or above the threshold): a run of 8 or more consecutive words is
 * a warning naming the testimony. Pure.
 */
import { sharesRun, VERBATIM_RUN } from '../analysis/overlap'
import { publishableSummaries, quoteAllowed, type RawQuote, type RawTheme } from './snapshot'

/** A member testimony of a theme, as the check needs it (inside the workspace only). */
export type MemberText = {
  submissionId: string
  receiptCode: string
  /** The redacted text and its translations. */
  texts: string[]
  consentQuote: boolean
  /** In the report's period and filters (its cells are then the report's). */
  inReport: boolean
  cells: RawQuote['cells']
}

export type SummaryField = 'summary' | 'publicSummaryEn' | 'publicSummaryEs'
export type VerbatimWarning = { themeId: string; field: SummaryField; submissionId: string; receiptCode: string }

/** Whether a member's words may appear in what the report publishes about this theme. */
export function mayBeQuoted(theme: RawTheme, member: MemberText, threshold: number): boolean {
  if (!member.consentQuote || !member.inReport) return false
  return quoteAllowed(theme, { submissionId: member.submissionId, text: '', language: '', translations: [], cells: member.cells }, threshold)
}

export function verbatimWarnings(theme: RawTheme, members: MemberText[], threshold: number): VerbatimWarning[] {
  const published = publishableSummaries(theme, threshold)
  const fields: [SummaryField, string][] = [
    ['summary', published.summary],
    ['publicSummaryEn', published.publicSummary.en],
    ['publicSummaryEs', published.publicSummary.es],
  ]
  const out: VerbatimWarning[] = []
  for (const [field, text] of fields) {
    if (text.trim() === '') continue
    for (const member of members) {
      if (mayBeQuoted(theme, member, threshold)) continue
      if (member.texts.some((source) => sharesRun(text, source, VERBATIM_RUN))) out.push({ themeId: theme.themeId, field, submissionId: member.submissionId, receiptCode: member.receiptCode })
    }
  }
  return out
}
