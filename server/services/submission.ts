import { TRPCError } from '@trpc/server'
import type { Transaction } from 'kysely'
import type { Db } from '../../db/client'
import type { Database } from '../../db/schema'
import type { Env } from '../env'
import { detectLanguage } from '../analysis/language'
import { redact } from '../analysis/redact'
import { encryptText, receiptCode } from '../lib/crypto'
import { appendAudit } from '../repositories/audit'
import { findSubmission, insertSubmission, listSubmissions, tagsOfSubmission, type SubmissionFilter } from '../repositories/submission'
import { BUREAUS } from '../schemas/reference'
import type { SubmissionInput, SubmissionListInput } from '../schemas/submission'
import { indexAndFlagDuplicates } from './duplicates'

export type Submitter = { userId: string | null; organizationId: string | null }

/**
 * Intake: detect the language, redact personal details, encrypt the original,
 * store, and return the receipt. Nothing is stored in clear but the redacted text.
 */
export type CreateOptions = { isDemo?: boolean; status?: 'pending' | 'accepted'; intakeLinkId?: string | null }

export async function createSubmission(db: Db, env: Pick<Env, 'encryptionKey'>, submitter: Submitter, input: SubmissionInput, options: CreateOptions = {}) {
  const prepared = prepareSubmission(input)
  return db.transaction().execute((trx) => storeSubmission(trx, env, submitter, prepared, options))
}

export type PreparedSubmission = ReturnType<typeof prepareSubmission>

/** The CPU part of intake, done before any transaction: language, redaction. */
export function prepareSubmission(input: SubmissionInput) {
  const { lang } = detectLanguage(input.text)
  const redactField = (value: string | undefined) => (value ? redact(value, { lang }).redacted : null)
  return { input, lang, redactedText: redact(input.text, { lang }).redacted, cityResponse: redactField(input.cityResponse), guidanceWanted: redactField(input.guidanceWanted) }
}

/** Stores a prepared submission inside the caller's transaction, indexes it for near-duplicates, audits. */
export async function storeSubmission(
  trx: Transaction<Database>,
  env: Pick<Env, 'encryptionKey'>,
  submitter: Submitter,
  prepared: PreparedSubmission,
  options: CreateOptions = {},
) {
  const { input, lang } = prepared
  const row = await insertSubmission(trx, {
    receipt_code: receiptCode(),
    organization_id: submitter.organizationId,
    submitted_by: submitter.userId,
    text_redacted: prepared.redactedText,
    text_original_enc: encryptText(input.text, env.encryptionKey),
    language: lang,
    incident_month: input.incidentMonth ?? null,
    area: input.area ?? null,
    setting: input.setting ?? null,
    agencies: input.agencies,
    city_response: prepared.cityResponse,
    guidance_wanted: prepared.guidanceWanted,
    consent_quote: input.consentQuote,
    consent_contact: input.consentContact,
    status: options.status ?? 'accepted',
    is_demo: options.isDemo ?? false,
    intake_link_id: options.intakeLinkId ?? null,
  })
  await indexAndFlagDuplicates(trx, row.id, prepared.redactedText, row.created_at)
  await appendAudit(trx, {
    actorUserId: submitter.userId,
    action: 'submission.create',
    targetType: 'submission',
    targetId: row.id,
    ...(options.intakeLinkId ? { details: { intakeLinkId: options.intakeLinkId } } : {}),
  })
  return { id: row.id, receiptCode: row.receipt_code, createdAt: row.created_at, language: lang }
}

function filterOf(input: SubmissionListInput): SubmissionFilter {
  const { page: _page, pageSize: _pageSize, bureau, area, ...rest } = input
  // A bureau is the set of its Areas; an Area inside it narrows further.
  const areas = area ? [area] : bureau ? [...BUREAUS[bureau]] : undefined
  return { ...rest, areas: area && bureau && !(BUREAUS[bureau] as readonly string[]).includes(area) ? [] : areas }
}

export async function listForOrganization(db: Db, organizationId: string, input: SubmissionListInput) {
  return list(db, { ...filterOf(input), organizationId }, input)
}

export async function listForWorkspace(db: Db, input: SubmissionListInput) {
  return list(db, filterOf(input), input)
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
