import { TRPCError } from '@trpc/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ZodError } from 'zod'
import type { Db } from '../../db/client'
import type { SessionUser } from '../../server/services/auth'
import { createTestDb, testEnv } from '../support/db'
import { callerFor, makeUser } from '../support/factories'

const env = testEnv()
let db: Db
let close: () => Promise<void>
let facilitator: SessionUser
let n = 0

beforeAll(async () => {
  ;({ db, close } = await createTestDb())
  facilitator = await makeUser(db, 'facilitator')
})
afterAll(() => close())

const api = () => callerFor(db, env, facilitator)
const tag = (nameEn: string, extra: { parentId?: string; color?: string } = {}) => api().tag.create({ nameEn, nameEs: `${nameEn} (es)`, descriptionEn: '', descriptionEs: '', color: extra.color ?? '#336699', parentId: extra.parentId })
async function submission(text = 'Los agentes llegaron al parque con máscaras. Nadie de la Ciudad nos ayudó.') {
  return db
    .insertInto('submissions')
    .values({ receipt_code: `CB${String(++n).padStart(7, '0')}`, text_redacted: text, language: 'es', status: 'accepted' })
    .returning('id')
    .executeTakeFirstOrThrow()
}
const taggingsOf = (submissionId: string) =>
  db.selectFrom('submission_tags').select(['tag_id', 'span_start', 'span_end', 'source']).where('submission_id', '=', submissionId).orderBy('tag_id').orderBy('span_start').execute()
const auditOf = (action: string) => db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute()
async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    // Input errors carry zod's issues; their messages are translation keys too.
    if (error instanceof TRPCError && error.cause instanceof ZodError) return error.cause.issues[0]!.message
    if (error instanceof TRPCError) return error.message
    throw error
  }
  throw new Error('expected a refusal')
}

