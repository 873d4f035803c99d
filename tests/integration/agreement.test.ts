import { TRPCError } from '@trpc/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../db/client'
import type { SessionUser } from '../../server/services/auth'
import { createTestDb, testEnv } from '../support/db'
import { callerFor, makeUser } from '../support/factories'

const env = testEnv()
let db: Db
let close: () => Promise<void>
let coderA: SessionUser
let coderB: SessionUser
let lead: SessionUser
let commission: SessionUser
let x: string
let y: string

beforeAll(async () => {
  ;({ db, close } = await createTestDb())
  coderA = await makeUser(db, 'facilitator')
  coderB = await makeUser(db, 'facilitator')
  lead = await makeUser(db, 'facilitator')
  commission = await makeUser(db, 'commission')
  const tags = await db
    .insertInto('tags')
    .values([
      { slug: 'x', name_en: 'X', name_es: 'X' },
      { slug: 'y', name_en: 'Y', name_es: 'Y' },
    ])
    .returning('id')
    .execute()
  ;[x, y] = tags.map((t) => t.id) as [string, string]
  await db
    .insertInto('submissions')
    .values(
      Array.from({ length: 60 }, (_, i) => ({
        receipt_code: `AG${String(i).padStart(7, '0')}`,
        text_redacted: `${i % 2 ? 'Los agentes llegaron a la escuela' : 'Agents came to the courthouse'} número ${i}.`,
        language: i % 2 ? 'es' : 'en',
        status: i < 55 ? 'accepted' : 'pending',
      })),
    )
    .execute()
})
afterAll(() => close())

const as = (user: SessionUser) => callerFor(db, env, user)

async function refusal(promise: Promise<unknown>) {
  try {
    await promise
  } catch (error) {
    if (error instanceof TRPCError) return { code: error.code, message: error.message }
    throw error
  }
  throw new Error('expected a refusal')
}

