/**
 * Issue 12 §2: only words a facilitator approved are published about a theme.
 * Publishing refuses a machine-drafted summary until a facilitator writes or
 * approves one; a theme under the threshold publishes its title and "fewer
 * than 5" only; an approved summary that copies 8+ consecutive words of a member
 * testimony that may not be quoted is published with a warning naming it.
 * Runs on PGlite, and on PostgreSQL with TEST_DATABASE_URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../db/client'
import type { SessionUser } from '../../server/services/auth'
import { createTestDb, testEnv } from '../support/db'
import { callerFor, makeUser } from '../support/factories'
import { makeSubmissions, makeTheme, times } from '../support/themes'

const env = testEnv()
let db: Db
let close: () => Promise<void>
let facilitator: SessionUser
let commission: SessionUser
const RETIRED = "I'm retired and I live alone in El Sereno, two blocks from the park on Huntington Drive."
const DRAFT = `${RETIRED} Agents came to the park in July.`

const facilitatorCaller = () => callerFor(db, env, facilitator)

async function reportWith(themeIds: string[], title = 'Summer 2025') {
  const { id } = await facilitatorCaller().report.create({ title, periodStart: '2025-06', periodEnd: '2025-08' })
  for (const themeId of themeIds) await facilitatorCaller().report.addTheme({ id, themeId })
  return id
}

beforeAll(async () => {
  ;({ db, close } = await createTestDb())
  facilitator = await makeUser(db, 'facilitator')
  commission = await makeUser(db, 'commission')
})
afterAll(() => close())

describe('a machine-drafted summary', () => {
  let themeId: string
  let reportId: string

  beforeAll(async () => {
    const [retired, ...rest] = await makeSubmissions(db, [{ text: RETIRED, consentQuote: false }, ...times(9, {})])
    themeId = await makeTheme(db, { title: 'Agents at parks', summary: DRAFT, summaryApproved: false, memberIds: [retired!, ...rest] })
    reportId = await reportWith([themeId])
  })

  it('blocks publishing, and the builder says which theme', async () => {
    const draft = await facilitatorCaller().report.draft({ id: reportId })
    expect(draft.themes[0]).toMatchObject({ summary: DRAFT, summaryApproved: false, summaryNeedsApproval: true })
    await expect(facilitatorCaller().report.publish({ id: reportId })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'errors.reportSummaryNotApproved' })
    expect(await db.selectFrom('report_versions').select('id').where('report_id', '=', reportId).execute()).toEqual([])
    // The reading view of the draft does not show the machine draft either.
    const { snapshot } = await callerFor(db, env, commission).report.view({ id: reportId, version: 0 })
    expect(snapshot.themes[0]!.summary).toBe('')
  })

  it('publishes once a facilitator approves it (audited), and then warns that it copies a member who did not consent', async () => {
    await expect(facilitatorCaller().theme.approveSummary({ id: themeId })).resolves.toMatchObject({ id: themeId })
    const audit = await db.selectFrom('audit_log').select(['actor_user_id', 'details']).where('action', '=', 'theme.approveSummary').where('target_id', '=', themeId).executeTakeFirstOrThrow()
    expect(audit.actor_user_id).toBe(facilitator.id)
    expect(JSON.stringify(audit.details)).not.toContain('Sereno')
    const row = await db.selectFrom('submissions').select(['id', 'receipt_code']).where('text_redacted', '=', RETIRED).executeTakeFirstOrThrow()
    const draft = await facilitatorCaller().report.draft({ id: reportId })
    expect(draft.themes[0]).toMatchObject({ summaryApproved: true, summaryNeedsApproval: false, verbatim: [{ field: 'summary', submissionId: row.id, receiptCode: row.receipt_code }] })
    const published = await facilitatorCaller().report.publish({ id: reportId })
    expect(published).toMatchObject({ version: 1, warnings: [{ themeId, field: 'summary', submissionId: row.id, receiptCode: row.receipt_code }] })
    const { snapshot } = await callerFor(db, env, commission).report.view({ id: reportId, version: 1 })
    expect(snapshot.themes[0]!.summary).toBe(DRAFT)
    const publishAudit = await db.selectFrom('audit_log').select('details').where('action', '=', 'report.publish').where('target_id', '=', reportId).executeTakeFirstOrThrow()
    expect(publishAudit.details).toMatchObject({ verbatimWarnings: [{ themeId, field: 'summary', submissionId: row.id }] })
  })

  it('a summary a facilitator writes is approved by writing it; the warning goes when the words are their own', async () => {
    const [a, ...rest] = await makeSubmissions(db, [{ text: RETIRED, consentQuote: false }, ...times(9, {})])
    const other = await makeTheme(db, { title: 'Neighbours', summary: DRAFT, summaryApproved: false, memberIds: [a!, ...rest] })
    await facilitatorCaller().theme.update({ id: other, title: 'Neighbours', summary: 'Older people living alone describe agents near parks.' })
    const row = await db.selectFrom('themes').select(['summary_approved_at', 'summary_approved_by']).where('id', '=', other).executeTakeFirstOrThrow()
    expect(row.summary_approved_by).toBe(facilitator.id)
    expect(row.summary_approved_at).toBeInstanceOf(Date)
    const reportId2 = await reportWith([other], 'Neighbours')
    const draft = await facilitatorCaller().report.draft({ id: reportId2 })
    expect(draft.themes[0]).toMatchObject({ summaryApproved: true, verbatim: [] })
    // The public summary is the facilitator's too, and is checked the same way.
    await facilitatorCaller().report.updateTheme({ id: reportId2, themeId: other, publicSummaryEn: `A neighbour: ${RETIRED}`, publicSummaryEs: '' })
    const again = await facilitatorCaller().report.draft({ id: reportId2 })
    expect(again.themes[0]!.verbatim.map((w) => w.field)).toEqual(['publicSummaryEn'])
  })

  it('approving an empty summary is refused with a clear message', async () => {
    const [m] = await makeSubmissions(db, [{}])
    const empty = await makeTheme(db, { title: 'Empty', summary: '', summaryApproved: false, memberIds: [m!] })
    await expect(facilitatorCaller().theme.approveSummary({ id: empty })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'errors.summaryEmpty' })
  })
})

describe('a theme under the threshold', () => {
  it('publishes its title and "fewer than 5" only: no summary, approved or not, and is not held up by a draft', async () => {
    const members = await makeSubmissions(db, [{ text: RETIRED, consentQuote: true }, ...times(2, {})])
    const small = await makeTheme(db, { title: 'Living alone', summary: DRAFT, summaryApproved: false, memberIds: members, quotes: [{ submissionId: members[0]! }] })
    const reportId = await reportWith([small], 'Small')
    await facilitatorCaller().report.updateTheme({ id: reportId, themeId: small, publicSummaryEn: 'People living alone in El Sereno.', publicSummaryEs: 'Personas que viven solas en El Sereno.' })
    await facilitatorCaller().report.publish({ id: reportId })
    const { snapshot } = await callerFor(db, env, commission).report.view({ id: reportId, version: 1 })
    expect(snapshot.themes[0]).toMatchObject({ title: 'Living alone', count: { lt: 5 }, summary: '', publicSummary: { en: '', es: '' }, quotes: [] })
    const stored = await db.selectFrom('report_versions').select('snapshot').where('report_id', '=', reportId).executeTakeFirstOrThrow()
    expect(JSON.stringify(stored.snapshot)).not.toContain('Sereno')
    expect(await db.selectFrom('report_version_quotes').select('id').where('theme_id', '=', small).execute()).toEqual([])
  })
})
