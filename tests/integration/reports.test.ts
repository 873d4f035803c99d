import { extractText, getDocumentProxy } from 'unpdf'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../db/client'
import { escapeFormula } from '../../server/lib/csv'
import type { ReportSnapshot } from '../../server/reports/snapshot'
import type { SessionUser } from '../../server/services/auth'
import { parseCsv } from '../../server/lib/csv'
import { createTestDb, testEnv } from '../support/db'
import { callerFor, makeUser } from '../support/factories'
import { makeSubmissions, makeTheme, times, type SubmissionSpec } from '../support/themes'

const env = testEnv()
let db: Db
let close: () => Promise<void>
let facilitator: SessionUser
let commission: SessionUser
let submitter: SessionUser
let admin: SessionUser
let community: string
let labor: string
let big: string
let small: string
const QUOTE_SHOWN = 'Los agentes llegaron al parque sin identificarse y nadie nos explicó nada.'
const QUOTE_HUMAN = 'Agents in masks waited by the swings while the children played.'
const QUOTE_SMALL_CELL = 'In Rampart, at the school gate, only a few of us saw it.'
const QUOTE_NO_CONSENT = 'I do not want this quoted anywhere.'
const QUOTE_SMALL_THEME = 'A handful of us saw the vans outside the courthouse.'

const facilitatorCaller = () => callerFor(db, env, facilitator)
const commissionCaller = () => callerFor(db, env, commission)

beforeAll(async () => {
  ;({ db, close } = await createTestDb())
  facilitator = await makeUser(db, 'facilitator')
  commission = await makeUser(db, 'commission')
  admin = await makeUser(db, 'admin')
  community = (await db.insertInto('organizations').values({ slug: 'eastside', name: 'Eastside', kind: 'community' }).returning('id').executeTakeFirstOrThrow()).id
  labor = (await db.insertInto('organizations').values({ slug: 'workers', name: 'Workers', kind: 'labor' }).returning('id').executeTakeFirstOrThrow()).id
  submitter = await makeUser(db, 'submitter', community)

  // Theme "big": 30 submissions in the period. Areas: Hollenbeck 18, Rampart 2, Harbor 10. Settings: park 22,
  // school 2, street 6. Months: June 2, July 20, August 8. Agencies: ICE 30, LAPD 3. Organizations: community 26, labor 4.
  const g1: SubmissionSpec = { area: 'hollenbeck', setting: 'park', month: '2025-07', agencies: ['ice'], organizationId: community }
  const [shown, human, noConsent, ...g1rest] = await makeSubmissions(db, [
    { ...g1, text: QUOTE_SHOWN, language: 'es', translationEn: 'The agents came to the park without identifying themselves.', consentQuote: true },
    { ...g1, text: QUOTE_HUMAN, consentQuote: true },
    { ...g1, text: QUOTE_NO_CONSENT, consentQuote: false },
    ...times(13, g1),
  ])
  const g2 = await makeSubmissions(db, times(2, { area: 'hollenbeck', setting: 'street', month: '2025-06', agencies: ['ice'], organizationId: community }))
  const [smallCell, ...g3] = await makeSubmissions(db, [
    { area: 'rampart', setting: 'school', month: '2025-07', agencies: ['ice', 'lapd'], organizationId: community, text: QUOTE_SMALL_CELL, consentQuote: true },
    { area: 'rampart', setting: 'school', month: '2025-07', agencies: ['ice', 'lapd'], organizationId: community },
  ])
  const g4 = await makeSubmissions(db, [
    ...times(6, { area: 'harbor', setting: 'park', month: '2025-08', agencies: ['ice'], organizationId: community }),
    ...times(2, { area: 'harbor', setting: 'street', month: '2025-08', agencies: ['ice'], organizationId: labor }),
    { area: 'harbor', setting: 'street', month: '2025-07', agencies: ['ice', 'lapd'], organizationId: labor },
    { area: 'harbor', setting: 'street', month: '2025-07', agencies: ['ice'], organizationId: labor },
  ])
  // Members that must not count: waiting for moderation, and outside the period.
  const excluded = await makeSubmissions(db, [
    { area: 'rampart', status: 'pending', month: '2025-07' },
    { area: 'rampart', month: '2025-12' },
  ])
  big = await makeTheme(db, {
    title: 'Agents at parks',
    summary: 'People describe agents at parks.',
    memberIds: [shown!, human!, noConsent!, ...g1rest, ...g2, smallCell!, ...g3, ...g4, ...excluded],
    quotes: [
      { submissionId: shown! },
      { submissionId: smallCell! },
      { submissionId: noConsent! },
      { submissionId: human!, translation: 'Agentes con máscaras esperaban junto a los columpios.', translationLang: 'es', translationKind: 'human' },
    ],
  })
  const [tiny, ...tinyRest] = await makeSubmissions(db, [
    { area: 'central', setting: 'courthouse', text: QUOTE_SMALL_THEME, consentQuote: true },
    ...times(2, { area: 'central', setting: 'courthouse' }),
  ])
  small = await makeTheme(db, { title: 'Courthouse arrests', memberIds: [tiny!, ...tinyRest], quotes: [{ submissionId: tiny! }] })
})
afterAll(() => close())