describe('double coding', () => {
  let sampleId: string
  let items: string[]

  it('draws a reproducible random sample of accepted submissions for two different facilitators', async () => {
    const created = await as(lead).agreement.create({ name: 'Pilot', size: 50, coderA: coderA.id, coderB: coderB.id, seed: 99 })
    expect(created).toEqual({ id: created.id, size: 50, seed: 99 })
    sampleId = created.id
    const rows = await db.selectFrom('coding_sample_items as i').innerJoin('submissions as s', 's.id', 'i.submission_id').select(['i.submission_id', 's.status']).where('sample_id', '=', sampleId).orderBy('position').execute()
    expect(rows.every((r) => r.status === 'accepted')).toBe(true)
    items = rows.map((r) => r.submission_id)
    // Same seed, same draw, same order.
    const again = await as(lead).agreement.create({ name: 'Pilot again', size: 50, coderA: coderA.id, coderB: coderB.id, seed: 99 })
    const againItems = await db.selectFrom('coding_sample_items').select('submission_id').where('sample_id', '=', again.id).orderBy('position').execute()
    expect(againItems.map((r) => r.submission_id)).toEqual(items)
    // A filter narrows the pool; an empty pool is refused.
    const spanish = await as(lead).agreement.create({ name: 'Spanish only', size: 5, coderA: coderA.id, coderB: coderB.id, language: 'es' })
    const langs = await db.selectFrom('coding_sample_items as i').innerJoin('submissions as s', 's.id', 'i.submission_id').select('s.language').where('sample_id', '=', spanish.id).execute()
    expect(langs.map((l) => l.language)).toEqual(Array(5).fill('es'))
    expect(await refusal(as(lead).agreement.create({ name: 'Nothing', size: 5, coderA: coderA.id, coderB: coderB.id, q: 'zzzzunmatched' }))).toMatchObject({ message: 'errors.sampleEmpty' })
    expect(await refusal(as(lead).agreement.create({ name: 'Not a facilitator', size: 5, coderA: coderA.id, coderB: commission.id }))).toMatchObject({ message: 'errors.chooseCoder' })
    await expect(as(lead).agreement.create({ name: 'Same coder', size: 5, coderA: coderA.id, coderB: coderA.id })).rejects.toThrow(/errors\.sameCoder/)
    expect((await db.selectFrom('audit_log').select('target_id').where('action', '=', 'agreement.create').execute()).map((a) => a.target_id)).toContain(sampleId)
  })

  it('keeps each coder blind: own answers only, no regular tags or suggestions, no results until done', async () => {
    // The submission has regular tags and a suggestion: the coding queue shows neither.
    await db.insertInto('submission_tags').values({ submission_id: items[0]!, tag_id: x, source: 'human' }).execute()
    await db.insertInto('tag_suggestions').values({ submission_id: items[0]!, tag_id: y, confidence: 0.9 }).execute()
    await as(coderA).agreement.code({ sampleId, submissionId: items[0]!, tagIds: [x, y] })
    const queueB = await as(coderB).agreement.queue({ id: sampleId })
    expect(queueB.coded).toBe(0)
    expect(queueB.current).toMatchObject({ id: items[0], position: 0, myTagIds: null })
    expect(queueB.items.every((i) => !i.coded)).toBe(true)
    expect(JSON.stringify(queueB)).not.toContain(x)
    expect(JSON.stringify(queueB)).not.toContain(y)
    expect(Object.keys(queueB.current!).sort()).toEqual(['id', 'language', 'myTagIds', 'position', 'receiptCode', 'text', 'translationEn', 'translationEs'])
    const queueA = await as(coderA).agreement.queue({ id: sampleId, position: 0 })
    expect(queueA.current?.myTagIds?.sort()).toEqual([x, y].sort())
    expect(queueA.coded).toBe(1)
    // Without position, the queue opens the first item not yet coded.
    expect((await as(coderA).agreement.queue({ id: sampleId })).current?.position).toBe(1)
    // Coding in a sample does not tag the submission.
    expect(await db.selectFrom('submission_tags').select('tag_id').where('submission_id', '=', items[0]!).execute()).toEqual([{ tag_id: x }])

    // Not a coder of this sample: no queue, no answers.
    expect(await refusal(as(lead).agreement.queue({ id: sampleId }))).toEqual({ code: 'FORBIDDEN', message: 'errors.notCoder' })
    expect(await refusal(as(lead).agreement.code({ sampleId, submissionId: items[0]!, tagIds: [] }))).toEqual({ code: 'FORBIDDEN', message: 'errors.notCoder' })
    // A coder who has not finished sees no results; a facilitator who codes nothing here does.
    expect(await refusal(as(coderA).agreement.results({ id: sampleId }))).toEqual({ code: 'FORBIDDEN', message: 'errors.agreementBlind' })
    expect(await refusal(as(coderB).agreement.results({ id: sampleId }))).toEqual({ code: 'FORBIDDEN', message: 'errors.agreementBlind' })
    expect((await as(lead).agreement.results({ id: sampleId })).items).toBe(0)
    // Answers are changed freely before the end; an item outside the sample is refused.
    await as(coderA).agreement.code({ sampleId, submissionId: items[0]!, tagIds: [x] })
    expect((await as(coderA).agreement.queue({ id: sampleId, position: 0 })).current?.myTagIds).toEqual([x])
    const outside = await db.selectFrom('submissions').select('id').where('id', 'not in', items).limit(1).executeTakeFirstOrThrow()
    expect(await refusal(as(coderA).agreement.code({ sampleId, submissionId: outside.id, tagIds: [] }))).toMatchObject({ code: 'NOT_FOUND' })
  })

  it('computes kappa on the textbook example: tag X 20/5/10/15 over 50 items gives 0.4', async () => {
    // Coder A says X on items 0–24, coder B on 0–19 and 25–34 (20 both, 5 only A, 10 only B, 15 neither).
    // Y: both on 0–9, only B on 40–44.
    for (const [i, submissionId] of items.entries()) {
      const a = [...(i < 25 ? [x] : []), ...(i < 10 ? [y] : [])]
      const b = [...(i < 20 || (i >= 25 && i < 35) ? [x] : []), ...(i < 10 || (i >= 40 && i < 45) ? [y] : [])]
      await as(coderA).agreement.code({ sampleId, submissionId, tagIds: a })
      await as(coderB).agreement.code({ sampleId, submissionId, tagIds: b })
    }
    const results = await as(coderA).agreement.results({ id: sampleId })
    expect(results.items).toBe(50)
    const tagX = results.perTag.find((t) => t.tagId === x)!
    expect(tagX).toMatchObject({ both: 20, onlyA: 5, onlyB: 10, neither: 15 })
    expect(tagX.kappa).toBeCloseTo(0.4, 10)
    const tagY = results.perTag.find((t) => t.tagId === y)!
    // Y: pₒ = 0.9, pₑ = 0.2·0.3 + 0.8·0.7 = 0.62.
    expect(tagY.kappa).toBeCloseTo(0.28 / 0.38, 10)
    expect(results.overall.kappa).toBeCloseTo((0.2 + 0.28) / (0.5 + 0.38), 10)
    expect(results.disagreements.map((d) => d.position)).toEqual([20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 40, 41, 42, 43, 44])
    expect(results.disagreements[0]).toMatchObject({ onlyA: [x], onlyB: [], receiptCode: expect.stringMatching(/^AG/) })
    expect(results.coders).toEqual({ a: { name: coderA.displayName, coded: 50 }, b: { name: coderB.displayName, coded: 50 } })
    expect(results.tags.map((t) => t.id).sort()).toEqual([x, y].sort())
    // Done: answers are locked, results open to both coders and listed with progress.
    expect(await refusal(as(coderA).agreement.code({ sampleId, submissionId: items[0]!, tagIds: [] }))).toEqual({ code: 'CONFLICT', message: 'errors.codingLocked' })
    expect((await as(coderB).agreement.results({ id: sampleId })).overall.kappa).toBeCloseTo(results.overall.kappa!, 10)
    const listed = (await as(coderA).agreement.list()).find((s) => s.id === sampleId)!
    expect(listed).toMatchObject({ name: 'Pilot', size: 50, codedA: 50, codedB: 50, myRole: 'a' })
    expect((await as(lead).agreement.list()).find((s) => s.id === sampleId)?.myRole).toBeNull()
    const audits = await db.selectFrom('audit_log').select('id').where('action', '=', 'agreement.code').where('target_id', '=', sampleId).execute()
    expect(audits.length).toBe(2 + 100)
  })
})