describe('codebook', () => {
  it('creates tags with a stable slug, refuses a second sibling of the same name, and audits', async () => {
    const parent = await tag('Courts')
    expect(parent.slug).toBe('courts')
    const again = await tag('Courts!', {})
    expect(again.slug).toBe('courts-2')
    expect(await refusal(tag('courts'))).toBe('errors.tagNameTaken')
    const child = await tag('Courthouse arrests', { parentId: parent.id })
    const list = await api().tag.list()
    const ids = list.map((t) => t.id)
    expect(ids.indexOf(child.id)).toBe(ids.indexOf(parent.id) + 1)
    expect(list.find((t) => t.id === child.id)?.depth).toBe(1)
    expect((await auditOf('tag.create')).map((a) => a.target_id)).toEqual(expect.arrayContaining([parent.id, child.id]))
    expect(await refusal(api().tag.create({ nameEn: 'x', nameEs: 'x', color: 'blue' } as never))).toBe('errors.color')
  })

  it('renames, describes and recolours, recording what changed', async () => {
    const t = await tag('Langauge access')
    const result = await api().tag.update({ id: t.id, nameEn: 'Language access', nameEs: 'Acceso lingüístico', descriptionEn: 'Interpreters', descriptionEs: 'Intérpretes', color: '#AA3300' })
    expect(result.changed.sort()).toEqual(['color', 'description_en', 'description_es', 'name_en', 'name_es'])
    const row = await db.selectFrom('tags').selectAll().where('id', '=', t.id).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ name_en: 'Language access', color: '#aa3300', slug: 'langauge-access' })
    const audit = (await auditOf('tag.update')).at(-1)!
    expect(audit.details).toMatchObject({ changed: { name_en: { from: 'Langauge access', to: 'Language access' } } })
  })

  it('moves a tag with its sub-tags, but never below itself', async () => {
    const a = await tag('Move A')
    const b = await tag('Move B', { parentId: a.id })
    const c = await tag('Move C', { parentId: b.id })
    expect(await refusal(api().tag.move({ id: a.id, parentId: c.id }))).toBe('errors.tagCycle')
    expect(await refusal(api().tag.move({ id: a.id, parentId: a.id }))).toBe('errors.tagCycle')
    const other = await tag('Move D')
    expect(await api().tag.move({ id: b.id, parentId: other.id })).toMatchObject({ moved: true })
    expect(await api().tag.move({ id: b.id })).toMatchObject({ parentId: null, moved: true })
    const rows = await db.selectFrom('tags').select(['id', 'parent_id']).where('id', 'in', [b.id, c.id]).execute()
    expect(Object.fromEntries(rows.map((r) => [r.id, r.parent_id]))).toEqual({ [b.id]: null, [c.id]: b.id })
    expect((await auditOf('tag.move')).at(-1)?.details).toEqual({ from: other.id, to: null })
  })

  it('merges: taggings move, duplicates collapse, suggestions and coding answers follow, the merged tag is retired', async () => {
    const kept = await tag('Masks')
    const merged = await tag('Face coverings')
    const child = await tag('Balaclavas', { parentId: merged.id })
    const s1 = await submission()
    const s2 = await submission()
    const s3 = await submission()
    // s1: both tags whole (a duplicate after the merge); s2: only the merged tag; s3: same passage with both, and another passage.
    await api().tagging.add({ submissionId: s1.id, tagId: kept.id })
    await api().tagging.add({ submissionId: s1.id, tagId: merged.id })
    await api().tagging.add({ submissionId: s2.id, tagId: merged.id })
    await api().tagging.add({ submissionId: s3.id, tagId: kept.id, quote: 'con máscaras' })
    await api().tagging.add({ submissionId: s3.id, tagId: merged.id, quote: 'con máscaras' })
    await api().tagging.add({ submissionId: s3.id, tagId: merged.id, quote: 'Nadie de la Ciudad' })
    // Pending suggestions: for s2 of the kept tag (stays), for s3 of the merged tag (moves).
    await db.insertInto('tag_suggestions').values([{ submission_id: s3.id, tag_id: merged.id, confidence: 0.5 }]).execute()
    const other = await tag('Unrelated')
    const facilitatorB = await makeUser(db, 'facilitator')
    const sample = await db.insertInto('coding_samples').values({ name: 'm', coder_a: facilitator.id, coder_b: facilitatorB.id, seed: 1 }).returning('id').executeTakeFirstOrThrow()
    await db.insertInto('coding_sample_items').values({ sample_id: sample.id, submission_id: s1.id, position: 0 }).execute()
    await db.insertInto('coding_sample_codings').values({ sample_id: sample.id, submission_id: s1.id, coder_id: facilitator.id, tag_ids: [kept.id, merged.id, other.id] }).execute()

    const result = await api().tag.merge({ id: merged.id, intoId: kept.id })
    expect(result).toMatchObject({ moved: 2, duplicatesRemoved: 2, childrenMoved: 1, codingsUpdated: 1 })

    expect(await taggingsOf(s1.id)).toEqual([{ tag_id: kept.id, span_start: null, span_end: null, source: 'human' }])
    expect(await taggingsOf(s2.id)).toEqual([{ tag_id: kept.id, span_start: null, span_end: null, source: 'human' }])
    const s3Tags = await taggingsOf(s3.id)
    expect(s3Tags.map((t) => [t.tag_id, t.span_start])).toEqual([
      [kept.id, 0 + 'Los agentes llegaron al parque '.length],
      [kept.id, 'Los agentes llegaron al parque con máscaras. '.length],
    ])
    expect(await db.selectFrom('submission_tags').select('id').where('tag_id', '=', merged.id).execute()).toEqual([])
    const suggestion = await db.selectFrom('tag_suggestions').select(['tag_id']).where('submission_id', '=', s3.id).executeTakeFirst()
    // s3 already has the kept tag (as passages), so the moved suggestion would propose what it has: dropped.
    expect(suggestion).toBeUndefined()
    const coding = await db.selectFrom('coding_sample_codings').select('tag_ids').where('sample_id', '=', sample.id).executeTakeFirstOrThrow()
    expect([...coding.tag_ids].sort()).toEqual([kept.id, other.id].sort())
    const rows = await db.selectFrom('tags').select(['id', 'retired_at', 'merged_into_id', 'parent_id']).where('id', 'in', [merged.id, child.id]).execute()
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]))
    expect(byId[merged.id]).toMatchObject({ merged_into_id: kept.id })
    expect(byId[merged.id]!.retired_at).toBeInstanceOf(Date)
    expect(byId[child.id]).toMatchObject({ parent_id: kept.id, merged_into_id: null, retired_at: null })
    expect((await auditOf('tag.merge')).at(-1)).toMatchObject({ target_id: merged.id, details: { intoId: kept.id, moved: 2, duplicatesRemoved: 2 } })

    // A merged tag takes no more taggings, cannot be merged again, renamed or brought back.
    expect(await refusal(api().tagging.add({ submissionId: s2.id, tagId: merged.id }))).toBe('errors.tagRetired')
    expect(await refusal(api().tag.merge({ id: merged.id, intoId: other.id }))).toBe('errors.tagMerged')
    expect(await refusal(api().tag.unretire({ id: merged.id }))).toBe('errors.tagMerged')
    expect(await refusal(api().tag.merge({ id: other.id, intoId: merged.id }))).toBe('errors.tagRetired')
    expect(await refusal(api().tag.merge({ id: other.id, intoId: other.id }))).toBe('errors.tagMergeSelf')
  })

  it('moves pending suggestions to the kept tag when it is not already there', async () => {
    const kept = await tag('Schools')
    const merged = await tag('Escuelas dup')
    const s = await submission()
    await db.insertInto('tag_suggestions').values({ submission_id: s.id, tag_id: merged.id, confidence: 0.7 }).execute()
    await api().tag.merge({ id: merged.id, intoId: kept.id })
    expect(await db.selectFrom('tag_suggestions').select(['tag_id', 'status']).where('submission_id', '=', s.id).execute()).toEqual([{ tag_id: kept.id, status: 'pending' }])
  })

  it('refuses to merge a tag into one of its own sub-tags', async () => {
    const parent = await tag('Parent P')
    const child = await tag('Child P', { parentId: parent.id })
    expect(await refusal(api().tag.merge({ id: parent.id, intoId: child.id }))).toBe('errors.tagCycle')
  })

  it('retires (not while sub-tags are active) and brings back; retired tags are not applied', async () => {
    const parent = await tag('Retire parent')
    const child = await tag('Retire child', { parentId: parent.id })
    expect(await refusal(api().tag.retire({ id: parent.id }))).toBe('errors.tagHasChildren')
    const s = await submission()
    await api().tagging.add({ submissionId: s.id, tagId: child.id })
    await db.insertInto('tag_suggestions').values({ submission_id: s.id, tag_id: child.id, confidence: 0.9, status: 'rejected' }).execute()
    const other = await submission()
    await db.insertInto('tag_suggestions').values({ submission_id: other.id, tag_id: child.id, confidence: 0.9 }).execute()
    expect(await api().tag.retire({ id: child.id })).toEqual({ id: child.id, retired: true })
    // Existing taggings stay; pending suggestions go; decided ones are history and stay.
    expect(await taggingsOf(s.id)).toHaveLength(1)
    expect(await db.selectFrom('tag_suggestions').select('status').where('tag_id', '=', child.id).execute()).toEqual([{ status: 'rejected' }])
    expect(await refusal(api().tagging.add({ submissionId: other.id, tagId: child.id }))).toBe('errors.tagRetired')
    await api().tag.retire({ id: parent.id })
    expect(await refusal(api().tag.unretire({ id: child.id }))).toBe('errors.tagParentRetired')
    await api().tag.unretire({ id: parent.id })
    expect(await api().tag.unretire({ id: child.id })).toEqual({ id: child.id, unretired: true })
    expect((await auditOf('tag.retire')).length).toBe(2)
    expect((await auditOf('tag.unretire')).length).toBe(2)
  })
})

