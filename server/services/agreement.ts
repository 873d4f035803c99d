import { randomInt } from 'node:crypto'
import { TRPCError } from '@trpc/server'
import { sql } from 'kysely'
import type { Db } from '../../db/client'
import { agreementOf, drawSample } from '../analysis/agreement'
import { appendAudit } from '../repositories/audit'
import { submissionIdsMatching, type SubmissionFilter } from '../repositories/submission'
import type { CodingSaveInput, SampleCreateInput } from '../schemas/agreement'

/**
 * Double coding (docs/decisions/061-tagging-suggestions-agreement.md). Blindness rules:
 * - A coder's queue shows the testimony only: never the other coder's answers, nor the
 *   submission's regular tags or suggestions (they would anchor the answer).
 * - Answers are kept apart from regular tagging (coding_sample_codings), so nothing a coder
 *   does in a sample shows anywhere else.
 * - The results (kappa, disagreements) are open to facilitators who are not coders of the
 *   sample at any time, and to each coder once they have coded every item — from then on their
 *   own answers are locked, so seeing the other's cannot change them.
 */

export function listCoders(db: Db) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name as displayName', 'email'])
    .where('role', '=', 'facilitator')
    .where('disabled_at', 'is', null)
    .orderBy('display_name')
    .execute()
}

function filterOf(input: SampleCreateInput): SubmissionFilter {
  return {
    status: 'accepted',
    q: input.q || undefined,
    language: input.language,
    areas: input.area ? [input.area] : undefined,
    setting: input.setting,
    tagId: input.tagId,
    monthFrom: input.monthFrom,
    monthTo: input.monthTo,
  }
}

/** Draws a seeded random sample of accepted submissions (matching the filter) for two facilitators. */
export async function createSample(db: Db, actorId: string, input: SampleCreateInput, now: Date) {
  return db.transaction().execute(async (trx) => {
    const coders = await trx
      .selectFrom('users')
      .select('id')
      .where('id', 'in', [input.coderA, input.coderB])
      .where('role', '=', 'facilitator')
      .where('disabled_at', 'is', null)
      .execute()
    if (coders.length !== 2) throw new TRPCError({ code: 'BAD_REQUEST', message: 'errors.chooseCoder' })
    const seed = input.seed ?? randomInt(2_147_483_647)
    const filter = filterOf(input)
    const candidates = await submissionIdsMatching(trx, filter)
    if (candidates.length < 2) throw new TRPCError({ code: 'BAD_REQUEST', message: 'errors.sampleEmpty' })
    const picked = drawSample(candidates, input.size, seed)
    const storedFilter = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined))
    const sample = await trx
      .insertInto('coding_samples')
      .values({ name: input.name, coder_a: input.coderA, coder_b: input.coderB, seed, filter: JSON.stringify(storedFilter), created_by: actorId })
      .returning('id')
      .executeTakeFirstOrThrow()
    await trx
      .insertInto('coding_sample_items')
      .values(picked.map((submissionId, position) => ({ sample_id: sample.id, submission_id: submissionId, position })))
      .execute()
    await appendAudit(
      trx,
      { actorUserId: actorId, action: 'agreement.create', targetType: 'coding_sample', targetId: sample.id, details: { name: input.name, size: picked.length, requested: input.size, seed, coderA: input.coderA, coderB: input.coderB, filter: storedFilter } },
      now,
    )
    return { id: sample.id, size: picked.length, seed }
  })
}

const codedBy = (coder: 'cs.coder_a' | 'cs.coder_b') =>
  sql<number>`(select count(*)::int from coding_sample_codings c where c.sample_id = cs.id and c.coder_id = ${sql.ref(coder)})`

/** Every sample with its progress, newest first; `myRole` says whether the caller codes it. */
export async function listSamples(db: Db, userId: string) {
  const rows = await db
    .selectFrom('coding_samples as cs')
    .innerJoin('users as a', 'a.id', 'cs.coder_a')
    .innerJoin('users as b', 'b.id', 'cs.coder_b')
    .select([
      'cs.id',
      'cs.name',
      'cs.seed',
      'cs.filter',
      'cs.created_at as createdAt',
      'cs.coder_a as coderAId',
      'cs.coder_b as coderBId',
      'a.display_name as coderA',
      'b.display_name as coderB',
      sql<number>`(select count(*)::int from coding_sample_items i where i.sample_id = cs.id)`.as('size'),
      codedBy('cs.coder_a').as('codedA'),
      codedBy('cs.coder_b').as('codedB'),
    ])
    .orderBy('cs.created_at', 'desc')
    .execute()
  return rows.map(({ coderAId, coderBId, ...row }) => ({
    ...row,
    myRole: coderAId === userId ? ('a' as const) : coderBId === userId ? ('b' as const) : null,
  }))
}

