import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { isApertiumAvailable } from '../../server/lib/apertium'
import { DEMO_ACCOUNTS } from '../../server/services/seed'
import { axeViolations, launchBrowser, newContext, signIn } from './support/browser'

const baseURL = inject('baseURL')
let browser: Browser
const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

describe('the thin vertical slice', () => {
  it.each([true, false])('a submitter submits testimony on a phone and gets a receipt (JavaScript %s)', async (javaScriptEnabled) => {
    const context = await newContext(browser, { locale: 'es-MX', phone: true, javaScriptEnabled })
    const page = await context.newPage()
    const submitter = account('submitter')
    await signIn(page, baseURL, submitter.email, submitter.password)
    await page.goto(`${baseURL}/org/submit`)
    if (javaScriptEnabled) expect(await axeViolations(page)).toEqual([]) // axe runs as page script

    // An empty testimony is refused beside the field, and what was typed elsewhere stays.
    await page.locator('textarea[name="guidanceWanted"]').fill('Que se identifiquen.')
    await page.locator('form.stack button[type="submit"]').click()
    const textId = await page.locator('textarea[name="text"]').getAttribute('id')
    await page.locator(`[id="${textId}-error"]`).filter({ hasText: 'Este campo es obligatorio' }).waitFor()
    expect(await page.locator('textarea[name="guidanceWanted"]').inputValue()).toBe('Que se identifiquen.')

    const text = `Me llamo Rosa Martínez, mi número es 323-555-0177. Los agentes con máscaras llegaron al parque ${javaScriptEnabled ? 'con' : 'sin'} JavaScript.`
    await page.locator('textarea[name="text"]').fill(text)
    await page.locator('input[name="incidentMonth"]').evaluate((el: HTMLInputElement) => (el.value = '2025-08'))
    await page.locator('select[name="area"]').selectOption('hollenbeck')
    await page.locator('select[name="setting"]').selectOption('park')
    await page.locator('input[name="agencies"][value="ice"]').check()
    await page.locator('input[name="consentQuote"]').check()
    await Promise.all([page.waitForURL(/\/org\/receipts\//), page.locator('form.stack button[type="submit"]').click()])

    const code = await page.getByTestId('receipt-code').textContent()
    expect(code).toMatch(/^[0-9A-Z]{3}-[0-9A-Z]{3}-[0-9A-Z]{3}$/)
    const shown = await page.locator('blockquote.testimony').first().textContent()
    expect(shown).toContain('[PHONE]')
    expect(shown).not.toContain('555-0177')
    expect(shown).not.toContain('Rosa')
    await page.getByRole('heading', { name: /Gracias/ }).waitFor()
    if (javaScriptEnabled) expect(await axeViolations(page)).toEqual([]) // axe runs as page script
    await context.close()
  })

  it('a facilitator sees the list of submissions and opens one', async () => {
    const context = await newContext(browser)
    const page = await context.newPage()
    const facilitator = account('facilitator')
    await signIn(page, baseURL, facilitator.email, facilitator.password)
    await page.goto(`${baseURL}/workspace`)
    // Filters live in the URL: search a Spanish word without its accent, in Spanish testimony only.
    await page.locator('input[name="q"]').fill('policia')
    await page.locator('select[name="language"]').selectOption('es')
    await Promise.all([page.waitForURL(/q=policia/), page.getByRole('button', { name: 'Apply filters' }).click()])
    expect(new URL(page.url()).searchParams.get('language')).toBe('es')
    const rows = page.locator('table.table tbody tr')
    await rows.first().waitFor()
    expect(await rows.count()).toBeGreaterThan(0)
    // The testimony column (after the selection checkbox and the date) is never empty.
    for (const text of await rows.locator('td:nth-child(3)').allTextContents()) expect(text.length).toBeGreaterThan(0)
    // Counts per filter value stream in after the list: all of this selection is in Spanish.
    const counts = page.getByRole('navigation', { name: 'Counts in this list' })
    await counts.waitFor()
    expect(await counts.getByText('Spanish', { exact: true }).count()).toBe(1)
    await Promise.all([page.waitForURL(/\/workspace\/submissions\//), rows.first().locator('a').click()])
    await page.getByRole('heading', { level: 1, name: /^Submission [0-9A-Z]{3}-/ }).waitFor()
    if (isApertiumAvailable('spa-eng')) {
      // Seeded Spanish testimony is machine-translated in the background at start; labelled as such.
      const heading = page.getByRole('heading', { name: 'Machine translation (English)' })
      for (let i = 0; i < 30 && !(await heading.isVisible()); i++) {
        await page.waitForTimeout(2000)
        await page.reload()
      }
      await heading.waitFor()
    }
    expect(await page.locator('blockquote.testimony').first().textContent()).toBeTruthy()
    expect(await axeViolations(page)).toEqual([])
    await context.close()
  })

  it('a commission user lands on the published reports (the seeded demo report)', async () => {
    const context = await newContext(browser)
    const page = await context.newPage()
    await signIn(page, baseURL, account('commission').email, account('commission').password)
    await page.getByTestId('published-report').filter({ hasText: '[DEMO] June–December 2025' }).waitFor()
    await context.close()
  })

  it('an admin invites a facilitator, who sets a password and lands in the workspace', async () => {
    const context = await newContext(browser)
    const page = await context.newPage()
    await signIn(page, baseURL, account('admin').email, account('admin').password)
    await page.goto(`${baseURL}/invitations`)
    await page.locator('input[name="email"]').fill('new.facilitator@example.test')
    await page.locator('select[name="role"]').selectOption('facilitator')
    await page.locator('form.stack button[type="submit"]').click()
    await page.getByTestId('invitation-link').waitFor()
    const link = (await page.getByTestId('invitation-link').textContent())!
    expect(link).toContain('/invite/')
    await context.close()

    const invitee = await newContext(browser)
    const page2 = await invitee.newPage()
    await page2.goto(link)
    expect(await axeViolations(page2)).toEqual([])
    await page2.locator('input[name="displayName"]').fill('Jo')
    await page2.locator('input[name="password"]').fill('a sturdy long passphrase')
    await page2.locator('input[name="confirmPassword"]').fill('a sturdy long passphrase')
    await Promise.all([page2.waitForURL(`${baseURL}/workspace`), page2.locator('form.stack button[type="submit"]').click()])
    await page2.goto(link)
    await page2.getByRole('alert').filter({ hasText: 'already been used' }).waitFor()
    await invitee.close()
  })

  it('answers /healthz with 200', async () => {
    const res = await fetch(`${baseURL}/healthz`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok' })
  })
})
