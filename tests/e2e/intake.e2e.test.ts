import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { DEMO_ACCOUNTS } from '../../server/services/seed'
import { axeViolations, launchBrowser, newContext, signIn } from './support/browser'

const baseURL = inject('baseURL')
let browser: Browser
const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

async function phonePage(locale = 'en-US'): Promise<Page> {
  const context = await newContext(browser, { phone: true, locale })
  return context.newPage()
}

const NAME = 'Rosa Martínez'
const PHONE = '323-555-0188'
const TEXT = `Frente a la lavandería del girasol azul, me llamo ${NAME} y mi número es ${PHONE}. Los agentes con máscaras llegaron en camionetas sin placas.`

describe('intake, reveal and moderation', () => {
  let receiptCode = ''

  it('a submitter sends Spanish testimony with a name and a phone number and gets a redacted receipt', async () => {
    const page = await phonePage('es-MX')
    await signIn(page, baseURL, account('submitter').email, account('submitter').password)
    await page.goto(`${baseURL}/org/submit`)
    await page.locator('textarea[name="text"]').fill(TEXT)
    await page.locator('select[name="setting"]').selectOption('street')
    await Promise.all([page.waitForURL(/\/org\/receipts\//), page.locator('form.stack button[type="submit"]').click()])
    receiptCode = (await page.getByTestId('receipt-code').textContent())!
    expect(receiptCode).toMatch(/^[0-9A-Z]{3}-[0-9A-Z]{3}-[0-9A-Z]{3}$/)
    const shown = (await page.locator('blockquote.testimony').first().textContent())!
    expect(shown).toContain('[PHONE]')
    expect(shown).not.toContain(PHONE)
    expect(shown).not.toContain('Rosa')
    expect(await axeViolations(page)).toEqual([])
    await page.context().close()
  })

  it('a facilitator sees it redacted, reveals the original with a reason, and the admin’s audit log shows the reveal', async () => {
    const page = await phonePage()
    await signIn(page, baseURL, account('facilitator').email, account('facilitator').password)
    await page.goto(`${baseURL}/workspace?language=es`)
    await Promise.all([page.waitForURL(/\/workspace\/submissions\//), page.locator('table.table a', { hasText: 'girasol azul' }).first().click()])
    await page.locator('h1', { hasText: receiptCode }).waitFor()
    const redacted = (await page.locator('blockquote.testimony').first().textContent())!
    expect(redacted).toContain('[PHONE]')
    expect(redacted).not.toContain(NAME)
    expect(await axeViolations(page)).toEqual([])

    // Too short a reason is refused beside the field, and nothing is shown.
    await page.locator('#reveal-reason').fill('check')
    await page.locator('#reveal-reason').evaluate((el: HTMLTextAreaElement) => el.removeAttribute('minlength'))
    await page.getByRole('button', { name: 'Reveal original' }).click()
    await page.waitForSelector('#reveal-error')
    expect(await page.getByTestId('revealed').count()).toBe(0)

    await page.locator('#reveal-reason').fill('Checking that the redaction removed the name')
    await page.getByRole('button', { name: 'Reveal original' }).click()
    await page.getByTestId('revealed').waitFor()
    expect(await page.getByTestId('revealed').textContent()).toContain(NAME)
    expect(await axeViolations(page)).toEqual([])
    // Shown once: a reload brings back only the redacted text.
    await page.reload()
    expect(await page.getByTestId('revealed').count()).toBe(0)
    expect(await page.content()).not.toContain(PHONE)
    await page.context().close()

    const admin = await phonePage()
    await signIn(admin, baseURL, account('admin').email, account('admin').password)
    await admin.goto(`${baseURL}/admin`)
    expect(await admin.locator('table.table code', { hasText: 'submission.reveal' }).count()).toBeGreaterThanOrEqual(1)
    // The audit page says which testimony and why, in Los Angeles time.
    await admin.goto(`${baseURL}/admin/audit?action=submission.reveal&target=${receiptCode}`)
    const entry = admin.getByTestId('audit-entry').first()
    expect(await entry.textContent()).toContain(`revealed the original of testimony ${receiptCode} — reason: Checking that the redaction removed the name`)
    expect(await entry.locator('time').textContent()).toMatch(/P[SD]T/)
    await admin.context().close()
  })

  it('a facilitator opens an intake link; a person without an account submits through it; it waits in moderation', async () => {
    const page = await phonePage()
    await signIn(page, baseURL, account('facilitator').email, account('facilitator').password)
    await page.goto(`${baseURL}/workspace/intake-links`)
    expect(await axeViolations(page)).toEqual([])
    await page.locator('input[name="name"]').fill('Sesión de escucha en Boyle Heights')
    await page.locator('input[name="maxSubmissions"]').fill('50')
    await page.getByRole('button', { name: 'Create link' }).click()
    const link = (await page.getByTestId('intake-link').textContent())!
    expect(link).toContain('/intake/')
    // The link's name is checked where it matters below: on the moderation item of what came through it
    // (the list of links holds the other tests' links too, and its order and length vary with the run).

    const visitor = await phonePage('es-MX')
    await visitor.goto(link)
    expect(await visitor.locator('h1').textContent()).toBe('Comparta su testimonio')
    expect(await axeViolations(visitor)).toEqual([])
    // The honeypot is out of sight and out of the accessibility tree.
    const box = (await visitor.locator('input[name="website"]').boundingBox())!
    expect(box.x + box.width).toBeLessThanOrEqual(0)
    expect(await visitor.getByRole('textbox', { name: 'Deje este campo vacío' }).count()).toBe(0)
    await visitor.locator('textarea[name="text"]').fill('Vimos a agentes federales en la parada del autobús; nadie de la Ciudad explicó nada a la gente que esperaba.')
    await visitor.locator('input[name="agencies"][value="ice"]').check()
    await visitor.locator('form.stack button[type="submit"]').click()
    const code = (await visitor.getByTestId('receipt-code').textContent())!
    expect(code).toMatch(/^[0-9A-Z]{3}-[0-9A-Z]{3}-[0-9A-Z]{3}$/)
    expect(await axeViolations(visitor)).toEqual([])
    await visitor.context().close()

    await page.goto(`${baseURL}/workspace/moderation`)
    const item = page.getByTestId('moderation-item').filter({ hasText: code })
    expect(await item.count()).toBe(1)
    expect(await item.textContent()).toContain('Sesión de escucha en Boyle Heights')
    expect(await axeViolations(page)).toEqual([])
    await item.getByRole('button', { name: `Accept ${code}` }).click()
    await page.getByRole('status').filter({ hasText: 'Decision saved.' }).waitFor()
    await expect.poll(() => page.getByTestId('moderation-item').filter({ hasText: code }).count()).toBe(0)
    await page.context().close()
  })

  it('an unknown intake link says so clearly', async () => {
    const page = await phonePage()
    const response = await page.goto(`${baseURL}/intake/${'x'.repeat(43)}`)
    expect(response?.status()).toBe(404)
    expect(await page.getByTestId('intake-unavailable').textContent()).toContain('not valid')
    expect(await axeViolations(page)).toEqual([])
    await page.context().close()
  })
})