/** Issue 12 §4: a facilitator reviews every quote the re-identification check flagged (a small crafted collection flags most). */
async function reviewFlaggedQuotes(reportId: string) {
  const draft = await facilitatorCaller().report.draft({ id: reportId })
  for (const theme of draft.themes) {
    for (const q of theme.quotes) if (q.flags?.flagged && !q.review) await facilitatorCaller().report.reviewQuote({ id: reportId, themeId: theme.themeId, submissionId: q.submissionId })
  }
}

async function newReport(title = 'Summer 2025') {
  const { id } = await facilitatorCaller().report.create({ title, periodStart: '2025-06', periodEnd: '2025-08' })
  return id
}

/** Every number a snapshot shows is zero or at least the threshold. */
function shownNumbers(value: unknown, out: number[] = []): number[] {
  if (Array.isArray(value)) value.forEach((v) => shownNumbers(v, out))
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'n' && typeof v === 'number') out.push(v)
      else shownNumbers(v, out)
    }
  }
  return out
}

describe('building and publishing a report', () => {
  let reportId: string

  it('a facilitator creates a report, adds themes in order and sees exact counts in the builder', async () => {
    reportId = await newReport()
    await facilitatorCaller().report.addTheme({ id: reportId, themeId: small })
    await facilitatorCaller().report.addTheme({ id: reportId, themeId: big })
    await facilitatorCaller().report.moveTheme({ id: reportId, themeId: big, direction: 'up' })
    await facilitatorCaller().report.updateTheme({ id: reportId, themeId: big, publicSummaryEn: 'Agents waited at parks.', publicSummaryEs: 'Agentes esperaban en parques.' })
    const draft = await facilitatorCaller().report.draft({ id: reportId })
    expect(draft.themes.map((t) => [t.title, t.total])).toEqual([
      ['Agents at parks', 30],
      ['Courthouse arrests', 3],
    ])
    // Flagged for re-identification: held back until a facilitator reviews them (issue 12 §4).
    expect(draft.themes[0]!.quotes.filter((q) => q.flags?.flagged).length).toBeGreaterThan(0)
    await reviewFlaggedQuotes(reportId)
    expect((await facilitatorCaller().report.draft({ id: reportId })).themes[0]!.preview).toMatchObject({ quotesShown: 2, quotesHeldBack: 1 })
    expect(draft.options.map((o) => o.id)).not.toContain(big)
  })

  it('publishes a snapshot with primary and secondary suppression, and quotes only from large cells', async () => {
    const before = await db.selectFrom('audit_log').select('id').where('action', '=', 'report.publish').execute()
    expect(await facilitatorCaller().report.publish({ id: reportId })).toEqual({ id: reportId, version: 1, warnings: [] })
    const row = await db.selectFrom('report_versions').select(['snapshot', 'published_by']).where('report_id', '=', reportId).executeTakeFirstOrThrow()
    // The stored snapshot holds no quote (issue 12 §3: they live in report_version_quotes); readers get them back.
    for (const theme of (row.snapshot as ReportSnapshot).themes) expect(theme.quotes).toEqual([])
    const { snapshot } = await commissionCaller().report.view({ id: reportId, version: 1 })
    expect(row.published_by).toBe(facilitator.id)
    expect(snapshot).toMatchObject({ version: 1, threshold: 5, title: 'Summer 2025', publishedBy: facilitator.displayName })
    const [parks, courts] = snapshot.themes
    expect(parks!.count).toEqual({ n: 30 })
    // Counts are rounded to the nearest 5. Months: June 2 is small; July 20 and August 8 (shown 10: 8..12) leave
    // June anywhere in 30 ± 2 − 20 ± 2 − 10 ± 2, so nothing else is withheld (before rounding, August was).
    expect(parks!.trend.cells).toEqual([
      { key: '2025-06', figure: { lt: 5 } },
      { key: '2025-07', figure: { n: 20 } },
      { key: '2025-08', figure: { n: 10 } },
    ])
    expect(parks!.areas.cells).toEqual([
      { key: 'central', figure: { n: 20 }, children: [{ key: 'rampart', figure: { lt: 5 } }, { key: 'hollenbeck', figure: { n: 20 } }] },
      { key: 'south', figure: { n: 10 }, children: [{ key: 'harbor', figure: { n: 10 } }] },
    ])
    expect(parks!.settings.cells).toEqual([
      { key: 'park', figure: { n: 20 } },
      { key: 'school', figure: { lt: 5 } },
      { key: 'street', figure: { n: 5 } },
    ])
    // Agencies overlap (no shown sum): rounded and suppressed one by one.
    expect(parks!.agencies.cells).toEqual([
      { key: 'ice', figure: { n: 30 } },
      { key: 'lapd', figure: { lt: 5 } },
    ])
    expect(parks!.organizationKinds.cells).toEqual([
      { key: 'community', figure: { n: 25 } },
      { key: 'labor', figure: { lt: 5 } },
    ])
    // Quotes: consenting, in no small cell; original language with the translation beside it.
    expect(parks!.quotes).toEqual([
      { language: 'es', text: QUOTE_SHOWN, translations: [{ lang: 'en', text: 'The agents came to the park without identifying themselves.', kind: 'machine' }] },
      { language: 'en', text: QUOTE_HUMAN, translations: [{ lang: 'es', text: 'Agentes con máscaras esperaban junto a los columpios.', kind: 'human' }] },
    ])
    expect(parks!.publicSummary).toEqual({ en: 'Agents waited at parks.', es: 'Agentes esperaban en parques.' })
    // A theme under the threshold shows "fewer than 5" and nothing else.
    expect(courts).toMatchObject({ count: { lt: 5 }, quotes: [], trend: { withheld: true, cells: [] }, areas: { withheld: true, cells: [] } })
    const stored = await db.selectFrom('report_version_quotes').select('text').execute()
    const text = JSON.stringify(snapshot) + JSON.stringify(stored)
    for (const hidden of [QUOTE_SMALL_CELL, QUOTE_NO_CONSENT, QUOTE_SMALL_THEME]) expect(text).not.toContain(hidden)
    for (const n of shownNumbers(snapshot)) expect(n === 0 || (n >= 5 && n % 5 === 0), `shown number ${n}`).toBe(true)
    // Who and when, in the audit log.
    const after = await db.selectFrom('audit_log').selectAll().where('action', '=', 'report.publish').execute()
    expect(after).toHaveLength(before.length + 1)
    expect(after.at(-1)).toMatchObject({ actor_user_id: facilitator.id, target_id: reportId })
    expect(after.at(-1)!.details).toMatchObject({ version: 1 })
  })

  it('commission staff read the published version and the draft, both suppressed', async () => {
    const published = await commissionCaller().report.view({ id: reportId })
    expect(published.isDraft).toBe(false)
    expect(published.snapshot.version).toBe(1)
    const draft = await commissionCaller().report.view({ id: reportId, version: 0 })
    expect(draft.isDraft).toBe(true)
    for (const n of shownNumbers(draft.snapshot)) expect(n === 0 || (n >= 5 && n % 5 === 0)).toBe(true)
    expect(JSON.stringify(draft)).not.toContain(QUOTE_SMALL_CELL)
    const list = await commissionCaller().report.list()
    expect(list.find((r) => r.id === reportId)).toMatchObject({ state: 'published', version: 1 })
  })

  it('keeps a published version unchanged when the themes change, and shows what changed in the next one', async () => {
    const v1 = (await commissionCaller().report.view({ id: reportId, version: 1 })).snapshot
    await db.updateTable('themes').set({ title: 'Agents at parks and playgrounds' }).where('id', '=', big).execute()
    const more = await makeSubmissions(db, times(5, { area: 'harbor', setting: 'park', month: '2025-08', organizationId: community }))
    await db.insertInto('theme_members').values(more.map((submission_id) => ({ theme_id: big, submission_id }))).execute()
    await facilitatorCaller().report.removeTheme({ id: reportId, themeId: small })
    expect((await commissionCaller().report.view({ id: reportId, version: 1 })).snapshot).toEqual(v1)
    expect((await facilitatorCaller().report.list()).find((r) => r.id === reportId)?.state).toBe('changed')

    await reviewFlaggedQuotes(reportId)
    await facilitatorCaller().report.publish({ id: reportId })
    const view = await commissionCaller().report.view({ id: reportId })
    expect(view.snapshot.version).toBe(2)
    expect(view.versions.map((v) => v.version)).toEqual([2, 1])
    expect(view.previousVersion).toBe(1)
    expect(view.changes).toEqual(
      expect.arrayContaining([
        { kind: 'themeRenamed', from: 'Agents at parks', to: 'Agents at parks and playgrounds' },
        { kind: 'themeRemoved', theme: 'Courthouse arrests' },
        { kind: 'count', theme: 'Agents at parks and playgrounds', from: { n: 30 }, to: { n: 35 } },
      ]),
    )
    expect((await commissionCaller().report.view({ id: reportId, version: 1 })).snapshot).toEqual(v1)
  })

  it('refuses in the database to change or delete a published version', async () => {
    await expect(sql`update report_versions set snapshot = '{}'::jsonb where report_id = ${reportId}`.execute(db)).rejects.toThrow(/immutable/)
    await expect(sql`delete from report_versions where report_id = ${reportId}`.execute(db)).rejects.toThrow(/immutable/)
    expect(await db.selectFrom('report_versions').select('version').where('report_id', '=', reportId).execute()).toHaveLength(2)
  })

  it('will not publish a report without themes, and says why', async () => {
    const empty = await newReport('Empty')
    await expect(facilitatorCaller().report.publish({ id: empty })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'errors.reportNoThemes' })
    expect(await db.selectFrom('report_versions').select('id').where('report_id', '=', empty).execute()).toHaveLength(0)
  })

  it('checks the period', async () => {
    await expect(facilitatorCaller().report.create({ title: 'Backwards', periodStart: '2025-08', periodEnd: '2025-06' })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    const error = await facilitatorCaller()
      .report.create({ title: 'Backwards', periodStart: '2025-08', periodEnd: '2025-06' })
      .catch((e) => e)
    expect(error.message).toContain('errors.periodOrder')
  })

  it('applies the report filters to every count', async () => {
    const id = await newReport('Harbor only')
    await facilitatorCaller().report.update({ id, title: 'Harbor only', periodStart: '2025-06', periodEnd: '2025-08', area: 'harbor' })
    await facilitatorCaller().report.addTheme({ id, themeId: big })
    const draft = await facilitatorCaller().report.draft({ id })
    expect(draft.themes[0]!.total).toBe(15)
    expect(draft.report.filters).toEqual({ area: 'harbor' })
  })
})