describe('tagging', () => {
  it('tags a whole submission and a passage (by its words, or by offsets), once each, and removes', async () => {
    const t = await tag('Officer conduct')
    const s = await submission('Los agentes llegaron al parque.\nNadie de la Ciudad   nos ayudó.')
    const whole = await api().tagging.add({ submissionId: s.id, tagId: t.id })
    expect(whole).toMatchObject({ created: true, spanStart: null })
    expect(await api().tagging.add({ submissionId: s.id, tagId: t.id })).toMatchObject({ id: whole.id, created: false })
    const byWords = await api().tagging.add({ submissionId: s.id, tagId: t.id, quote: 'nadie de la ciudad nos ayudó' })
    expect(byWords).toMatchObject({ created: true, spanStart: 32, spanEnd: 32 + 'Nadie de la Ciudad   nos ayudó'.length })
    const byOffsets = await api().tagging.add({ submissionId: s.id, tagId: t.id, spanStart: 12, spanEnd: 20, quote: 'llegaron' })
    expect(byOffsets).toMatchObject({ created: true, spanStart: 12, spanEnd: 20 })
    expect(await refusal(api().tagging.add({ submissionId: s.id, tagId: t.id, quote: 'la migra' }))).toBe('errors.quoteNotFound')
    expect(await refusal(api().tagging.add({ submissionId: s.id, tagId: t.id, spanStart: 10, spanEnd: 5000 }))).toBe('errors.spanInvalid')
    expect(await taggingsOf(s.id)).toHaveLength(3)
    const detail = await api().submission.byId({ id: s.id })
    expect(detail.tags.map((x) => [x.spanStart, x.spanEnd])).toEqual([
      [null, null],
      [12, 20],
      [32, 62],
    ])
    await api().tagging.remove({ id: byOffsets.id })
    expect(await taggingsOf(s.id)).toHaveLength(2)
    expect(await refusal(api().tagging.remove({ id: byOffsets.id }))).toBe('errors.notFound')
    const audits = await db.selectFrom('audit_log').select(['action', 'details']).where('target_id', '=', s.id).orderBy('id').execute()
    expect(audits.map((a) => a.action)).toEqual(['tagging.add', 'tagging.add', 'tagging.add', 'tagging.remove'])
    expect(audits[3]!.details).toMatchObject({ tagId: t.id, spanStart: 12, spanEnd: 20 })
  })

  it('does not tag withdrawn or merged testimony', async () => {
    const t = await tag('Closed check')
    const s = await submission()
    await db.updateTable('submissions').set({ status: 'withdrawn', text_redacted: null }).where('id', '=', s.id).execute()
    expect(await refusal(api().tagging.add({ submissionId: s.id, tagId: t.id }))).toBe('errors.taggingClosed')
  })

  it('bulk-tags a selection: new ones added, tagged ones counted, closed ones skipped, one audit entry', async () => {
    const t = await tag('Bulk tag')
    const [a, b, c, closed] = [await submission(), await submission(), await submission(), await submission()]
    await db.updateTable('submissions').set({ status: 'merged' }).where('id', '=', closed.id).execute()
    await api().tagging.add({ submissionId: b.id, tagId: t.id })
    await db.insertInto('tag_suggestions').values({ submission_id: a.id, tag_id: t.id, confidence: 0.6 }).execute()
    const result = await api().tagging.bulkAdd({ submissionIds: [a.id, b.id, c.id, closed.id], tagId: t.id })
    expect(result).toEqual({ added: 2, already: 1, skipped: 1 })
    for (const s of [a, b, c]) expect((await taggingsOf(s.id)).map((x) => x.tag_id)).toEqual([t.id])
    expect(await taggingsOf(closed.id)).toEqual([])
    // Tagging by hand what was suggested records the suggestion as accepted.
    expect(await db.selectFrom('tag_suggestions').select(['status', 'decided_by']).where('submission_id', '=', a.id).executeTakeFirst()).toEqual({ status: 'accepted', decided_by: facilitator.id })
    const audit = (await auditOf('tagging.bulkAdd')).at(-1)!
    expect(audit).toMatchObject({ target_id: t.id, actor_user_id: facilitator.id })
    expect((audit.details.submissionIds as string[]).sort()).toEqual([a.id, c.id].sort())
    expect(await refusal(api().tagging.bulkAdd({ submissionIds: [], tagId: t.id }))).toBe('errors.chooseSubmissions')
  })
})
