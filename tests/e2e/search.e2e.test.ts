import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { DEMO_ACCOUNTS } from '../../server/services/seed'
import { axeViolations, launchBrowser, newContext, signIn } from './support/browser'

const baseURL = inject('baseURL')
let browser: Browser
const facilitator = DEMO_ACCOUNTS.find((a) => a.role === 'facilitator')!

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

const normalize = (value: string) => value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()

describe('workspace search in the browser', () => {
  it.each([true, false])('results show the matching passage with each match marked, in Spanish and English (JavaScript %s)', async (javaScriptEnabled) => {
    const context = await newContext(browser, { phone: true, javaScriptEnabled })
    const page = await context.newPage()
    await signIn(page, baseURL, facilitator.email, facilitator.password)
    // Each mark is a word of the searched stem ("policía" finds "policías" and "policia" too).
    for (const [q, language, stem] of [
      ['policía', 'es', 'polic'],
      ['raid', 'en', 'raid'],
    ] as const) {
      await page.goto(`${baseURL}/workspace`)
      await page.locator('input[name="q"]').fill(q)
      await page.locator('select[name="language"]').selectOption(language)
      await Promise.all([page.waitForURL((url) => url.searchParams.get('q') === q), page.getByRole('button', { name: 'Apply' }).click()])
      // Reloaded, the search is still the one typed, and its results are marked.
      await page.reload()
      expect(await page.locator('input[name="q"]').inputValue()).toBe(q)
      const passages = page.getByTestId('search-passage')
      await passages.first().waitFor()
      const count = await passages.count()
      expect(count).toBeGreaterThan(0)
      for (let i = 0; i < Math.min(count, 5); i++) {
        const marks = await passages.nth(i).locator('mark').allTextContents()
        expect(marks.length).toBeGreaterThan(0)
        for (const mark of marks) expect(normalize(mark)).toContain(stem)
      }
      if (javaScriptEnabled) expect(await axeViolations(page)).toEqual([])
    }
    await context.close()
  })
})
