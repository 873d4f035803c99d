/**
 * Issue 12 §3: withdrawal reaches published versions. After a submitter
 * withdraws a quoted testimony, its words are nowhere in the database (published
 * quotes, their translations, machine drafts) and in no view, print or PDF of
 * any version; readers see that the quote was withdrawn. Facilitators whose
 * summaries repeat 8+ consecutive words of it are warned. Runs on PGlite, and on
 * PostgreSQL with TEST_DATABASE_URL.
 */
import { sql, type Kysely } from 'kysely'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../db/client'
import { createMigrator, migrateToLatest } from '../../db/migrator'
import type { SessionUser } from '../../server/services/auth'
import { createTestDb, testEnv } from '../support/db'
import { callerFor, makeOrganization, makeUser } from '../support/factories'
import { makeSubmissions, makeTheme, times } from '../support/themes'

const env = testEnv()
let db: Db
let close: () => Promise<void>
let facilitator: SessionUser
let commission: SessionUser
let submitter: SessionUser
let themeId: string
let draftThemeId: string
let reportId: string
let quotedId: string
let receiptCode: string

// The summary below copies its first sentence (8+ words); the rest is only in the testimony.
const COPIED = 'Allá por julio llegaron agentes con chalecos al parque donde vendo elotes.'
const PRIVATE = 'Se llevaron a mi vecino Tomás frente a su hija y nadie nos dijo adónde.'
const TESTIMONY = `${COPIED} ${PRIVATE}`
const TRANSLATION = 'They took my neighbour Tomas in front of his daughter and nobody told us where.'
const OTHER_QUOTE = 'Agents in vests waited by the swings while the children played.'
const MARKERS = ['vecino Tomás', 'neighbour Tomas', 'frente a su hija']

/** Words only in the testimony and its translations (the Spanish public summary repeats its first sentence: that is warned about, below). */
const PRIVATE_WORDS = /Tom[aá]s|frente a su hija|neighbour|nadie nos dijo/

const facilitatorCaller = () => callerFor(db, env, facilitator)
const commissionCaller = () => callerFor(db, env, commission)

/** Every row of every table in the public schema, as text, that contains `needle`. */
async function whereInDatabase(needle: string): Promise<string[]> {
  const { rows: tables } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'
  `.execute(db)
  const found: string[] = []
  for (const { table_name } of tables) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table_name)} as t where lower(t::text) like ${`%${needle.toLowerCase()}%`}`.execute(db)
    if (rows[0]!.n > 0) found.push(table_name)
  }
  return found
}

async function pdfText(version: number, locale: 'en' | 'es') {
  const { base64 } = await commissionCaller().report.exportPdf({ id: reportId, version, locale })
  const pdf = await getDocumentProxy(new Uint8Array(Buffer.from(base64, 'base64')))
  return (await extractText(pdf, { mergePages: true })).text
}