describe('exports', () => {
  let reportId: string

  beforeAll(async () => {
    const formula = await makeTheme(db, {
      title: '=HYPERLINK("http://example.test","click")',
      memberIds: await makeSubmissions(db, [...times(9, { area: 'hollenbeck', setting: 'park' }), ...times(2, { area: 'rampart', setting: 'park' })]),
    })
    reportId = await newReport('+Exported, "quoted" report')
    await facilitatorCaller().report.addTheme({ id: reportId, themeId: big })
    await facilitatorCaller().report.addTheme({ id: reportId, themeId: formula })
    await reviewFlaggedQuotes(reportId)
    await facilitatorCaller().report.publish({ id: reportId })
  })

  it('escapes cells a spreadsheet would run as formulas', () => {
    expect(escapeFormula('=1+1')).toBe("'=1+1")
    expect(escapeFormula('+1')).toBe("'+1")
    expect(escapeFormula('-2+3')).toBe("'-2+3")
    expect(escapeFormula('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(escapeFormula('\t=1')).toBe("'\t=1")
    expect(escapeFormula('\rx')).toBe("'\rx")
    expect(escapeFormula('  =1')).toBe("'  =1")
    expect(escapeFormula('Parks')).toBe('Parks')
    expect(escapeFormula('fewer than 5')).toBe('fewer than 5')
  })

  it('CSV: UTF-8 with BOM, formula cells escaped, small counts suppressed, and audited', async () => {
    const { csv, fileName } = await commissionCaller().report.exportCsv({ id: reportId, version: 1, locale: 'en' })
    expect(fileName).toBe('exported-quoted-report-v1.csv')
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const records = parseCsv(csv.slice(1)).map((r) => r.cells)
    expect(records[0]).toEqual(['Report', `'+Exported, "quoted" report`])
    const cells = records.flat()
    expect(cells).toContain(`'=HYPERLINK("http://example.test","click")`)
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
    const header = records.findIndex((r) => r[0] === 'Theme')
    const rows = records.slice(header + 1)
    expect(rows).toContainEqual(['Agents at parks and playgrounds', 'By setting', 'School', 'fewer than 5'])
    expect(rows).toContainEqual(['Agents at parks and playgrounds', 'By LAPD bureau and Area', 'Rampart', 'fewer than 5'])
    expect(rows).toContainEqual(['Agents at parks and playgrounds', 'By LAPD bureau and Area', 'Hollenbeck', '20'])
    for (const row of rows) {
      if (/^\d+$/.test(row[3]!)) expect(Number(row[3]) === 0 || (Number(row[3]) >= 5 && Number(row[3]) % 5 === 0), row.join(',')).toBe(true)
    }
    expect(cells.join('\n')).toContain('Counts are rounded to the nearest 5')
    const spanish = await commissionCaller().report.exportCsv({ id: reportId, version: 1, locale: 'es' })
    expect(spanish.csv).toContain('menos de 5')
    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'report.export').where('target_id', '=', reportId).execute()
    expect(audit.map((a) => [a.actor_user_id, (a.details as { format: string }).format])).toEqual([
      [commission.id, 'csv'],
      [commission.id, 'csv'],
    ])
  })

  it('PDF: title page, contents, a section per theme with its headings, page numbers, version and date; audited', async () => {
    const { base64, fileName } = await facilitatorCaller().report.exportPdf({ id: reportId, version: 1, locale: 'en' })
    expect(fileName).toMatch(/\.pdf$/)
    const pdf = await getDocumentProxy(new Uint8Array(Buffer.from(base64, 'base64')))
    const { totalPages, text } = await extractText(pdf, { mergePages: false })
    expect(totalPages).toBeGreaterThanOrEqual(4)
    expect(text[0]).toContain('+Exported, "quoted" report')
    expect(text[0]).toContain('Version 1, published')
    expect(text[1]).toContain('Contents')
    expect(text[1]).toMatch(/1\. Agents at parks and playgrounds\s+3/)
    expect(text[2]).toContain('1. Agents at parks and playgrounds')
    const all = text.join('\n')
    for (const heading of ['Submissions by month', 'By LAPD bureau and Area', 'By setting', 'By agency seen', 'By type of organization', 'Representative quotes', 'Guidance that answers this theme']) {
      expect(all).toContain(heading)
    }
    expect(all).toContain('2. =HYPERLINK')
    expect(all).toContain('fewer than 5')
    expect(all).toContain('Machine translation (English)')
    expect(all).not.toContain(QUOTE_SMALL_CELL)
    text.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${totalPages}`)
      expect(page).toContain('version 1')
    })
    const audit = await db.selectFrom('audit_log').select('details').where('action', '=', 'report.export').where('actor_user_id', '=', facilitator.id).execute()
    expect(audit.map((a) => (a.details as { format: string }).format)).toContain('pdf')
  })

  it('the print view reads the same snapshot and is audited; a draft or a missing version has no export', async () => {
    const { snapshot } = await commissionCaller().report.print({ id: reportId, version: 1, locale: 'en' })
    expect(snapshot.version).toBe(1)
    await expect(commissionCaller().report.exportCsv({ id: reportId, version: 9, locale: 'en' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(commissionCaller().report.exportPdf({ id: reportId, version: 0, locale: 'en' })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
  })
})

describe('comments and guidance', () => {
  let reportId: string

  beforeAll(async () => {
    reportId = await newReport('Comments')
    await facilitatorCaller().report.addTheme({ id: reportId, themeId: big })
  })

  it('commission staff comment on a theme of a report; facilitators answer; both are audited', async () => {
    const { id } = await commissionCaller().report.comment({ id: reportId, themeId: big, body: 'Which months had the most reports?' })
    await facilitatorCaller().report.reply({ commentId: id, body: 'July, by far.' })
    await commissionCaller().report.reply({ commentId: id, body: 'Thank you.' })
    const view = await facilitatorCaller().report.view({ id: reportId, version: 0 })
    const [thread] = view.commentsByTheme[big]!
    expect(thread).toMatchObject({ body: 'Which months had the most reports?', authorRole: 'commission', version: 0 })
    expect(thread!.replies.map((r) => [r.authorRole, r.body])).toEqual([
      ['facilitator', 'July, by far.'],
      ['commission', 'Thank you.'],
    ])
    const actions = (await db.selectFrom('audit_log').select('action').where('target_id', '=', reportId).execute()).map((a) => a.action)
    expect(actions.filter((a) => a === 'report.comment')).toHaveLength(1)
    expect(actions.filter((a) => a === 'report.reply')).toHaveLength(2)
  })

  it('facilitators answer but do not start comments; a theme outside the report takes none', async () => {
    await expect(facilitatorCaller().report.comment({ id: reportId, themeId: big, body: 'Hello' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(commissionCaller().report.comment({ id: reportId, themeId: small, body: 'Hello' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'errors.themeNotInReport' })
    await expect(commissionCaller().report.comment({ id: reportId, themeId: big, body: '   ' })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
  })

  it('commission staff record guidance linked to themes in reports; the public page shows only published guidance and no testimony', async () => {
    const options = await commissionCaller().guidance.themeOptions()
    expect(options.map((o) => o.id)).toContain(big)
    await expect(commissionCaller().guidance.create({ textEn: 'Officers must ask federal agents to identify themselves.', status: 'published', decidedOn: '2026-02-10', themeIds: [] })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    })
    const published = await commissionCaller().guidance.create({
      textEn: 'Officers keep a clear distance from civil immigration enforcement at parks.',
      textEs: 'Los agentes mantienen distancia de los operativos migratorios civiles en los parques.',
      status: 'published',
      decidedOn: '2026-02-10',
      themeIds: [big],
    })
    await commissionCaller().guidance.create({ textEn: 'A proposal still under discussion by the Commission.', status: 'proposed', decidedOn: '2026-03-01', themeIds: [big] })
    await expect(facilitatorCaller().guidance.create({ textEn: 'Facilitators cannot record guidance.', status: 'proposed', decidedOn: '2026-03-01', themeIds: [big] })).rejects.toMatchObject({ code: 'FORBIDDEN' })

    const page = await callerFor(db, env, null).publicPage.list()
    const parks = page.reports.flatMap((r) => r.themes).filter((t) => t.title === 'Agents at parks and playgrounds')
    expect(parks.length).toBeGreaterThan(0)
    expect(parks[0]!.guidance).toEqual([
      {
        textEn: 'Officers keep a clear distance from civil immigration enforcement at parks.',
        textEs: 'Los agentes mantienen distancia de los operativos migratorios civiles en los parques.',
        decidedOn: '2026-02-10',
      },
    ])
    const text = JSON.stringify(page)
    for (const secret of [QUOTE_SHOWN, QUOTE_HUMAN, QUOTE_SMALL_CELL, QUOTE_SMALL_THEME, 'People describe agents at parks.', 'still under discussion', 'Courthouse arrests', big, reportId]) {
      expect(text).not.toContain(secret)
    }
    // Nothing from drafts: the "Comments" report was never published.
    expect(page.reports.map((r) => r.title)).not.toContain('Comments')
    for (const n of shownNumbers(page)) expect(n === 0 || n >= 5).toBe(true)

    await commissionCaller().guidance.update({ id: published.id, textEn: 'Officers keep a clear distance from civil immigration enforcement at parks.', textEs: '', status: 'adopted', decidedOn: '2026-02-11', themeIds: [big] })
    const after = await callerFor(db, env, null).publicPage.list()
    expect(JSON.stringify(after)).not.toContain('clear distance')
    const audit = await db.selectFrom('audit_log').select('action').where('target_id', '=', published.id).execute()
    expect(audit.map((a) => a.action)).toEqual(['guidance.create', 'guidance.update'])
  })

  it('submitters and admins cannot read reports or guidance; anonymous visitors only the public page', async () => {
    for (const user of [submitter, admin]) {
      await expect(callerFor(db, env, user).report.view({ id: reportId })).rejects.toMatchObject({ code: 'FORBIDDEN' })
      await expect(callerFor(db, env, user).report.exportCsv({ id: reportId, version: 1, locale: 'en' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
      await expect(callerFor(db, env, user).guidance.list()).rejects.toMatchObject({ code: 'FORBIDDEN' })
    }
    await expect(callerFor(db, env, null).report.view({ id: reportId })).rejects.toMatchObject({ code: 'UNAUTHORIZED' })
    await expect(commissionCaller().report.publish({ id: reportId })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(commissionCaller().report.draft({ id: reportId })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(callerFor(db, env, facilitator, { csrf: false }).report.publish({ id: reportId })).rejects.toMatchObject({ message: 'errors.csrf' })
  })
})

describe('versions published before counts were rounded (decision 071)', () => {
  it('reads their exact counts rounded everywhere: report view, CSV, print view and the public page', async () => {
    const { id } = await facilitatorCaller().report.create({ title: 'Published before rounding', periodStart: '2025-06', periodEnd: '2025-12' })
    // A format-1 snapshot as version 1 stored it: exact counts (27, 26 and 12), a small December.
    const exact: ReportSnapshot = {
      format: 1,
      reportId: id,
      title: 'Published before rounding',
      periodStart: '2025-06',
      periodEnd: '2025-12',
      filters: {},
      threshold: 5,
      version: 1,
      publishedAt: '2026-01-05T18:00:00.000Z',
      publishedBy: facilitator.displayName,
      themes: [
        {
          themeId: big,
          title: 'What LAPD officers did at enforcement scenes',
          summary: '',
          publicSummary: { en: 'Officers at enforcement scenes.', es: 'Agentes en operativos.' },
          count: { n: 27 },
          trend: { withheld: false, cells: [{ key: '2025-11', figure: { n: 26 } }, { key: '2025-12', figure: { lt: 5 } }] },
          areas: { withheld: true, cells: [] },
          settings: { withheld: false, cells: [{ key: 'park', figure: { n: 12 } }, { key: 'street', figure: { withheld: true } }] },
          agencies: { withheld: false, cells: [{ key: 'lapd', figure: { n: 27 } }] },
          organizationKinds: { withheld: true, cells: [] },
          quotes: [],
          guidance: [],
        },
      ],
    }
    await db.insertInto('report_versions').values({ report_id: id, version: 1, snapshot: JSON.stringify(exact), published_by: facilitator.id, published_at: new Date('2026-01-05T18:00:00Z') }).execute()
    await db.updateTable('reports').set({ status: 'published', version: 1, published_at: new Date('2026-01-05T18:00:00Z') }).where('id', '=', id).execute()

    const view = await commissionCaller().report.view({ id, version: 1 })
    const [theme] = view.snapshot.themes
    expect(theme!.count).toEqual({ n: 25 })
    expect(theme!.trend.cells.map((c) => c.figure)).toEqual([{ n: 25 }, { lt: 5 }])
    expect(theme!.settings.cells.map((c) => c.figure)).toEqual([{ n: 10 }, { withheld: true }])
    const { csv } = await commissionCaller().report.exportCsv({ id, version: 1, locale: 'en' })
    expect(csv).not.toMatch(/,(27|26|12)\r\n/)
    expect(csv).toContain(',25\r\n')
    const { snapshot } = await commissionCaller().report.print({ id, version: 1, locale: 'en' })
    expect(JSON.stringify(snapshot)).not.toMatch(/"n":(27|26|12)\b/)
    const page = await callerFor(db, env, null).publicPage.list()
    const published = page.reports.find((r) => r.title === 'Published before rounding')!
    expect(published).toMatchObject({ rounding: 5, themes: [{ count: { n: 25 } }] })
  })
})

describe('the public page (issue 14)', () => {
  it('shows only themes with a public summary, and carries the report filters to say beside each count', async () => {
    const { id } = await facilitatorCaller().report.create({ title: 'Central Bureau, summer', periodStart: '2025-06', periodEnd: '2025-12' })
    const theme = (themeId: string, title: string, publicSummary: { en: string; es: string }) => ({
      themeId,
      title,
      summary: '',
      publicSummary,
      count: { n: 25 },
      trend: { withheld: true, cells: [] },
      areas: { withheld: true, cells: [] },
      settings: { withheld: true, cells: [] },
      agencies: { withheld: true, cells: [] },
      organizationKinds: { withheld: true, cells: [] },
      quotes: [],
      guidance: [],
    })
    const snapshot: ReportSnapshot = {
      format: 1,
      reportId: id,
      title: 'Central Bureau, summer',
      periodStart: '2025-06',
      periodEnd: '2025-12',
      filters: { bureau: 'central' },
      threshold: 5,
      version: 1,
      publishedAt: '2026-01-06T18:00:00.000Z',
      publishedBy: facilitator.displayName,
      themes: [
        theme(big, 'Summarized in Spanish only', { en: '', es: 'Solo en español.' }),
        theme(small, 'Not summarized for the public', { en: '  ', es: '' }),
      ],
    }
    await db.insertInto('report_versions').values({ report_id: id, version: 1, snapshot: JSON.stringify(snapshot), published_by: facilitator.id, published_at: new Date('2026-01-06T18:00:00Z') }).execute()
    await db.updateTable('reports').set({ status: 'published', version: 1, published_at: new Date('2026-01-06T18:00:00Z') }).where('id', '=', id).execute()

    const page = await callerFor(db, env, null).publicPage.list()
    const report = page.reports.find((r) => r.title === 'Central Bureau, summer')!
    expect(report.filters).toEqual({ bureau: 'central' })
    expect(report.themes.map((t) => t.title)).toEqual(['Summarized in Spanish only'])
    expect(JSON.stringify(page)).not.toContain('Not summarized for the public')
  })
})
