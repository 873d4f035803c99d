import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../db/client'
import type { SessionUser } from '../../server/services/auth'
import type { z } from 'zod'
import type { SubmissionInputSchema } from '../../server/schemas/submission'

type SubmissionInput = z.input<typeof SubmissionInputSchema>
import { createTestDb, testEnv } from '../support/db'
import { callerFor, makeOrganization, makeUser } from '../support/factories'

const env = testEnv()
let db: Db
let close: () => Promise<void>
let facilitator: SessionUser
let orgA: string
const ids: Record<string, string> = {}

const base = { agencies: [], consentQuote: false, consentContact: false } satisfies Partial<SubmissionInput>

beforeAll(async () => {
  ;({ db, close } = await createTestDb())
  orgA = (await makeOrganization(db, 'Org A')).id
  const orgB = (await makeOrganization(db, 'Org B')).id
  const a = await makeUser(db, 'submitter', orgA)
  const b = await makeUser(db, 'submitter', orgB)
  facilitator = await makeUser(db, 'facilitator')
  const add = async (key: string, who: SessionUser, input: SubmissionInput) => {
    ids[key] = (await callerFor(db, env, who).submission.create({ ...base, ...input })).id
  }
  await add('policia', a, { text: 'Los policías detuvieron a mi vecino frente a la escuela primaria.', area: 'hollenbeck', incidentMonth: '2025-06', agencies: ['lapd'] })
  await add('raids', a, { text: 'The raids at the car wash scared every worker on the block.', area: 'van-nuys', incidentMonth: '2025-07', agencies: ['ice', 'cbp'], setting: 'workplace' })
  await add('masks', b, { text: 'Agents wearing masks would not show any badge.', area: 'harbor', incidentMonth: '2025-09', agencies: ['ice'] })
  const tag = await db.insertInto('tags').values({ slug: 'masks', name_en: 'Masks', name_es: 'Máscaras' }).returning('id').executeTakeFirstOrThrow()
  ids.tag = tag.id
  await db.insertInto('submission_tags').values({ submission_id: ids.masks!, tag_id: tag.id }).execute()
})
afterAll(() => close())

async function found(filters: Parameters<ReturnType<typeof callerFor>['submission']['list']>[0]) {
  const list = await callerFor(db, env, facilitator).submission.list(filters)
  return list.items.map((s) => Object.entries(ids).find(([, id]) => id === s.id)?.[0]).sort()
}