beforeAll(async () => {
  ;({ db, close } = await createTestDb())
  const org = await makeOrganization(db)
  facilitator = await makeUser(db, 'facilitator')
  commission = await makeUser(db, 'commission')
  submitter = await makeUser(db, 'submitter', org.id)
  const cell = { area: 'hollenbeck', setting: 'park', month: '2025-07', agencies: ['ice'], organizationId: org.id }
  const [quoted, other, ...rest] = await makeSubmissions(db, [
    { ...cell, text: TESTIMONY, language: 'es', translationEn: TRANSLATION, consentQuote: true },
    { ...cell, text: OTHER_QUOTE, consentQuote: true },
    ...times(8, cell),
  ])
  quotedId = quoted!
  receiptCode = (await db.selectFrom('submissions').select('receipt_code').where('id', '=', quotedId).executeTakeFirstOrThrow()).receipt_code
  themeId = await makeTheme(db, {
    title: 'Agents at parks',
    summary: 'People describe agents at parks.',
    memberIds: [quoted!, other!, ...rest],
    quotes: [{ submissionId: quoted!, translation: 'Around July agents came to the park. They took my neighbour Tomas.', translationLang: 'en', translationKind: 'human' }, { submissionId: other! }],
  })
  // A theme whose summary is still a machine draft that copied the testimony.
  draftThemeId = await makeTheme(db, { title: 'Vendors', summary: `${TESTIMONY} Others stayed home.`, summaryApproved: false, memberIds: [quoted!, other!] })
  // A machine draft of a clustering run that copied the testimony.
  const job = await db.insertInto('jobs').values({ kind: 'cluster-run', payload: '{}' }).returning('id').executeTakeFirstOrThrow()
  const run = await db.insertInto('clustering_runs').values({ job_id: job.id, name: 'July', filter: '{}', seed: 1, engine: '{}' }).returning('id').executeTakeFirstOrThrow()
  await db.insertInto('run_clusters').values({ run_id: run.id, cluster: 0, size: 10, key_terms: '[]', language_mix: '{}', summary: `${TESTIMONY} Other people saw vans near the school.` }).execute()
  await db.insertInto('run_members').values([quoted!, other!].map((id) => ({ run_id: run.id, submission_id: id, cluster: 0, similarity: 0.9 }))).execute()

  reportId = (await facilitatorCaller().report.create({ title: 'Summer 2025', periodStart: '2025-06', periodEnd: '2025-08' })).id
  await facilitatorCaller().report.addTheme({ id: reportId, themeId })
  await facilitatorCaller().report.updateTheme({ id: reportId, themeId, publicSummaryEn: 'Vendors described agents at parks.', publicSummaryEs: `Una persona contó: «${COPIED}»` })
  // A tiny collection: both quotes are flagged for re-identification; the facilitator reviews them (issue 12 §4).
  for (const submissionId of [quoted!, other!]) await facilitatorCaller().report.reviewQuote({ id: reportId, themeId, submissionId })
  await facilitatorCaller().report.publish({ id: reportId })
  await facilitatorCaller().report.update({ id: reportId, title: 'Summer 2025 (revised)', periodStart: '2025-06', periodEnd: '2025-08' })
  await facilitatorCaller().report.publish({ id: reportId })
})
afterAll(() => close())

describe('a published version keeps its quotes outside its snapshot', () => {
  it('stores the words in report_version_quotes, never in the snapshot, and shows them to readers', async () => {
    const versions = await db.selectFrom('report_versions').select(['id', 'snapshot']).where('report_id', '=', reportId).execute()
    expect(versions).toHaveLength(2)
    for (const v of versions) expect(JSON.stringify(v.snapshot)).not.toContain('vecino')
    const quotes = await db.selectFrom('report_version_quotes').selectAll().where('report_version_id', 'in', versions.map((v) => v.id)).orderBy('position').execute()
    expect(quotes).toHaveLength(4)
    expect(quotes.filter((q) => q.submission_id === quotedId).map((q) => q.text)).toEqual([TESTIMONY, TESTIMONY])
    const { snapshot } = await commissionCaller().report.view({ id: reportId, version: 1 })
    expect(snapshot.themes[0]!.quotes.map((q) => q.text)).toEqual([TESTIMONY, OTHER_QUOTE])
    expect(snapshot.themes[0]!.quotes[0]!.translations).toEqual([{ lang: 'en', text: 'Around July agents came to the park. They took my neighbour Tomas.', kind: 'human' }])
  })

  it('the database refuses to put words back in a snapshot, to change a published quote or to delete one', async () => {
    const [v] = await db.selectFrom('report_versions').select(['id', 'snapshot']).where('report_id', '=', reportId).where('version', '=', 1).execute()
    const q = await db.selectFrom('report_version_quotes').select('id').where('report_version_id', '=', v!.id).executeTakeFirstOrThrow()
    await expect(sql`update report_version_quotes set text = 'Something else' where id = ${q.id}`.execute(db)).rejects.toThrow(/immutable/)
    await expect(sql`update report_version_quotes set position = 7 where id = ${q.id}`.execute(db)).rejects.toThrow(/immutable/)
    await expect(sql`delete from report_version_quotes where id = ${q.id}`.execute(db)).rejects.toThrow(/kept/)
    const withQuote = JSON.stringify({ ...(v!.snapshot as object), themes: [{ themeId, quotes: [{ language: 'en', text: 'x', translations: [] }] }] })
    await expect(sql`insert into report_versions (report_id, version, snapshot) values (${reportId}, 99, ${withQuote}::jsonb)`.execute(db)).rejects.toThrow(/report_versions_no_quote_text/)
  })
})

