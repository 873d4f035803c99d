import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../db/client'
import { DEMO_ACCOUNTS, seedDemo } from '../../server/services/seed'
import { DEMO_REPORT, DEMO_THEMES } from '../../server/services/seed-reports'
import { STARTER_CODEBOOK } from '../../server/schemas/reference'
import { createTestDb, testEnv } from '../support/db'
import { callerFor } from '../support/factories'
import { figureRange } from '../../server/reports/suppress'

const env = testEnv()
let db: Db
let close: () => Promise<void>

beforeAll(async () => {
  ;({ db, close } = await createTestDb())
})
afterAll(() => close())

describe('demo seed', () => {
  it('creates organizations, one account per role, the codebook and 300+ demo testimonies, once', async () => {
    expect(await seedDemo(db, env)).toBe(true)
    const count = async (table: 'organizations' | 'users' | 'tags' | 'submissions') =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
    expect(await count('organizations')).toBe(2)
    expect(await count('users')).toBe(DEMO_ACCOUNTS.length)
    const codebookSize = STARTER_CODEBOOK.reduce((n, e) => n + 1 + (e.children?.length ?? 0), 0)
    expect(await count('tags')).toBe(codebookSize)
    const submissions = await count('submissions')
    expect(submissions).toBeGreaterThanOrEqual(300)

    const languages = await db.selectFrom('submissions').select(['language', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('language').execute()
    const byLang = Object.fromEntries(languages.map((l) => [l.language, Number(l.n)]))
    expect(byLang.en).toBeGreaterThan(100)
    expect(byLang.es).toBeGreaterThan(100)
    expect(await db.selectFrom('submissions').select('id').where('is_demo', '=', false).execute()).toHaveLength(0)
    const areas = await db.selectFrom('submissions').select('area').distinct().execute()
    expect(areas.length).toBeGreaterThanOrEqual(21)

    // Starting twice does not duplicate it.
    expect(await seedDemo(db, env)).toBe(false)
    expect(await count('submissions')).toBe(submissions)
    expect(await db.selectFrom('themes').select('id').execute()).toHaveLength(DEMO_THEMES.length)
  }, 120_000) // seeding 360 testimonies (redaction, encryption, themes, a report) on a busy 2-core machine

  it('builds demo themes, a published demo report and guidance, so the Commission home and public page are not empty', async () => {
    const commission = await db.selectFrom('users').select(['id', 'display_name', 'email', 'role']).where('email', '=', 'commission@voces.demo').executeTakeFirstOrThrow()
    const caller = callerFor(db, env, { id: commission.id, email: commission.email, displayName: commission.display_name, role: 'commission', organizationId: null, organizationName: null, locale: null })
    const [report] = await caller.report.listPublished()
    expect(report).toMatchObject({ title: DEMO_REPORT.title, version: 1 })
    const { snapshot, commentsByTheme } = await caller.report.view({ id: report!.id })
    expect(snapshot.themes.map((t) => t.title)).toEqual(DEMO_THEMES.map((t) => t.title))
    for (const theme of snapshot.themes) expect('n' in theme.count && theme.count.n >= 5).toBe(true)
    // Two quotes were chosen per theme; the report shows those whose submission is in no group under 5.
    expect(await db.selectFrom('theme_quotes').select('id').execute()).toHaveLength(DEMO_THEMES.length * 2)
    expect(snapshot.themes.flatMap((t) => t.quotes).length).toBeGreaterThanOrEqual(1)
    expect(snapshot.themes.flatMap((t) => t.guidance).length).toBeGreaterThanOrEqual(3)
    expect(Object.values(commentsByTheme).flat()[0]?.replies).toHaveLength(1)
    const page = await callerFor(db, env, null).publicPage.list()
    expect(page.reports[0]!.themes.length).toBe(DEMO_THEMES.length)
    expect(page.reports[0]!.themes.flatMap((t) => t.guidance).length).toBe(2)
  })

  it('issue 12 reproduction: a report one month shorter beside the demo report does not give back December', async () => {
    const user = async (email: string, role: 'facilitator' | 'commission') => {
      const u = await db.selectFrom('users').select(['id', 'display_name', 'email']).where('email', '=', email).executeTakeFirstOrThrow()
      return callerFor(db, env, { id: u.id, email: u.email, displayName: u.display_name, role, organizationId: null, organizationName: null, locale: null })
    }
    const facilitator = await user('facilitator@voces.demo', 'facilitator')
    const commission = await user('commission@voces.demo', 'commission')
    const [demo] = await commission.report.listPublished()
    const full = await facilitator.report.draft({ id: demo!.id })
    const { id } = await facilitator.report.create({ title: 'June–November 2025', periodStart: '2025-06', periodEnd: '2025-11' })
    for (const theme of full.themes) {
      await facilitator.report.addTheme({ id, themeId: theme.themeId })
      await facilitator.report.updateTheme({ id, themeId: theme.themeId, publicSummaryEn: theme.publicSummaryEn, publicSummaryEs: theme.publicSummaryEs })
    }
    const short = await facilitator.report.draft({ id })
    // The exact counts (workspace only) differ by 1 to 4 for some theme: the two reports are the door.
    const exactDifferences = full.themes.map((t, i) => t.total - short.themes[i]!.total)
    expect(exactDifferences.some((d) => d >= 1 && d < 5)).toBe(true)
    await facilitator.report.publish({ id })

    const page = await callerFor(db, env, null).publicPage.list()
    const fullView = (await commission.report.view({ id: demo!.id })).snapshot
    const shortView = (await commission.report.view({ id })).snapshot
    expect(page.reports.map((r) => r.rounding)).toEqual(page.reports.map(() => 5))
    for (const [i, theme] of fullView.themes.entries()) {
      const [aLo, aHi] = figureRange(theme.count, 5)!
      const [bLo, bHi] = figureRange(shortView.themes[i]!.count, 5)!
      const december = theme.trend.cells.find((c) => c.key === '2025-12')!.figure
      const [dLo, dHi] = figureRange(december, 5) ?? [5, aHi]
      // What a reader can tell about December from the two totals and its own figure.
      const lo = Math.max(aLo - bHi, dLo, 0)
      const hi = Math.min(aHi - bLo, dHi)
      if (exactDifferences[i]! > 0) expect(hi - lo, `${theme.title}: December is ${lo}..${hi}`).toBeGreaterThanOrEqual(1)
    }
  })

  it('demo accounts can sign in with the printed passwords', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const result = await callerFor(db, env, null).auth.login({ email: account.email, password: account.password })
      expect(result.user.role).toBe(account.role)
    }
  })
})