describe('searching and filtering submissions', () => {
  it('finds Spanish words with or without accents, and English words by their stem', async () => {
    expect(await found({ q: 'policía' })).toEqual(['policia'])
    expect(await found({ q: 'policia' })).toEqual(['policia'])
    expect(await found({ q: 'ESCUELA' })).toEqual(['policia'])
    expect(await found({ q: 'raid' })).toEqual(['raids'])
    expect(await found({ q: 'mask badges' })).toEqual(['masks'])
    expect(await found({ q: 'mask school' })).toEqual([])
  })

  it('treats search text as words, never as query syntax', async () => {
    expect(await found({ q: `'); drop table submissions; --` })).toEqual([])
    expect(await found({ q: '!!! && || :* <->' })).toEqual([])
    expect((await callerFor(db, env, facilitator).submission.list({})).total).toBe(3)
  })

  it('filters by bureau, area, agency, setting, period, organization, tag and untagged', async () => {
    expect(await found({ bureau: 'central' })).toEqual(['policia'])
    expect(await found({ bureau: 'valley' })).toEqual(['raids'])
    expect(await found({ bureau: 'central', area: 'van-nuys' })).toEqual([])
    expect(await found({ area: 'harbor' })).toEqual(['masks'])
    expect(await found({ agency: 'ice' })).toEqual(['masks', 'raids'])
    expect(await found({ setting: 'workplace' })).toEqual(['raids'])
    expect(await found({ monthFrom: '2025-07', monthTo: '2025-08' })).toEqual(['raids'])
    expect(await found({ organizationId: orgA })).toEqual(['policia', 'raids'])
    expect(await found({ tagId: ids.tag })).toEqual(['masks'])
    expect(await found({ untagged: true })).toEqual(['policia', 'raids'])
    expect(await found({ language: 'es', agency: 'lapd' })).toEqual(['policia'])
  })

  it('filters by a clustering run, one of its clusters, and a theme', async () => {
    const job = await db.insertInto('jobs').values({ kind: 'cluster-run', status: 'succeeded' }).returning('id').executeTakeFirstOrThrow()
    const run = await db.insertInto('clustering_runs').values({ job_id: job.id, name: 'June', seed: 1 }).returning('id').executeTakeFirstOrThrow()
    await db
      .insertInto('run_members')
      .values([
        { run_id: run.id, submission_id: ids.policia!, cluster: 0, similarity: 0.9 },
        { run_id: run.id, submission_id: ids.raids!, cluster: 1, similarity: 0.8 },
        { run_id: run.id, submission_id: ids.masks!, cluster: -1, similarity: 0.1 },
      ])
      .execute()
    const theme = await db.insertInto('themes').values({ title: 'Raids' }).returning('id').executeTakeFirstOrThrow()
    await db.insertInto('theme_members').values({ theme_id: theme.id, submission_id: ids.raids! }).execute()
    expect(await found({ runId: run.id })).toEqual(['masks', 'policia', 'raids'])
    expect(await found({ runId: run.id, cluster: 1 })).toEqual(['raids'])
    expect(await found({ runId: run.id, cluster: -1 })).toEqual(['masks'])
    expect(await found({ themeId: theme.id })).toEqual(['raids'])
    const listed = await callerFor(db, env, facilitator).submission.list({ themeId: theme.id, runId: run.id })
    expect(listed.groups).toEqual({ run: { id: run.id, name: 'June' }, theme: { id: theme.id, title: 'Raids' } })
  })

  it('counts each filter value over the current selection', async () => {
    const facets = await callerFor(db, env, facilitator).submission.facets({})
    expect(facets.counts.language).toEqual({ es: 1, en: 2 })
    expect(facets.counts.area).toEqual({ hollenbeck: 1, 'van-nuys': 1, harbor: 1 })
    expect(facets.counts.agency).toEqual({ lapd: 1, ice: 2, cbp: 1 })
    expect(facets.counts.setting).toEqual({ '': 2, workplace: 1 })
    expect(facets.counts.organization).toEqual({ [orgA]: 2, [Object.keys(facets.counts.organization).find((o) => o !== orgA)!]: 1 })
    expect(facets.counts.tag).toEqual({ [ids.tag!]: 1 })
    expect(Object.values(facets.counts.status).reduce((a, b) => a + b, 0)).toBe(3)

    const narrowed = await callerFor(db, env, facilitator).submission.facets({ agency: 'ice' })
    expect(narrowed.counts.language).toEqual({ en: 2 })
    expect(narrowed.counts.agency).toEqual({ ice: 2, cbp: 1 })
    expect(narrowed.counts.organization[orgA]).toBe(1)
    const searched = await callerFor(db, env, facilitator).submission.facets({ q: 'policia' })
    expect(searched.counts.area).toEqual({ hollenbeck: 1 })
    expect(searched.counts.tag).toEqual({})
  })

  it('recounts after any change, even though counts are cached per filter', async () => {
    const caller = callerFor(db, env, facilitator)
    const before = await caller.submission.facets({ agency: 'ice' })
    expect(await caller.submission.facets({ agency: 'ice' })).toEqual(before)
    await db.updateTable('submissions').set({ language: 'es' }).where('id', '=', ids.masks!).execute()
    const after = await caller.submission.facets({ agency: 'ice' })
    expect(after.counts.language).toEqual({ en: 1, es: 1 })
    await db.deleteFrom('submission_tags').where('submission_id', '=', ids.masks!).execute()
    expect((await caller.submission.facets({ agency: 'ice' })).counts.tag).toEqual({})
  })
  it('shows the passage around the matches, marked, in Spanish and English, never the first characters', async () => {
    const caller = callerFor(db, env, facilitator)
    const submitter = await makeUser(db, 'submitter', orgA)
    const long = 'Primero hablamos de la lluvia, del tráfico y de los precios del mercado durante un buen rato. '.repeat(4)
    const id = (await callerFor(db, env, submitter).submission.create({ ...base, text: `${long}Después llegaron los policías <b>sin</b> placa a la parada del autobús. ${long}` })).id
    const passageOf = async (q: string, key: string) => {
      const item = (await caller.submission.list({ q })).items.find((s) => s.id === key)!
      return item.passage!
    }
    const es = await passageOf('policia placa', id)
    expect(es.filter((s) => s.match).map((s) => s.text)).toEqual(['policías', 'placa'])
    expect(es[0]).toEqual({ text: '… ', match: false })
    expect(es[es.length - 1]).toEqual({ text: ' …', match: false })
    // ts_headline drops what looks like markup: nothing in a passage is a tag, and spaces stay single.
    expect(es.map((s) => s.text).join('')).toContain('los policías sin placa a la parada')
    expect(es.some((s) => s.text.includes('<') || s.text.includes('  '))).toBe(false)
    const en = await passageOf('badges', ids.masks!)
    expect(en).toEqual([
      { text: 'Agents wearing masks would not show any ', match: false },
      { text: 'badge', match: true },
    ])
    // Without a search, no passage.
    expect((await caller.submission.list({})).items.every((s) => s.passage === null)).toBe(true)
  })
})