describe('withdrawing a quoted testimony', () => {
  beforeAll(async () => {
    for (const marker of MARKERS) expect(await whereInDatabase(marker), marker).not.toEqual([])
    await callerFor(db, env, submitter).submission.withdraw({ code: receiptCode })
  })

  it('leaves its words nowhere in the database', async () => {
    // The facilitator's public summary quotes the first sentence: that is a warning (below), not deleted behind their back.
    for (const marker of ['vecino Tomás', 'vecino Tomas', 'neighbour Tomas', 'frente a su hija', 'nadie nos dijo']) expect(await whereInDatabase(marker), marker).toEqual([])
    const cluster = await db.selectFrom('run_clusters').select('summary').executeTakeFirstOrThrow()
    expect(cluster.summary).toBe('Other people saw vans near the school.')
    const theme = await db.selectFrom('themes').select(['summary', 'summary_approved_at']).where('id', '=', draftThemeId).executeTakeFirstOrThrow()
    expect(theme).toEqual({ summary: 'Others stayed home.', summary_approved_at: null })
    const blank = await db.selectFrom('report_version_quotes').selectAll().where('submission_id', '=', quotedId).execute()
    expect(blank).toHaveLength(2)
    for (const q of blank) expect(q).toMatchObject({ text: null, translations: [] })
    for (const q of blank) expect(q.withdrawn_at).toBeInstanceOf(Date)
  })

  it('readers of every version see that the quote was withdrawn, in views, print and PDF in both languages; the other quote stays', async () => {
    for (const version of [1, 2]) {
      const { snapshot } = await commissionCaller().report.view({ id: reportId, version })
      expect(snapshot.themes[0]!.quotes).toEqual([
        { language: 'es', text: '', translations: [], withdrawn: true },
        { language: 'en', text: OTHER_QUOTE, translations: [] },
      ])
      const printed = await commissionCaller().report.print({ id: reportId, version, locale: 'en' })
      expect(JSON.stringify(printed)).not.toMatch(PRIVATE_WORDS)
      const en = await pdfText(version, 'en')
      expect(en).toContain('This quote was withdrawn by the person who gave it.')
      expect(en).toContain('Agents in vests waited by the swings')
      expect(en).not.toMatch(PRIVATE_WORDS)
      const es = await pdfText(version, 'es')
      expect(es).toContain('Esta cita fue retirada por la persona que la dio.')
      expect(es).not.toMatch(PRIVATE_WORDS)
      const { csv } = await commissionCaller().report.exportCsv({ id: reportId, version, locale: 'en' })
      expect(csv).not.toMatch(PRIVATE_WORDS)
    }
    const { snapshot: draft } = await commissionCaller().report.view({ id: reportId, version: 0 })
    expect(JSON.stringify(draft)).not.toMatch(PRIVATE_WORDS)
  })

  it('keeps published figures as published', async () => {
    const { snapshot } = await commissionCaller().report.view({ id: reportId, version: 1 })
    expect(snapshot.themes[0]!.count).toEqual({ n: 10 })
  })

  it('audits the blanking, naming the versions, and warns the facilitators about summaries that repeat the words', async () => {
    const audit = await db.selectFrom('audit_log').select(['actor_user_id', 'details']).where('action', '=', 'report.quote.withdraw').where('target_id', '=', quotedId).executeTakeFirstOrThrow()
    expect(audit.actor_user_id).toBe(submitter.id)
    expect(audit.details).toEqual({ quotes: 2, versions: [`${reportId}@1`, `${reportId}@2`] })
    const draft = await facilitatorCaller().report.draft({ id: reportId })
    expect(draft.warnings.map((w) => [w.version, w.field, w.themeTitle]).sort()).toEqual([
      [0, 'publicSummaryEs', 'Agents at parks'],
      [1, 'publicSummaryEs', 'Agents at parks'],
      [2, 'publicSummaryEs', 'Agents at parks'],
    ])
    expect(JSON.stringify(draft.warnings)).not.toContain('chalecos')
  })

  it('a second withdrawal of the same testimony changes nothing more', async () => {
    await callerFor(db, env, submitter).submission.withdraw({ code: receiptCode })
    const audits = await db.selectFrom('audit_log').select('id').where('action', '=', 'report.quote.withdraw').execute()
    expect(audits).toHaveLength(1)
    const warnings = await db.selectFrom('report_warnings').select('id').execute()
    expect(warnings).toHaveLength(3)
  })

  it('a blanked quote stays blank', async () => {
    const q = await db.selectFrom('report_version_quotes').select('id').where('submission_id', '=', quotedId).executeTakeFirstOrThrow()
    await expect(sql`update report_version_quotes set text = 'back', withdrawn_at = null where id = ${q.id}`.execute(db)).rejects.toThrow(/stays withdrawn/)
  })
})

