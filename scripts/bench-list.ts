/**
 * npm run bench:list — server time of the facilitators' submissions list on
 * 100,000 submissions (embedded PGlite, or DATABASE_URL's server if set).
 * Prints the median and worst of several runs for each filter.
 */
import { availableParallelism, loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { sql } from 'kysely'
import { createDb } from '../db/client'
import { migrateToLatest } from '../db/migrator'
import { generateDemoTestimonies } from '../server/demo/testimonies'
import { facetsForWorkspace, listForWorkspace } from '../server/services/submission'
import { redact } from '../server/analysis/redact'
import type { SubmissionListInput } from '../server/schemas/submission'

const N = Number(process.env.BENCH_ROWS ?? 100_000)
const RUNS = 7

async function main() {
  const db = createDb({ databaseUrl: process.env.DATABASE_URL, dataDir: 'memory://' })
  await migrateToLatest(db)
  const org = await db.insertInto('organizations').values({ slug: 'bench', name: 'Bench' }).returning('id').executeTakeFirstOrThrow()
  const tag = await db.insertInto('tags').values({ slug: 'bench-tag', name_en: 'Bench', name_es: 'Banco' }).returning('id').executeTakeFirstOrThrow()
  const demo = generateDemoTestimonies({ count: 720, seed: 7 })
  const redacted = demo.map((t) => redact(t.text).redacted)

  let started = performance.now()
  const batch = 2_000
  for (let offset = 0; offset < N; offset += batch) {
    const rows = []
    for (let i = offset; i < Math.min(N, offset + batch); i++) {
      const t = demo[i % demo.length]!
      rows.push({
        receipt_code: `B${i.toString(36).toUpperCase().padStart(8, '0')}`,
        organization_id: org.id,
        text_redacted: redacted[i % demo.length]!,
        language: t.lang,
        incident_month: t.incidentMonth,
        area: t.area,
        setting: t.setting,
        agencies: t.agencies,
        status: i % 10 === 0 ? 'pending' : 'accepted',
        created_at: new Date(Date.UTC(2025, 5, 1) + i * 60_000),
      })
    }
    await db.insertInto('submissions').values(rows).execute()
  }
  await sql`insert into submission_tags (submission_id, tag_id) select id, ${tag.id} from submissions where incident_month = '2025-07'`.execute(db)
  await sql`analyze`.execute(db)
  console.log(`seeded ${N.toLocaleString()} submissions in ${((performance.now() - started) / 1000).toFixed(1)} s`)

  const cases: [string, Partial<SubmissionListInput>][] = [
    ['no filter, page 1', {}],
    ['no filter, page 200', { page: 200 }],
    ['search "policía"', { q: 'policía' }],
    ['search "masks badge"', { q: 'masks badge' }],
    ['bureau Central', { bureau: 'central' }],
    ['agency ICE + period', { agency: 'ice', monthFrom: '2025-06', monthTo: '2025-08' }],
    ['tag', { tagId: tag.id }],
    ['untagged + Spanish', { untagged: true, language: 'es' }],
    ['status pending', { status: 'pending' }],
  ]
  // The page's server time is the list plus its facet counts (the loader asks for both).
  // Facets are cached per filter until the data changes: "cold" is a new filter or
  // changed data, "warm" is paging through the same selection.
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!
  console.log('\nmedian ms of ' + RUNS + ' runs      total     list  facets cold  facets warm  page cold  page warm')
  let worstCold = 0
  for (const [name, filter] of cases) {
    const list: number[] = []
    const cold: number[] = []
    const warm: number[] = []
    let total = 0
    const { page: _page, pageSize: _size, ...facetFilter } = filter
    for (let r = 0; r < RUNS; r++) {
      await sql`select nextval('submissions_data_version')`.execute(db)
      started = performance.now()
      const result = await listForWorkspace(db, { page: 1, pageSize: 25, ...filter })
      list.push(performance.now() - started)
      total = result.total
      started = performance.now()
      await facetsForWorkspace(db, facetFilter)
      cold.push(performance.now() - started)
      started = performance.now()
      await facetsForWorkspace(db, facetFilter)
      warm.push(performance.now() - started)
    }
    const pageCold = median(list) + median(cold)
    worstCold = Math.max(worstCold, pageCold)
    console.log(
      `${name.padEnd(28)} ${String(total).padStart(6)} ${median(list).toFixed(1).padStart(8)} ${median(cold).toFixed(1).padStart(12)} ${median(warm).toFixed(1).padStart(12)} ${pageCold.toFixed(1).padStart(10)} ${(median(list) + median(warm)).toFixed(1).padStart(10)}`,
    )
  }
  console.log(`\nslowest page (cold facets): ${worstCold.toFixed(1)} ms; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${availableParallelism()} cores`)
  await db.destroy()
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