async function sampleFor(db: Db, id: string) {
  const sample = await db.selectFrom('coding_samples').selectAll().where('id', '=', id).executeTakeFirst()
  if (!sample) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.notFound' })
  return sample
}

async function progressOf(db: Db, sampleId: string, coderId: string) {
  const row = await db
    .selectFrom('coding_sample_items as i')
    .leftJoin('coding_sample_codings as c', (join) => join.onRef('c.sample_id', '=', 'i.sample_id').onRef('c.submission_id', '=', 'i.submission_id').on('c.coder_id', '=', coderId))
    .select([sql<number>`count(*)::int`.as('size'), sql<number>`count(c.coder_id)::int`.as('coded')])
    .where('i.sample_id', '=', sampleId)
    .executeTakeFirstOrThrow()
  return { ...row, complete: row.size > 0 && row.coded === row.size }
}

/**
 * A coder's blind queue: the items in sample order with whether they are coded, and one item
 * in full (the asked position, else the first not yet coded) with the coder's own answer.
 */
export async function codingQueue(db: Db, userId: string, input: { id: string; position?: number }) {
  const sample = await sampleFor(db, input.id)
  if (sample.coder_a !== userId && sample.coder_b !== userId) throw new TRPCError({ code: 'FORBIDDEN', message: 'errors.notCoder' })
  const items = await db
    .selectFrom('coding_sample_items as i')
    .innerJoin('submissions as s', 's.id', 'i.submission_id')
    .leftJoin('coding_sample_codings as c', (join) => join.onRef('c.sample_id', '=', 'i.sample_id').onRef('c.submission_id', '=', 'i.submission_id').on('c.coder_id', '=', userId))
    .select(['i.position', 'i.submission_id as submissionId', 's.receipt_code as receiptCode', 'c.tag_ids as myTagIds'])
    .where('i.sample_id', '=', sample.id)
    .orderBy('i.position')
    .execute()
  const coded = items.filter((i) => i.myTagIds !== null).length
  const complete = items.length > 0 && coded === items.length
  const chosen = items.find((i) => i.position === input.position) ?? items.find((i) => i.myTagIds === null) ?? null
  const current = chosen
    ? await db
        .selectFrom('submissions')
        .select(['id', 'receipt_code as receiptCode', 'text_redacted as text', 'language', 'translation_en as translationEn', 'translation_es as translationEs'])
        .where('id', '=', chosen.submissionId)
        .executeTakeFirstOrThrow()
    : null
  return {
    sample: { id: sample.id, name: sample.name },
    items: items.map((i) => ({ position: i.position, submissionId: i.submissionId, receiptCode: i.receiptCode, coded: i.myTagIds !== null })),
    coded,
    complete,
    current: current && chosen ? { ...current, position: chosen.position, myTagIds: chosen.myTagIds } : null,
  }
}

