import { TRPCError } from '@trpc/server'
import type { Transaction } from 'kysely'
import type { Db } from '../../db/client'
import type { Database, NewSubmission } from '../../db/schema'
import type { Env } from '../env'
import { detectLanguage } from '../analysis/language'
import { redact } from '../analysis/redact'
import { encryptText, receiptCode } from '../lib/crypto'
import { passageSegments } from '../lib/passage'
import { appendAudit } from '../repositories/audit'
import { facetCounts, findSubmission, insertSubmission, listSubmissions, submissionsDataVersion, tagsOfSubmission, type FacetCounts, type SubmissionFilter } from '../repositories/submission'
import { BUREAUS } from '../schemas/reference'
import type { SubmissionFilterInput, SubmissionInput, SubmissionListInput } from '../schemas/submission'
import { indexAndFlagDuplicates } from './duplicates'

export type Submitter = { userId: string | null; organizationId: string | null }

export type IntakeOptions = { isDemo?: boolean; status?: 'pending' | 'accepted'; intakeLinkId?: string | null }
export type PreparedIntake = NewSubmission & { language: string; text_redacted: string }

/**
 * Intake: detect the language, redact personal details, encrypt the original,
 * store, and return the receipt. Nothing is stored in clear but the redacted text.
 */
export async function createSubmission(db: Db, env: Pick<Env, 'encryptionKey'>, submitter: Submitter, input: SubmissionInput, options: IntakeOptions = {}) {
  const prepared = prepareIntake(env, submitter, input, options)
  return db.transaction().execute((trx) => storeSubmission(trx, prepared))
}

/**
 * The row intake stores for one input, built in memory before any transaction:
 * language, redaction, encryption. The form, intake links and the CSV import
 * (which inserts many at once) share it, so all redact and encrypt alike.
 */
export function prepareIntake(env: Pick<Env, 'encryptionKey'>, submitter: Submitter, input: SubmissionInput, options: IntakeOptions = {}): PreparedIntake {
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
    intake_link_id: options.intakeLinkId ?? null,
  }
}

/** Stores one prepared submission inside the caller's transaction, indexes it for near-duplicates, audits. */
export async function storeSubmission(trx: Transaction<Database>, prepared: PreparedIntake) {
  const row = await insertSubmission(trx, prepared)
  await indexAndFlagDuplicates(trx, row.id, prepared.text_redacted, row.created_at)
  await appendAudit(trx, {
    actorUserId: prepared.submitted_by ?? null,
    action: 'submission.create',
    targetType: 'submission',
    targetId: row.id,
    ...(prepared.intake_link_id ? { details: { intakeLinkId: prepared.intake_link_id } } : {}),
  })
  return { id: row.id, receiptCode: row.receipt_code, createdAt: row.created_at, language: prepared.language }
}

/** The list's form values as a repository filter (a bureau becomes its Areas). */
export function filterOf(input: SubmissionFilterInput & Partial<Pick<SubmissionListInput, 'page' | 'pageSize'>>): SubmissionFilter {
  const { page: _page, pageSize: _pageSize, bureau, area, ...rest } = input
  // A bureau is the set of its Areas; an Area inside it narrows further.
  const areas = area ? [area] : bureau ? [...BUREAUS[bureau]] : undefined
  return { ...rest, areas: area && bureau && !(BUREAUS[bureau] as readonly string[]).includes(area) ? [] : areas }
}

export async function listForOrganization(db: Db, organizationId: string, input: SubmissionListInput) {
  return list(db, { ...filterOf(input), organizationId }, input)
}

/** The facilitators' list, with the names of the run and theme it is limited to (for the filter chips). */
export async function listForWorkspace(db: Db, input: SubmissionListInput) {
  const [page, run, theme] = await Promise.all([
    list(db, filterOf(input), input),
    input.runId ? db.selectFrom('clustering_runs').select(['id', 'name']).where('id', '=', input.runId).executeTakeFirst() : undefined,
    input.themeId ? db.selectFrom('themes').select(['id', 'title']).where('id', '=', input.themeId).executeTakeFirst() : undefined,
  ])
  return { ...page, groups: { run: run ?? null, theme: theme ?? null } }
}

// Facet counts per (data version, filter), shared by every request of this process.
const FACET_CACHE_SIZE = 200
const facetCache = new Map<string, Promise<FacetCounts>>()

async function cachedFacetCounts(db: Db, filter: SubmissionFilter): Promise<FacetCounts> {
  const key = `${await submissionsDataVersion(db)}:${JSON.stringify(filter, Object.keys(filter).sort())}`
  let counts = facetCache.get(key)
  if (counts) {
    facetCache.delete(key) // most recently used last
  } else {
    counts = facetCounts(db, filter)
    counts.catch(() => facetCache.delete(key))
    if (facetCache.size >= FACET_CACHE_SIZE) facetCache.delete(facetCache.keys().next().value!)
  }
  facetCache.set(key, counts)
  return counts
}

/**
 * Counts per value of each filter over the current selection. Cached until
 * the data changes, so paging through a selection does not recount it.
 */
export async function facetsForWorkspace(db: Db, input: SubmissionFilterInput) {
  return { counts: await cachedFacetCounts(db, filterOf(input)) }
}

async function list(db: Db, filter: SubmissionFilter, page: { page: number; pageSize: number }) {
  const { rows, total } = await listSubmissions(db, filter, { limit: page.pageSize, offset: (page.page - 1) * page.pageSize })
  // With a search, each item carries the passage around its matches (null without one).
  const items = rows.map(({ passage, ...row }) => ({ ...row, passage: passage === undefined ? null : passageSegments(passage, row.text ?? '') }))
  return { items, total, page: page.page, pageSize: page.pageSize, pageCount: Math.max(1, Math.ceil(total / page.pageSize)) }
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