describe('the migration that moves quotes out of published snapshots', () => {
  it('moves every quote, links it to its testimony, and blanks a quote whose testimony was already withdrawn', async () => {
    const fresh = await createTestDb()
    try {
      const { error } = await createMigrator(fresh.db).migrateTo('2026_11_27_193000_import_progress')
      expect(error).toBeUndefined()
      const raw = fresh.db as unknown as Kysely<any>
      const [kept, gone] = await makeSubmissions(fresh.db, [{ text: 'Kept quote about agents at the park.', consentQuote: true }, { text: 'placeholder', consentQuote: true }])
      await raw.updateTable('submissions').set({ status: 'withdrawn', text_redacted: null }).where('id', '=', gone!).execute()
      // Written as the schema was then (no summary approval yet).
      const { id: theme } = await raw.insertInto('themes').values({ title: 'Parks', summary: 'Parks.' }).returning('id').executeTakeFirstOrThrow()
      await raw.insertInto('theme_members').values([kept!, gone!].map((submission_id) => ({ theme_id: theme, submission_id }))).execute()
      await raw.insertInto('theme_quotes').values([kept!, gone!].map((submission_id, position) => ({ theme_id: theme, submission_id, position }))).execute()
      const report = await raw.insertInto('reports').values({ title: 'Old', period_start: '2025-06', period_end: '2025-08', version: 1, status: 'published' }).returning('id').executeTakeFirstOrThrow()
      const snapshot = {
        format: 1,
        reportId: report.id,
        themes: [
          {
            themeId: theme,
            title: 'Parks',
            quotes: [
              { language: 'en', text: 'Kept quote about agents at the park.', translations: [{ lang: 'es', text: 'Cita que se queda.', kind: 'machine' }] },
              { language: 'es', text: 'Palabras de un testimonio ya retirado.', translations: [] },
            ],
          },
        ],
      }
      await raw.insertInto('report_versions').values({ report_id: report.id, version: 1, snapshot: JSON.stringify(snapshot) }).execute()

      await migrateToLatest(fresh.db)
      const stored = await raw.selectFrom('report_versions').select('snapshot').executeTakeFirstOrThrow()
      expect(stored.snapshot.themes[0].quotes).toEqual([])
      expect(stored.snapshot.themes[0].title).toBe('Parks')
      const quotes = await raw.selectFrom('report_version_quotes').selectAll().orderBy('position').execute()
      expect(quotes.map((q) => [q.position, q.submission_id, q.text, q.translations])).toEqual([
        [1, kept, 'Kept quote about agents at the park.', [{ lang: 'es', text: 'Cita que se queda.', kind: 'machine' }]],
        [2, null, null, []],
      ])
      expect(quotes[1].withdrawn_at).toBeInstanceOf(Date)
      expect(JSON.stringify(await raw.selectFrom('report_versions').selectAll().execute())).not.toContain('retirado')
    } finally {
      await fresh.close()
    }
  })
})
