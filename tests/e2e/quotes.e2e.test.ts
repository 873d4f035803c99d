/**
 * Issue 12 §2 and §4, the facilitator's view in the report builder, with
 * JavaScript on and off: a theme promoted from a cluster starts with the
 * machine draft as its summary, and publishing is refused until the
 * facilitator approves it; each quote shows its re-identification check, and a
 * flagged one is reviewed with a button. After each post the page is reloaded
 * and what was saved is checked.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { DEMO_ACCOUNTS } from '../../server/services/seed'
import { axeViolations, launchBrowser, newContext, signIn } from './support/browser'

const baseURL = inject('baseURL')
let browser: Browser
const facilitator = DEMO_ACCOUNTS.find((a) => a.role === 'facilitator')!
const themeUrls: string[] = []

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

async function signedIn(javaScriptEnabled: boolean): Promise<Page> {
  const context = await newContext(browser, { javaScriptEnabled })
  const page = await context.newPage()
  await signIn(page, baseURL, facilitator.email, facilitator.password)
  return page
}

/** Posts a form and waits for the page it leads to (a new document, with or without JavaScript). */
async function submit(page: Page, button: ReturnType<Page['locator']>, url?: RegExp) {
  await Promise.all([url ? page.waitForURL(url) : page.waitForEvent('load'), button.click()])
}

async function waitForRun(page: Page) {
  const deadline = Date.now() + 150_000
  while (Date.now() < deadline) {
    if ((await page.getByTestId('clusters').count()) > 0) return page.waitForLoadState('load')
    if ((await page.getByTestId('run-failed').count()) > 0) throw new Error('run failed')
    await page.waitForTimeout(500)
    if ((await page.getByTestId('clusters').count()) === 0 && (await page.getByTestId('run-progress').count()) === 0) await page.reload()
  }
  throw new Error('the run did not finish in time')
}

async function newReport(page: Page, title: string, themeUrl: string) {
  await page.goto(`${baseURL}/workspace/reports`)
  await page.locator('input[name="title"]').fill(title)
  await page.locator('input[name="periodStart"]').evaluate((el: HTMLInputElement) => (el.value = '2024-01'))
  // Wide enough for every demo testimony (those with no incident month count in the month they were received).
  await page.locator('input[name="periodEnd"]').evaluate((el: HTMLInputElement) => (el.value = '2027-12'))
  await submit(page, page.getByRole('button', { name: 'Create the report' }), /\/workspace\/reports\/[0-9a-f-]{36}/)
  const themeId = themeUrl.split('/').pop()!
  await page.locator('#add-theme').selectOption(themeId)
  await submit(page, page.getByRole('button', { name: 'Add to the report' }), /saved=themes/)
  return page.url().replace(/\?.*$/, '')
}

describe('the report builder: summary approval and the re-identification check', () => {
  it('a facilitator makes two themes from a clustering run, each with the machine draft and a quote', { timeout: 240_000 }, async () => {
    const page = await signedIn(true)
    await page.goto(`${baseURL}/workspace/runs`)
    await page.locator('input[name="name"]').fill('Quotes browser test')
    await submit(page, page.getByRole('button', { name: 'Start the run' }), /\/workspace\/runs\/[0-9a-f-]{36}$/)
    const runUrl = page.url()
    await waitForRun(page)
    for (const n of [1, 2]) {
      await page.goto(runUrl)
      await submit(page, page.getByRole('button', { name: `Promote to theme: Cluster ${n}`, exact: true }), /\/workspace\/themes\/[0-9a-f-]{36}\?created=1$/)
      themeUrls.push(page.url().replace(/\?.*$/, ''))
      await submit(page, page.getByTestId('quote-picker').getByRole('button', { name: /^Use as quote/ }).first(), /done=addQuote/)
    }
    await page.context().close()
  })

  for (const javaScriptEnabled of [true, false]) {
    it(`with JavaScript ${javaScriptEnabled ? 'on' : 'off'}: publishing waits for the summary; approving and reviewing are saved`, { timeout: 120_000 }, async () => {
      const page = await signedIn(javaScriptEnabled)
      const themeUrl = themeUrls[javaScriptEnabled ? 0 : 1]!
      const builder = await newReport(page, `Quotes check, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, themeUrl)
      const card = page.getByTestId('builder-theme').first()
      await card.getByTestId('summary-draft').waitFor()
      expect(await card.getByTestId('theme-summary').locator('blockquote').textContent()).toBeTruthy()
      if (javaScriptEnabled) expect(await axeViolations(page)).toEqual([])

      // Publishing is refused, with the reason.
      const refused = page.getByText('A theme’s summary is still the machine draft.', { exact: false })
      if (javaScriptEnabled) await page.getByRole('button', { name: 'Publish version 1' }).click()
      else await submit(page, page.getByRole('button', { name: 'Publish version 1' }))
      await refused.waitFor()
      await page.goto(builder)
      expect(await page.getByTestId('builder-theme').first().getByTestId('summary-draft').count()).toBe(1)

      // Approve, reload, and it is saved.
      await submit(page, page.getByTestId('builder-theme').first().getByRole('button', { name: /^Approve this summary/ }), /saved=summary/)
      await page.goto(builder)
      await page.getByTestId('builder-theme').first().getByTestId('summary-approved').waitFor()
      expect(await page.getByTestId('builder-theme').first().getByTestId('summary-draft').count()).toBe(0)

      // The quote's re-identification check: a flagged quote is reviewed with a button and stays reviewed after a reload.
      const check = page.getByTestId('quote-check').first()
      await check.waitFor()
      const review = check.getByRole('button', { name: /^Reviewed for re-identification: publish it/ })
      const flagged = (await review.count()) > 0
      console.info(`quote check, JavaScript ${javaScriptEnabled ? 'on' : 'off'}: ${flagged ? 'flagged, reviewed' : 'not flagged'}`)
      if (flagged) {
        expect(await check.textContent()).toMatch(/Rare in the collection|share its Area, month and setting|shares its Area, month and setting/)
        expect(await check.textContent()).toContain('Left out of the report until reviewed.')
        await submit(page, review, /saved=review/)
        await page.goto(builder)
        await page.getByTestId('quote-check').first().getByTestId('quote-reviewed').waitFor()
        expect(await page.getByTestId('quote-check').first().textContent()).toContain('Reviewed for re-identification by')
      } else {
        expect(await check.textContent()).toContain('No rare words')
      }
      if (javaScriptEnabled) expect(await axeViolations(page)).toEqual([])

      // Now it publishes.
      await submit(page, page.getByRole('button', { name: 'Publish version 1' }), /published=1/)
      await page.getByText('Version 1 is published.').waitFor()
      await page.context().close()
    })
  }
})
