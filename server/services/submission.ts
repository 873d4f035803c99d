import { TRPCError } from '@trpc/server'
import type { Db } from '../../db/client'
import type { NewSubmission } from '../../db/schema'
import type { Env } from '../env'
import { detectLanguage } from '../analysis/language'
import { redact } from '../analysis/redact'
import { encryptText, receiptCode } from '../lib/crypto'
import { appendAudit } from '../repositories/audit'
import { findSubmission, insertSubmission, listSubmissions, tagsOfSubmission, type SubmissionFilter } from '../repositories/submission'
import type { SubmissionInput, SubmissionListInput } from '../schemas/submission'

export type Submitter = { userId: string | null; organizationId: string | null }

/**
 * Intake: detect the language, redact personal details, encrypt the original,
 * store, and return the receipt. Nothing is stored in clear but the redacted text.
 */
export async function createSubmission(
  db: Db,
  env: Pick<Env, 'encryptionKey'>,
  submitter: Submitter,
  input: SubmissionInput,
  options: IntakeOptions = {},
) {
  const prepared = prepareIntake(env, submitter, input, options)
  return db.transaction().execute(async (trx) => {
    const row = await insertSubmission(trx, prepared)
    await appendAudit(trx, {
      actorUserId: submitter.userId,
      action: 'submission.create',
      targetType: 'submission',
      targetId: row.id,
    })
    return { id: row.id, receiptCode: row.receipt_code, createdAt: row.created_at, language: prepared.language }
  })
}

export type IntakeOptions = { isDemo?: boolean; status?: 'pending' | 'accepted' }

/**
 * The row intake stores for one input, built in memory: the form and the CSV
 * import (which inserts many at once) share it, so both redact and encrypt alike.
 */
export function prepareIntake(env: Pick<Env, 'encryptionKey'>, submitter: Submitter, input: SubmissionInput, options: IntakeOptions = {}): NewSubmission & { language: string } {
  const { lang } = detectLanguage(input.text)
  const redactField = (value: string | undefined) => (value ? redact(value, { lang }).redacted : null)
  return {
    receipt_code: receiptCode(),
    organization_id: submitter.organizationId,
    submitted_by: submitter.userId,
    text_redacted: redact(input.text, { lang }).redacted,
    text_original_enc: encryptText(input.text, env.encryptionKey),
    language: lang,
    incident_month: input.incidentMonth ?? null,
    area: input.area ?? null,
    setting: input.setting ?? null,
    agencies: input.agencies,
    city_response: redactField(input.cityResponse),
    guidance_wanted: redactField(input.guidanceWanted),
    consent_quote: input.consentQuote,
    consent_contact: input.consentContact,
    status: options.status ?? 'accepted',
    is_demo: options.isDemo ?? false,
  }
}

export async function listForOrganization(db: Db, organizationId: string, input: SubmissionListInput) {
  return list(db, { organizationId, status: input.status, language: input.language }, input)
}

export async function listForWorkspace(db: Db, input: SubmissionListInput) {
  return list(db, { status: input.status, language: input.language }, input)
}

async function list(db: Db, filter: SubmissionFilter, page: { page: number; pageSize: number }) {
  const { rows, total } = await listSubmissions(db, filter, { limit: page.pageSize, offset: (page.page - 1) * page.pageSize })
  return { items: rows, total, page: page.page, pageSize: page.pageSize, pageCount: Math.max(1, Math.ceil(total / page.pageSize)) }
}

export async function getForWorkspace(db: Db, id: string) {
  const submission = await findSubmission(db, { id })
  if (!submission) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.notFound' })
  return { ...submission, tags: await tagsOfSubmission(db, id) }
}

/** A submitter sees a receipt only for their own organization's submissions. */
export async function getReceipt(db: Db, organizationId: string, code: string) {
  const submission = await findSubmission(db, { receiptCode: code, organizationId })
  if (!submission) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.notFound' })
  return submission
}
