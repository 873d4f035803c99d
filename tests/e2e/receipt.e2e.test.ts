import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject } from 'vitest'
import { DEMO_ACCOUNTS } from '../../server/services/seed'
import { launchBrowser, signIn } from './support/browser'
import { expectNoAxeViolations, expectResultInView, formTest, submitWith } from './support/forms'

/**
 * Issue 14 minors: the receipt shows the two free-text answers as kept (redacted), and a
 * testimony withdrawn from its receipt is not thanked for any more, on the receipt or on /org.
 */
const baseURL = inject('baseURL')
let browser: Browser
const getBrowser = () => browser
const submitter = DEMO_ACCOUNTS.find((a) => a.role === 'submitter')!
const run = Date.now().toString(36)

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

describe('issue 14: the receipt', () => {
  formTest('org.receipts.$code.tsx', 'shows the answers as kept; once withdrawn it thanks no more and /org says when', getBrowser, async ({ page, mode, javaScriptEnabled }) => {
    await signIn(page, baseURL, submitter.email, submitter.password)
    await page.goto(`${baseURL}/org/submit`)
    const marker = `receipt-${mode}-${run}`
    await page.locator('textarea[name="text"]').fill(`Agents waited by the bus stop near the market (${marker}).`)
    await page.locator('textarea[name="cityResponse"]').fill('The officer said to call 323-555-0142 and did nothing.')
    await page.locator('textarea[name="guidanceWanted"]').fill(`Officers should say who they are (${marker}).`)
    await Promise.all([page.waitForURL(/\/org\/receipts\//), page.locator('form.stack button[type="submit"]').click()])
    const receipt = page.url() // with ?new, as a submitter lands on it
    const code = (await page.getByTestId('receipt-code').textContent())!.trim()

    // The answers are shown as stored: the phone number is redacted.
    const city = (await page.getByTestId('receipt-city-response').textContent())!
    expect(city).toContain('did nothing')
    expect(city).not.toContain('555-0142')
    expect(await page.getByTestId('receipt-guidance-wanted').textContent()).toContain(marker)
    expect(await page.getByRole('heading', { name: 'What did City staff or police officers do?' }).count()).toBe(1)

    await page.locator('input[name="confirm"]').check()
    await submitWith(page, () => page.getByRole('button', { name: 'Withdraw testimony' }).click())
    await expectResultInView(page, 'The testimony was withdrawn and its text deleted.', javaScriptEnabled)
    await expectNoAxeViolations(page, javaScriptEnabled)

    // Reopened (still with ?new): a plain receipt with the withdrawn notice, no thanks.
    await page.goto(receipt)
    expect(await page.getByTestId('withdrawn-notice').count()).toBe(1)
    expect(await page.content()).not.toContain('Thank you. Your testimony was received.')
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Receipt')
    await expectNoAxeViolations(page, javaScriptEnabled)

    // The card on /org says when it was withdrawn.
    await page.goto(`${baseURL}/org`)
    const card = page.locator('li.card').filter({ has: page.locator(`code:text-is("${code}")`) })
    expect(await card.locator('.excerpt').textContent()).toMatch(/^Withdrawn on .+\d{4}\. Its text was deleted\.$/)
  })
})
