/**
 * Issue 12 §4: quotes are checked for re-identification before publishing.
 * On a crafted collection: a quote with a rare detail and a quote from a rare
 * Area × month × setting are flagged in the builder and left out at publish
 * until a facilitator reviews them (audited, named in the published version);
 * a quote of what many people said is not flagged. PGlite, and PostgreSQL
 * with TEST_DATABASE_URL.
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
let themeId: string
let reportId: string
let common: string
let florist: string
let rareCell: string
const COMMON = 'Agents came to the park in July and took people away.'
const FLORIST = 'I am the only Honduran florist on First Street and agents came to the park in July.'
const facilitatorCaller = () => callerFor(db, env, facilitator)

beforeAll(async () => {
  ;({ db, close } = await createTestDb())
  facilitator = await makeUser(db, 'facilitator')
  commission = await makeUser(db, 'commission')
  const cell = { area: 'hollenbeck', setting: 'park', month: '2025-07' }
  const ids = await makeSubmissions(db, [
    { ...cell, text: COMMON, consentQuote: true },
    { ...cell, text: FLORIST, consentQuote: true },
    ...times(10, { ...cell, text: COMMON }),
  ])
  ;[common, florist] = ids as [string, string]
  // Harbor × August × park holds 2 testimonies in the whole collection, but the theme's Harbor, August and park cells are all ≥ 5.
  const harbor = await makeSubmissions(db, [
    { area: 'harbor', setting: 'park', month: '2025-08', text: COMMON, consentQuote: true },
    { area: 'harbor', setting: 'park', month: '2025-08', text: COMMON },
    ...times(3, { area: 'harbor', setting: 'street', month: '2025-08', text: COMMON }),
    ...times(3, { area: 'harbor', setting: 'street', month: '2025-07', text: COMMON }),
  ])
  rareCell = harbor[0]!
  themeId = await makeTheme(db, { title: 'Agents at parks', memberIds: [...ids, ...harbor], quotes: [{ submissionId: common }, { submissionId: florist }, { submissionId: rareCell }] })
  reportId = (await facilitatorCaller().report.create({ title: 'Summer 2025', periodStart: '2025-06', periodEnd: '2025-08' })).id
  await facilitatorCaller().report.addTheme({ id: reportId, themeId })
})
afterAll(() => close())

describe('re-identification check', () => {
  it('flags, in the builder, the rare words of a quote and a quote from a rare Area × month × setting', async () => {
    const draft = await facilitatorCaller().report.draft({ id: reportId })
    const bySubmission = new Map(draft.themes[0]!.quotes.map((q) => [q.submissionId, q]))
    expect(bySubmission.get(common)).toMatchObject({ flags: { flagged: false, rareTerms: [], rareCell: false }, review: null, shown: true })
    const f = bySubmission.get(florist)!
    expect(f.flags).toMatchObject({ flagged: true, rareCell: false })
    expect(f.flags!.rareTerms).toEqual(expect.arrayContaining(['honduran', 'florist']))
    expect(f.flags!.rareTerms).not.toContain('park')
    expect(f.shown).toBe(false)
    expect(bySubmission.get(rareCell)).toMatchObject({ flags: { flagged: true, rareTerms: [], rareCell: true, cellCount: 2 }, shown: false })
  })

  it('leaves flagged quotes out at publish until reviewed', async () => {
    await facilitatorCaller().report.publish({ id: reportId })
    const { snapshot } = await callerFor(db, env, commission).report.view({ id: reportId, version: 1 })
    expect(snapshot.themes[0]!.quotes.map((q) => q.text)).toEqual([COMMON])
    expect(snapshot.reidentificationReviews).toEqual([])
  })

  it('a facilitator reviews a flagged quote (audited); the next version shows it and names who reviewed it', async () => {
    await facilitatorCaller().report.reviewQuote({ id: reportId, themeId, submissionId: florist })
    const audit = await db.selectFrom('audit_log').select(['actor_user_id', 'details']).where('action', '=', 'report.quote.review').where('target_id', '=', reportId).executeTakeFirstOrThrow()
    expect(audit).toMatchObject({ actor_user_id: facilitator.id, details: { themeId, submissionId: florist } })
    const draft = await facilitatorCaller().report.draft({ id: reportId })
    expect(draft.themes[0]!.quotes.find((q) => q.submissionId === florist)).toMatchObject({ review: { by: facilitator.displayName }, shown: true })
    await facilitatorCaller().report.publish({ id: reportId })
    const { snapshot } = await callerFor(db, env, commission).report.view({ id: reportId, version: 2 })
    expect(snapshot.themes[0]!.quotes.map((q) => q.text)).toEqual([COMMON, FLORIST])
    expect(snapshot.reidentificationReviews).toEqual([{ themeId, position: 2, reviewedBy: facilitator.displayName, reviewedAt: expect.any(String) }])
    // Reviewing twice records it once.
    await facilitatorCaller().report.reviewQuote({ id: reportId, themeId, submissionId: florist })
    expect(await db.selectFrom('report_quote_reviews').select('submission_id').execute()).toHaveLength(1)
  })

  it('refuses to review something that is not a quote of a theme in the report, with a clear message', async () => {
    const [stranger] = await makeSubmissions(db, [{ text: 'Not quoted anywhere.' }])
    await expect(facilitatorCaller().report.reviewQuote({ id: reportId, themeId, submissionId: stranger! })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'errors.quoteNotInReport' })
    await expect(callerFor(db, env, commission).report.reviewQuote({ id: reportId, themeId, submissionId: florist })).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
})
