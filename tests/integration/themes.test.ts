import { TRPCError } from '@trpc/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../db/client'
import { clusterRunHandler } from '../../server/jobs/cluster-run'
import { startJobWorker } from '../../server/jobs/queue'
import type { SessionUser } from '../../server/services/auth'
import { CLUSTER_RUN_JOB } from '../../server/services/clustering-run'
import { createTestDb, testEnv } from '../support/db'
import { callerFor, makeOrganization, makeUser } from '../support/factories'
import { insertDemoTestimonies } from '../support/testimonies'

const env = testEnv()
let db: Db
let close: () => Promise<void>
let facilitator: SessionUser
let runId: string
let clusters: { cluster: number; size: number; summary: string }[]
let tags: Map<string, string>

const caller = () => callerFor(db, env, facilitator)

async function drain() {
  const worker = startJobWorker(db, { [CLUSTER_RUN_JOB]: clusterRunHandler(db, { threads: 1 }) }, { pollMs: 60_000 })
  await worker.idle()
  await worker.stop()
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    if (error instanceof TRPCError) return error.message
    throw error
  }
  return 'no error'
}

const memberIds = async (themeId: string) =>
  (await db.selectFrom('theme_members').select('submission_id').where('theme_id', '=', themeId).orderBy('submission_id').execute()).map((r) => r.submission_id)
const clusterMemberIds = async (run: string, cluster: number) =>
  (await db.selectFrom('run_members').select('submission_id').where('run_id', '=', run).where('cluster', '=', cluster).orderBy('submission_id').execute()).map(
    (r) => r.submission_id,
  )
const auditOf = (themeId: string) =>
  db.selectFrom('audit_log').select(['action', 'details', 'actor_user_id']).where('target_type', '=', 'theme').where('target_id', '=', themeId).orderBy('id').execute()

beforeAll(async () => {
  ;({ db, close } = await createTestDb())
  const org = await makeOrganization(db)
  facilitator = await makeUser(db, 'facilitator')
  ;({ tags } = (await insertDemoTestimonies(db, org.id, { count: 120, seed: 21 })) as { tags: Map<string, string> })
  runId = (await caller().run.start({ name: 'Themes test run', filter: {}, k: 6, seed: 4 })).id
  await drain()
  clusters = (await caller().run.clusters({ id: runId })).filter((c) => c.cluster >= 0)
}, 180_000)
afterAll(() => close())

