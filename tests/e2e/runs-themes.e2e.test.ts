import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { DEMO_ACCOUNTS, DEMO_TESTIMONY_COUNT } from '../../server/services/seed'
import { axeViolations, launchBrowser, newContext, signIn } from './support/browser'

const baseURL = inject('baseURL')
let browser: Browser
const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

/** Waits on the run page until the results show; returns the progress texts seen on the way. */
async function watchUntilDone(page: Page, timeoutMs = 90_000): Promise<string[]> {
  const seen: string[] = []
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if ((await page.getByTestId('clusters').count()) > 0) {
      // The results page may still be streaming in (its list follows the heading): wait for the whole document.
      await page.waitForLoadState('load')
      return seen
    }
    if ((await page.getByTestId('run-failed').count()) > 0) throw new Error(`run failed: ${await page.getByTestId('run-failed').textContent()}`)
    const text = await page
      .getByTestId('run-progress')
      .textContent({ timeout: 500 })
      .catch(() => null)
    if (text && seen.at(-1) !== text) seen.push(text)
    await page.waitForTimeout(150)
  }
  throw new Error(`the run did not finish in time; seen: ${seen.join(' | ')}`)
}

describe('clustering runs and themes', () => {
  it('a facilitator runs clustering on the demo data, promotes two clusters, merges them, picks a quote and sees it audited', async () => {
    const context = await newContext(browser)
    const page = await context.newPage()
    const facilitator = account('facilitator')
    await signIn(page, baseURL, facilitator.email, facilitator.password)

    // Other browser tests may have accepted testimony into the same database: the run covers what the list counts.
    await page.goto(`${baseURL}/workspace?status=accepted`)
    const accepted = Number((await page.getByRole('status').filter({ hasText: /submissions?$/ }).first().textContent())!.match(/\d+/)![0])
    expect(accepted).toBeGreaterThanOrEqual(DEMO_TESTIMONY_COUNT)

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clustering' }).click()
    await page.getByRole('heading', { level: 1, name: 'Clustering runs' }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    await page.locator('input[name="name"]').fill('Demo data, all accepted')
    await Promise.all([page.waitForURL(/\/workspace\/runs\/[0-9a-f-]{36}$/), page.getByRole('button', { name: 'Start the run' }).click()])
    const runUrl = page.url()

    // The page refreshes itself while the job works: phase and percentage, then the results.
    await page.getByTestId('run-progress').waitFor()
    expect(await axeViolations(page)).toEqual([])
    const seen = await watchUntilDone(page)
    expect(seen.length).toBeGreaterThan(0)
    expect(seen.some((text) => /\d+%/.test(text))).toBe(true)
    expect(await page.getByTestId('run-documents').textContent()).toBe(String(accepted))
    const clusters = page.getByTestId('cluster')
    expect(await clusters.count()).toBeGreaterThanOrEqual(2)
    // Each cluster: size, key terms, languages, top tags, representative testimony linking to the submission.
    const first = clusters.first()
    expect(await first.locator('.key-terms').textContent()).toMatch(/Key terms \((English|Spanish), \d+ testimon/) // only the languages present in the cluster
    expect(await first.getByText(/^Languages:/).textContent()).toMatch(/\d/)
    expect(await first.getByText(/^Most frequent tags:/).count()).toBe(1)
    expect(await first.locator('.representatives a[href^="/workspace/submissions/"]').count()).toBeGreaterThan(0)
    expect(await axeViolations(page)).toEqual([])

    // A cluster opens to its members.
    await Promise.all([page.waitForURL(/\/clusters\/0$/), first.getByRole('link', { name: 'Cluster 1', exact: true }).click()])
    await page.getByTestId('cluster-members').locator('tbody tr').first().waitFor()
    expect(await axeViolations(page)).toEqual([])
    await page.goto(runUrl)

    // Promote clusters 1 and 2 to themes.
    await Promise.all([page.waitForURL(/\/workspace\/themes\/[0-9a-f-]{36}\?created=1$/), page.getByRole('button', { name: 'Promote to theme: Cluster 1', exact: true }).click()])
    const firstTheme = page.url().replace(/\?.*$/, '')
    const firstTitle = await page.locator('input[name="title"]').inputValue()
    expect(firstTitle.length).toBeGreaterThan(0)
    expect((await page.locator('textarea[name="summary"]').inputValue()).length).toBeGreaterThan(0)
    await page.goto(runUrl)
    await page.getByTestId('cluster').first().getByText('Theme:').waitFor()
    await Promise.all([page.waitForURL(/\/workspace\/themes\//), page.getByRole('button', { name: 'Promote to theme: Cluster 2', exact: true }).click()])
    const secondTitle = await page.locator('input[name="title"]').inputValue()

    // Merge the second into the first.
    await page.goto(firstTheme)
    const membersBefore = Number((await page.getByRole('heading', { name: /testimonies in this theme/ }).textContent())!.match(/\d+/)![0])
    await page.getByRole('checkbox', { name: new RegExp(secondTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).check()
    await Promise.all([page.waitForURL(/done=merge/), page.getByRole('button', { name: 'Merge into this theme' }).click()])
    await page.getByTestId('theme-done').filter({ hasText: 'The themes were merged into this one.' }).waitFor()
    const membersAfter = Number((await page.getByRole('heading', { name: /testimonies in this theme/ }).textContent())!.match(/\d+/)![0])
    expect(membersAfter).toBeGreaterThan(membersBefore)
    expect(await page.getByTestId('theme-sources').textContent()).toContain(secondTitle)

    // Pick a quote: shown as written, with the stored translation labelled as a machine translation when there is one.
    await Promise.all([
      page.waitForURL(/done=addQuote/),
      page
        .getByTestId('quote-picker')
        .getByRole('button', { name: /^Use as quote/ })
        .first()
        .click(),
    ])
    await page.getByTestId('theme-done').filter({ hasText: 'Quote added.' }).waitFor()
    const quote = page.getByTestId('theme-quote').first()
    expect(await quote.locator('blockquote.testimony').first().textContent()).toBeTruthy()
    expect(await quote.textContent()).toMatch(/Machine translation|No translation yet/)
    expect(await axeViolations(page)).toEqual([])

    // The theme's own history (facilitators do not read the whole audit log).
    const history = page.getByTestId('theme-history')
    expect(await history.textContent()).toContain('theme.addQuote')
    expect(await history.textContent()).toContain('theme.merge')
    expect(await history.textContent()).toContain(`Merged in: ${secondTitle}`)
    await page.goto(`${baseURL}/workspace/themes`)
    expect(await page.getByTestId('themes-table').textContent()).toContain(firstTitle)
    expect(await page.getByTestId('themes-table').textContent()).not.toContain(secondTitle)
    expect(await axeViolations(page)).toEqual([])
    await context.close()

    // The admin's audit log has the same entries, with who made them.
    const admin = await newContext(browser)
    const adminPage = await admin.newPage()
    await signIn(adminPage, baseURL, account('admin').email, account('admin').password)
    await adminPage.goto(`${baseURL}/admin`)
    const rows = adminPage.locator('table.table tbody tr')
    const entries = await rows.allTextContents()
    for (const action of ['theme.addQuote', 'theme.merge', 'theme.mergedInto', 'theme.create', 'run.start']) {
      expect(entries.some((row) => row.includes(action) && row.includes(facilitator.email))).toBe(true)
    }
    await admin.close()
  }, 180_000)

  it('without JavaScript: a bad number of clusters is refused beside the field, a run refreshes to its results, a cluster becomes a theme', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false, locale: 'es-MX' })
    const page = await context.newPage()
    await signIn(page, baseURL, account('facilitator').email, account('facilitator').password)
    await page.goto(`${baseURL}/workspace/runs`)
    await page.locator('input[name="name"]').fill('Sin JavaScript')
    await page.locator('input[name="k"]').fill('60')
    await page.getByRole('button', { name: 'Iniciar el análisis' }).click()
    const kId = await page.locator('input[name="k"]').getAttribute('id')
    await page.locator(`[id="${kId}-error"]`).filter({ hasText: 'de 2 a 50' }).waitFor()
    await page.locator('input[name="k"]').fill('5')
    await page.locator('select[name="filter.language"]').selectOption('es')
    await Promise.all([page.waitForURL(/\/workspace\/runs\/[0-9a-f-]{36}$/), page.getByRole('button', { name: 'Iniciar el análisis' }).click()])
    await watchUntilDone(page)
    expect(await page.getByTestId('cluster').count()).toBeGreaterThanOrEqual(3)
    await Promise.all([page.waitForURL(/\/workspace\/themes\//), page.getByRole('button', { name: 'Convertir en tema: Grupo 3', exact: true }).click()])
    await page.getByTestId('theme-done').filter({ hasText: 'Se creó el tema.' }).waitFor()
    await context.close()
  }, 120_000)
})
