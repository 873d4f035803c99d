import { randomBytes } from 'node:crypto'
import type { Db } from '../../db/client'

/** A submission row as the report queries read it (written directly: these tests are about reports, not intake). */
export type SubmissionSpec = {
  area?: string | null
  setting?: string | null
  agencies?: string[]
  month?: string | null
  language?: 'en' | 'es' | 'other'
  text?: string
  translationEn?: string | null
  translationEs?: string | null
  consentQuote?: boolean
  status?: 'accepted' | 'pending' | 'hidden'
  organizationId?: string | null
}

let counter = 0
const receipt = () => {
  const n = (++counter).toString(36).toUpperCase().padStart(3, '0') + randomBytes(3).toString('hex').toUpperCase()
  return `${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6, 9)}`
}

export async function makeSubmissions(db: Db, specs: SubmissionSpec[]): Promise<string[]> {
  if (specs.length === 0) return []
  const rows = await db
    .insertInto('submissions')
    .values(
      specs.map((s) => ({
        receipt_code: receipt(),
        organization_id: s.organizationId ?? null,
        text_redacted: s.text ?? 'Testimony about agents at the park.',
        language: s.language ?? 'en',
        translation_en: s.translationEn ?? null,
        translation_es: s.translationEs ?? null,
        incident_month: s.month === undefined ? '2025-07' : s.month,
        area: s.area === undefined ? 'hollenbeck' : s.area,
        setting: s.setting === undefined ? 'park' : s.setting,
        agencies: s.agencies ?? ['ice'],
        consent_quote: s.consentQuote ?? false,
        status: s.status ?? 'accepted',
      })),
    )
    .returning('id')
    .execute()
  return rows.map((r) => r.id)
}

/** `count` copies of one spec. */
export const times = (count: number, spec: SubmissionSpec): SubmissionSpec[] => Array.from({ length: count }, () => ({ ...spec }))

export async function makeTheme(
  db: Db,
  /** `summaryApproved` (default true): the summary counts as a facilitator's (issue 12 §2); false leaves it a machine draft. */
  options: { title: string; summary?: string; summaryApproved?: boolean; memberIds: string[]; quotes?: { submissionId: string; translation?: string; translationLang?: string; translationKind?: 'machine' | 'human' }[] },
) {
  const theme = await db
    .insertInto('themes')
    .values({ title: options.title, summary: options.summary ?? `Summary of ${options.title}`, summary_approved_at: options.summaryApproved === false ? null : new Date() })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (options.memberIds.length) {
    await db
      .insertInto('theme_members')
      .values(options.memberIds.map((submission_id) => ({ theme_id: theme.id, submission_id })))
      .execute()
  }
  for (const [position, q] of (options.quotes ?? []).entries()) {
    await db
      .insertInto('theme_quotes')
      .values({
        theme_id: theme.id,
        submission_id: q.submissionId,
        position,
        translation: q.translation ?? null,
        translation_lang: q.translationLang ?? null,
        translation_kind: q.translationKind ?? null,
      })
      .execute()
  }
  return theme.id
}