describe('themes', { timeout: 120_000 }, () => {
  let a: string
  let b: string
  let c: string

  it('promotes a cluster: members, source and draft summary; once only', async () => {
    a = (await caller().theme.createFromCluster({ runId, cluster: 0 })).id
    const theme = await caller().theme.byId({ id: a })
    expect(theme).toMatchObject({ status: 'active', summary: clusters[0]!.summary, memberCount: clusters[0]!.size })
    expect(theme.title.length).toBeGreaterThan(0)
    expect(theme.sources).toEqual([expect.objectContaining({ kind: 'cluster', runId, runName: 'Themes test run', cluster: 0, memberCount: clusters[0]!.size })])
    expect(await memberIds(a)).toEqual(await clusterMemberIds(runId, 0))
    expect(await refusal(caller().theme.createFromCluster({ runId, cluster: 0 }))).toBe('errors.clusterPromoted')
    expect((await auditOf(a)).map((e) => e.action)).toEqual(['theme.create'])
    // The run's results page shows the cluster as promoted.
    expect((await caller().run.clusters({ id: runId })).find((x) => x.cluster === 0)!.themes).toEqual([expect.objectContaining({ id: a })])
  })

  it('creates a theme from a tag’s submissions', async () => {
    const tagId = tags.get('courts')!
    const tagged = (await db.selectFrom('submission_tags').select('submission_id').where('tag_id', '=', tagId).orderBy('submission_id').execute()).map((r) => r.submission_id)
    c = (await caller().theme.createFromTag({ tagId, title: 'Courts' })).id
    expect(await memberIds(c)).toEqual(tagged)
    expect((await caller().theme.byId({ id: c })).sources).toEqual([expect.objectContaining({ kind: 'tag', tagId, tagNameEn: expect.any(String), memberCount: tagged.length })])
    const empty = await db.insertInto('tags').values({ slug: 'unused', name_en: 'Unused', name_es: 'Sin uso' }).returning('id').executeTakeFirstOrThrow()
    expect(await refusal(caller().theme.createFromTag({ tagId: empty.id }))).toBe('errors.themeNoMembers')
    expect(await db.selectFrom('themes').select('id').where('title', '=', 'Unused').execute()).toEqual([])
  })

  it('quotes only members whose submitter consented, accepted and not withdrawn; with the machine translation', async () => {
    b = (await caller().theme.createFromCluster({ runId, cluster: 1, title: 'Second' })).id
    const members = await db
      .selectFrom('theme_members as tm')
      .innerJoin('submissions as s', 's.id', 'tm.submission_id')
      .select(['s.id', 's.consent_quote', 's.language'])
      .where('tm.theme_id', '=', b)
      .execute()
    const noConsent = members.find((m) => !m.consent_quote)!
    const consenting = members.filter((m) => m.consent_quote)
    expect(consenting.length).toBeGreaterThan(2)
    const outsider = (await clusterMemberIds(runId, 2))[0]!

    expect(await refusal(caller().theme.addQuote({ themeId: b, submissionId: noConsent.id }))).toBe('errors.quoteNoConsent')
    expect(await refusal(caller().theme.addQuote({ themeId: b, submissionId: outsider }))).toBe('errors.quoteNotMember')
    const pending = consenting[2]!
    await db.updateTable('submissions').set({ status: 'pending' }).where('id', '=', pending.id).execute()
    expect(await refusal(caller().theme.addQuote({ themeId: b, submissionId: pending.id }))).toBe('errors.quoteNotAccepted')
    expect((await caller().theme.quotable({ id: b, page: 1, pageSize: 100 })).items.map((q) => q.id)).not.toContain(pending.id)

    const first = consenting[0]!
    await db
      .updateTable('submissions')
      .set(first.language === 'es' ? { translation_en: 'Machine English.' } : { translation_es: 'Español automático.' })
      .where('id', '=', first.id)
      .execute()
    const quote = await caller().theme.addQuote({ themeId: b, submissionId: first.id })
    expect(await refusal(caller().theme.addQuote({ themeId: b, submissionId: first.id }))).toBe('errors.quoteExists')
    let theme = await caller().theme.byId({ id: b })
    expect(theme.quotes).toEqual([
      expect.objectContaining({
        id: quote.id,
        submissionId: first.id,
        language: first.language,
        translationKind: 'machine',
        translationLang: first.language === 'es' ? 'en' : 'es',
        translation: first.language === 'es' ? 'Machine English.' : 'Español automático.',
      }),
    ])
    await caller().theme.translateQuote({ quoteId: quote.id, translation: 'Corrected by a person.' })
    theme = await caller().theme.byId({ id: b })
    expect(theme.quotes[0]).toMatchObject({ translation: 'Corrected by a person.', translationKind: 'human' })

    const second = await caller().theme.addQuote({ themeId: b, submissionId: consenting[1]!.id })
    await caller().theme.moveQuote({ quoteId: second.id, direction: 'up' })
    expect((await caller().theme.byId({ id: b })).quotes.map((q) => q.id)).toEqual([second.id, quote.id])

    // Withdrawn afterwards: the quote stays listed for removal, without its text.
    await db.updateTable('submissions').set({ status: 'withdrawn', text_redacted: null }).where('id', '=', consenting[1]!.id).execute()
    const after = (await caller().theme.byId({ id: b })).quotes
    expect(after.find((q) => q.id === second.id)).toMatchObject({ stillQuotable: false, text: null, translation: null })
    await caller().theme.removeQuote({ quoteId: second.id })
    expect((await caller().theme.byId({ id: b })).quotes.map((q) => q.id)).toEqual([quote.id])
  })

  it('moves members (and their quotes) between themes, recorded on both', async () => {
    const quoted = (await caller().theme.byId({ id: b })).quotes[0]!.submissionId
    const others = (await memberIds(b)).filter((id) => id !== quoted).slice(0, 2)
    const moving = [quoted, ...others]
    const beforeA = await memberIds(a)
    expect(await refusal(caller().theme.moveMembers({ fromThemeId: b, toThemeId: b, submissionIds: moving }))).toBe('errors.themeMoveSame')
    expect(await refusal(caller().theme.moveMembers({ fromThemeId: b, toThemeId: a, submissionIds: [beforeA[0]!] }))).toBe('errors.themeNotMember')
    const result = await caller().theme.moveMembers({ fromThemeId: b, toThemeId: a, submissionIds: moving })
    expect(result).toEqual({ moved: 3, added: 3, quotesMoved: 1 })
    expect(await memberIds(a)).toEqual([...beforeA, ...moving].sort())
    expect((await memberIds(b)).some((id) => moving.includes(id))).toBe(false)
    expect((await caller().theme.byId({ id: b })).quotes).toEqual([])
    const themeA = await caller().theme.byId({ id: a })
    expect(themeA.quotes.map((q) => q.submissionId)).toEqual([quoted])
    expect(themeA.quotes[0]!.translationKind).toBe('human')
    expect(themeA.sources.at(-1)).toMatchObject({ kind: 'manual', sourceThemeId: b, sourceThemeTitle: 'Second', memberCount: 3 })
    expect((await auditOf(b)).map((e) => e.action)).toContain('theme.moveOut')
    expect((await auditOf(a)).map((e) => e.action)).toContain('theme.moveIn')
  })

  it('merges themes: union of members, sources and quotes to the target, sources marked merged', async () => {
    const target = a
    const [membersA, membersB, membersC] = [await memberIds(a), await memberIds(b), await memberIds(c)]
    // A quote in C the target does not have moves; C's quote of a testimony the target already quotes does not.
    const consentingC = await db
      .selectFrom('theme_members as tm')
      .innerJoin('submissions as s', 's.id', 'tm.submission_id')
      .select('s.id')
      .where('tm.theme_id', '=', c)
      .where('s.consent_quote', '=', true)
      .where('s.status', '=', 'accepted')
      .where('s.id', 'not in', (eb) => eb.selectFrom('theme_quotes').select('submission_id').where('theme_id', '=', target))
      .orderBy('s.id')
      .execute()
    const cQuote = consentingC.length ? await caller().theme.addQuote({ themeId: c, submissionId: consentingC[0]!.id }) : null

    expect(await refusal(caller().theme.merge({ targetId: target, sourceIds: [target] }))).toBe('errors.themeMergeSelf')
    const result = await caller().theme.merge({ targetId: target, sourceIds: [b, c] })
    const union = [...new Set([...membersA, ...membersB, ...membersC])].sort()
    expect(await memberIds(target)).toEqual(union)
    expect(result.membersAdded).toBe(union.length - membersA.length)

    const merged = await caller().theme.byId({ id: target })
    expect(merged.memberCount).toBe(union.length)
    // Both sources were recorded in one transaction (same time): compare them in a fixed order.
    const themeSources = merged.sources.filter((s) => s.kind === 'theme').map((s) => [s.sourceThemeId, s.memberCount])
    expect(themeSources.sort()).toEqual(
      [
        [b, membersB.length],
        [c, membersC.length],
      ].sort(),
    )
    if (cQuote) expect(merged.quotes.map((q) => q.id)).toContain(cQuote.id)
    expect(merged.quotes.map((q) => q.position)).toEqual(merged.quotes.map((_, i) => i))

    for (const source of [b, c]) {
      const s = await caller().theme.byId({ id: source })
      expect(s).toMatchObject({ status: 'merged', mergedIntoId: target })
      expect((await auditOf(source)).at(-1)).toMatchObject({ action: 'theme.mergedInto', actor_user_id: facilitator.id })
      // A merged theme is a record: no further edits.
      expect(await refusal(caller().theme.update({ id: source, title: 'x', summary: '' }))).toBe('errors.themeNotActive')
    }
    expect(await refusal(caller().theme.merge({ targetId: target, sourceIds: [b] }))).toBe('errors.themeNotActive')
    expect((await caller().theme.list({ status: 'active' })).map((t) => t.id)).not.toContain(b)
    const history = await caller().theme.history({ id: target })
    expect(history[0]).toMatchObject({ action: 'theme.merge', details: expect.objectContaining({ sourceIds: [b, c], sourceTitles: ['Second', 'Courts'] }) })
  })

  it('split: a cluster re-clustered in a child run whose clusters become themes of their own', async () => {
    const big = [...clusters].sort((x, y) => y.size - x.size)[0]!
    const { id: childId } = await caller().run.split({ id: runId, cluster: big.cluster, k: 2 })
    await drain()
    const child = (await caller().run.clusters({ id: childId })).filter((x) => x.cluster >= 0)
    expect(child).toHaveLength(2)
    expect(child[0]!.size + child[1]!.size).toBe(big.size)
    const t1 = (await caller().theme.createFromCluster({ runId: childId, cluster: 0 })).id
    const t2 = (await caller().theme.createFromCluster({ runId: childId, cluster: 1 })).id
    const [m1, m2] = [await memberIds(t1), await memberIds(t2)]
    expect(m1.some((id) => m2.includes(id))).toBe(false)
    expect([...m1, ...m2].sort()).toEqual(await clusterMemberIds(runId, big.cluster))
    expect((await caller().theme.byId({ id: t1 })).sources[0]).toMatchObject({ kind: 'cluster', runId: childId, cluster: 0 })
  })

  it('edits title and summary, removes members, archives; every edit audited with who', async () => {
    await caller().theme.update({ id: a, title: 'Masks and badges', summary: 'People saw agents without badges.' })
    const theme = await caller().theme.byId({ id: a })
    expect(theme).toMatchObject({ title: 'Masks and badges', summary: 'People saw agents without badges.' })
    const [first] = await memberIds(a)
    await caller().theme.removeMembers({ themeId: a, submissionIds: [first!] })
    expect(await memberIds(a)).not.toContain(first)
    await caller().theme.archive({ id: a })
    expect((await caller().theme.byId({ id: a })).status).toBe('archived')
    const actions = (await auditOf(a)).map((e) => e.action)
    expect(actions).toEqual(['theme.create', 'theme.moveIn', 'theme.merge', 'theme.update', 'theme.removeMembers', 'theme.archive'])
    expect((await auditOf(a)).every((e) => e.actor_user_id === facilitator.id)).toBe(true)
    const translate = await db.selectFrom('audit_log').select('action').where('action', 'in', ['theme.translateQuote', 'theme.reorderQuote', 'theme.removeQuote']).execute()
    expect(new Set(translate.map((t) => t.action))).toEqual(new Set(['theme.translateQuote', 'theme.reorderQuote', 'theme.removeQuote']))
  })
})
