import { TRPCError } from '@trpc/server'
import type { Db } from '../../db/client'
import { appendAudit } from '../repositories/audit'
import type { CorrectInput } from '../schemas/submission-change'
import { forgetWithdrawnWords } from './withdrawn-words'

type Actor = { userId: string; organizationId: string }

/**
 * A submitter withdraws one of their organization's submissions: every text
 * (original, redacted, translations, free-text answers) is deleted; a tombstone
 * keeps the status, the date and the structured fields, so counts already
 * published still add up. Its quotes in published versions are blanked, and
 * summaries that repeat its words are flagged to facilitators (issue 12 §3).
 */
export async function withdrawSubmission(db: Db, actor: Actor, code: string, now: Date) {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('submissions')
      .select(['id', 'status', 'text_redacted', 'translation_en', 'translation_es'])
      .where('receipt_code', '=', code)
      .where('organization_id', '=', actor.organizationId)
      .forUpdate()
      .executeTakeFirst()
    if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.notFound' })
    if (row.status === 'withdrawn') return { id: row.id, withdrawnAt: null }
    // Before the words go: reach published quotes, drafts and summaries made from them (issue 12 §3).
    const quoteTranslations = await trx.selectFrom('theme_quotes').select('translation').where('submission_id', '=', row.id).where('translation', 'is not', null).execute()
    await forgetWithdrawnWords(trx, {
      submissionId: row.id,
      texts: [row.text_redacted, row.translation_en, row.translation_es, ...quoteTranslations.map((q) => q.translation)].filter((t): t is string => !!t),
      actorUserId: actor.userId,
      now,
    })
    await trx
      .updateTable('submissions')
      .set({
        status: 'withdrawn',
        withdrawn_at: now,
        updated_at: now,
        text_original_enc: null,
        text_redacted: null,
        translation_en: null,
        translation_es: null,
        city_response: null,
        guidance_wanted: null,
        flagged_at: null,
      })
      .where('id', '=', row.id)
      .execute()
    // Span tags point into text that no longer exists; whole-submission tags stay for counts.
    await trx.deleteFrom('submission_tags').where('submission_id', '=', row.id).where('span_start', 'is not', null).execute()
    await trx.deleteFrom('submission_signatures').where('submission_id', '=', row.id).execute()
    await appendAudit(trx, { actorUserId: actor.userId, action: 'submission.withdraw', targetType: 'submission', targetId: row.id, details: { previousStatus: row.status } }, now)
    return { id: row.id, withdrawnAt: now }
  })
}

const FIELD_COLUMNS = {
  incidentMonth: 'incident_month',
  area: 'area',
  setting: 'setting',
  agencies: 'agencies',
  consentQuote: 'consent_quote',
  consentContact: 'consent_contact',
} as const

/** A submitter corrects the structured fields (never the text) of their organization's submission. */
export async function correctSubmission(db: Db, actor: Actor, input: CorrectInput, now: Date) {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('submissions')
      .select(['id', 'status', 'incident_month', 'area', 'setting', 'agencies', 'consent_quote', 'consent_contact'])
      .where('receipt_code', '=', input.code)
      .where('organization_id', '=', actor.organizationId)
      .forUpdate()
      .executeTakeFirst()
    if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.notFound' })
    if (row.status === 'withdrawn') throw new TRPCError({ code: 'CONFLICT', message: 'errors.withdrawnCannotChange' })
    const next = {
      incident_month: input.incidentMonth ?? null,
      area: input.area ?? null,
      setting: input.setting ?? null,
      agencies: input.agencies,
      consent_quote: input.consentQuote,
      consent_contact: input.consentContact,
    }
    const changed = (Object.keys(FIELD_COLUMNS) as (keyof typeof FIELD_COLUMNS)[]).filter((field) => {
      const column = FIELD_COLUMNS[field]
      return JSON.stringify(row[column]) !== JSON.stringify(next[column])
    })
    if (changed.length === 0) return { id: row.id, changed }
    await trx.updateTable('submissions').set({ ...next, updated_at: now }).where('id', '=', row.id).execute()
    // Structured fields only, never text: old and new values are safe to keep in the log.
    const details = Object.fromEntries(changed.map((field) => [field, { from: row[FIELD_COLUMNS[field]], to: next[FIELD_COLUMNS[field]] }]))
    await appendAudit(trx, { actorUserId: actor.userId, action: 'submission.correct', targetType: 'submission', targetId: row.id, details }, now)
    return { id: row.id, changed }
  })
}