/** Saves (or changes) the caller's answer for one item, until they have answered them all. */
export async function saveCoding(db: Db, userId: string, input: CodingSaveInput, now: Date) {
  const sample = await sampleFor(db, input.sampleId)
  if (sample.coder_a !== userId && sample.coder_b !== userId) throw new TRPCError({ code: 'FORBIDDEN', message: 'errors.notCoder' })
  return db.transaction().execute(async (trx) => {
    const item = await trx
      .selectFrom('coding_sample_items')
      .select('position')
      .where('sample_id', '=', sample.id)
      .where('submission_id', '=', input.submissionId)
      .executeTakeFirst()
    if (!item) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.notFound' })
    // Lock this coder's answers so two saves cannot both see "not complete yet".
    await trx.selectFrom('coding_sample_codings').select('submission_id').where('sample_id', '=', sample.id).where('coder_id', '=', userId).forUpdate().execute()
    if ((await progressOf(trx, sample.id, userId)).complete) throw new TRPCError({ code: 'CONFLICT', message: 'errors.codingLocked' })
    const tagIds = [...new Set(input.tagIds)].sort()
    if (tagIds.length) {
      const active = await trx.selectFrom('tags').select('id').where('id', 'in', tagIds).where('retired_at', 'is', null).execute()
      if (active.length !== tagIds.length) throw new TRPCError({ code: 'BAD_REQUEST', message: 'errors.tagRetired' })
    }
    await trx
      .insertInto('coding_sample_codings')
      .values({ sample_id: sample.id, submission_id: input.submissionId, coder_id: userId, tag_ids: tagIds, coded_at: now })
      .onConflict((oc) => oc.columns(['sample_id', 'submission_id', 'coder_id']).doUpdateSet({ tag_ids: tagIds, coded_at: now }))
      .execute()
    await appendAudit(trx, { actorUserId: userId, action: 'agreement.code', targetType: 'coding_sample', targetId: sample.id, details: { submissionId: input.submissionId, tagIds } }, now)
    const progress = await progressOf(trx, sample.id, userId)
    const next = await trx
      .selectFrom('coding_sample_items as i')
      .select('i.position')
      .where('i.sample_id', '=', sample.id)
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('coding_sample_codings as c').select('c.coder_id').whereRef('c.sample_id', '=', 'i.sample_id').whereRef('c.submission_id', '=', 'i.submission_id').where('c.coder_id', '=', userId))),
      )
      .orderBy('i.position')
      .limit(1)
      .executeTakeFirst()
    return { ...progress, nextPosition: next?.position ?? null }
  })
}

/**
 * Cohen's kappa per tag and pooled, over the items both coders have coded, and the items
 * where they disagree. Blind to a coder until they have coded every item.
 */
export async function sampleResults(db: Db, userId: string, id: string) {
  const sample = await sampleFor(db, id)
  const isCoder = sample.coder_a === userId || sample.coder_b === userId
  if (isCoder && !(await progressOf(db, sample.id, userId)).complete) throw new TRPCError({ code: 'FORBIDDEN', message: 'errors.agreementBlind' })
  const [coders, rows, progressA, progressB] = await Promise.all([
    db.selectFrom('users').select(['id', 'display_name as displayName']).where('id', 'in', [sample.coder_a, sample.coder_b]).execute(),
    db
      .selectFrom('coding_sample_items as i')
      .innerJoin('submissions as s', 's.id', 'i.submission_id')
      .innerJoin('coding_sample_codings as a', (join) => join.onRef('a.sample_id', '=', 'i.sample_id').onRef('a.submission_id', '=', 'i.submission_id').on('a.coder_id', '=', sample.coder_a))
      .innerJoin('coding_sample_codings as b', (join) => join.onRef('b.sample_id', '=', 'i.sample_id').onRef('b.submission_id', '=', 'i.submission_id').on('b.coder_id', '=', sample.coder_b))
      .select(['i.position', 'i.submission_id as submissionId', 's.receipt_code as receiptCode', 's.text_redacted as text', 's.language', 'a.tag_ids as a', 'b.tag_ids as b'])
      .where('i.sample_id', '=', sample.id)
      .orderBy('i.position')
      .execute(),
    progressOf(db, sample.id, sample.coder_a),
    progressOf(db, sample.id, sample.coder_b),
  ])
  const result = agreementOf(rows.map((r) => ({ itemId: r.submissionId, a: r.a, b: r.b })))
  const tagIds = result.perTag.map((t) => t.tagId)
  const tags = tagIds.length
    ? await db.selectFrom('tags').select(['id', 'name_en as nameEn', 'name_es as nameEs', 'color', 'retired_at as retiredAt']).where('id', 'in', tagIds).execute()
    : []
  const bySubmission = new Map(rows.map((r) => [r.submissionId, r]))
  const name = (userId_: string) => coders.find((c) => c.id === userId_)?.displayName ?? ''
  return {
    sample: { id: sample.id, name: sample.name, seed: sample.seed, filter: sample.filter, createdAt: sample.created_at, size: progressA.size },
    coders: { a: { name: name(sample.coder_a), coded: progressA.coded }, b: { name: name(sample.coder_b), coded: progressB.coded } },
    tags,
    items: result.items,
    perTag: result.perTag,
    overall: result.overall,
    disagreements: result.disagreements.map((d) => {
      const row = bySubmission.get(d.itemId)!
      return { ...d, position: row.position, receiptCode: row.receiptCode, text: row.text, language: row.language }
    }),
  }
}
