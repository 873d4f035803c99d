import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { DEMO_ACCOUNTS } from '../../server/services/seed'
import { axeViolations, launchBrowser, newContext, signIn } from './support/browser'
import { expectResultInView, formTest } from './support/forms'

const baseURL = inject('baseURL')
let browser: Browser
const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

async function upload(page: Page, name: string, csv: string) {
  await page.goto(`${baseURL}/import`)
  await page.locator('input[name="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') })
  await Promise.all([page.waitForURL(/\/import\/[A-Za-z0-9_-]{16,}/), page.getByTestId('import-upload').click()])
}

describe('CSV import in the browser', () => {
  formTest('import.$id.tsx', 'a file with a bad row shows that row’s error and a button that says it leaves the row out; fixed, every row is imported; permission columns are matched and shown', () => browser, async ({ page, context, javaScriptEnabled }) => {
    const submitter = account('submitter')
    await signIn(page, baseURL, submitter.email, submitter.password)
    const marker = `paper-form-${javaScriptEnabled ? 'js' : 'nojs'}-${Date.now()}`
    const good = `Agents with masks stopped people at the bus stop (${marker}-1). Call me at 323-555-0199.`
    const bad = `The raid at the swap meet scared everyone (${marker}-2).`
    // Permission columns as spreadsheets name them: matched to the consent fields.
    const header = 'Testimony,Month,LAPD Area,Setting,Agencies,Quote OK,Consent to contact\n'

    const first = `Agents with masks stopped people at the bus stop (${marker}-0).`
    await upload(page, 'session.csv', `\uFEFF${header}"${first}",2025-07,Hollenbeck,Transit,ICE,yes,no\n\n"${bad}",2025-13,Rampart,Store,"ICE; LAPD",no,yes\n`)
    expect(await page.locator('#map-consentQuote').inputValue()).toBe('5')
    expect(await page.locator('#map-consentContact').inputValue()).toBe('6')
    // axe runs as a page script: only where the page runs scripts (with them off, evaluation never settles).
    if (javaScriptEnabled) expect(await axeViolations(page)).toEqual([])
    const errors = page.getByTestId('import-errors')
    expect(await errors.locator('tbody tr').count()).toBe(1)
    const cells = await errors.locator('tbody tr td').allTextContents()
    expect(cells).toEqual(['4', 'Month', 'Enter a month and year, like 2025-07.'])
    const errorsCsv = await page.locator('a[download]').getAttribute('href')
    const download = await context.request.get(`${baseURL}${errorsCsv}`)
    expect(download.headers()['content-type']).toContain('text/csv')
    expect(await download.text()).toContain('Row 4: Month: Enter a month and year')

    // The button says what a click does: only the valid row, the row in error left out; the preview shows its permissions.
    expect(await page.getByTestId('import-commit').textContent()).toBe('Import the 1 valid row and leave out 1 row with errors')
    expect(await page.getByTestId('import-permissions').allTextContents()).toEqual(['Permissions: may be quoted, not to be contacted'])
    await Promise.all([page.waitForURL(/\/import\?imported=1/, { timeout: 60_000 }), page.getByTestId('import-commit').click()])
    await expectResultInView(page, '1 testimony was imported', javaScriptEnabled)
    await page.goto(`${baseURL}/org`)
    expect(await page.content()).toContain(`${marker}-0`)
    expect(await page.content()).not.toContain(`${marker}-2`)

    // Fixed, the same rows are imported, with the permissions the preview showed.
    await upload(page, 'session-fixed.csv', `${header}"${good}",2025-07,Hollenbeck,Transit,ICE,yes,no\n"${bad}",2025-06,Rampart,Store,"ICE; LAPD",no,yes\n`)
    expect(await page.getByTestId('import-summary').textContent()).toContain('2 rows are ready to import.')
    expect(await page.getByTestId('import-commit').textContent()).toBe('Import 2 testimonies')
    expect(await page.getByTestId('import-permissions').allTextContents()).toEqual([
      'Permissions: may be quoted, not to be contacted',
      'Permissions: not to be quoted, may be contacted',
    ])
    await Promise.all([page.waitForURL(/\/import\?imported=2/, { timeout: 60_000 }), page.getByTestId('import-commit').click()])
    await expectResultInView(page, '2 testimonies were imported', javaScriptEnabled)
    await page.goto(`${baseURL}/org`)
    const html = await page.content()
    expect(html).toContain(`${marker}-1`)
    expect(html).toContain(`${marker}-2`)
    expect(html).toContain('[PHONE]')
    expect(html).not.toContain('555-0199')
  })

  it('a facilitator imports a large file into an organization they choose and sees real progress', async () => {
    const context = await newContext(browser)
    const page = await context.newPage()
    const facilitator = account('facilitator')
    await signIn(page, baseURL, facilitator.email, facilitator.password)
    await page.goto(`${baseURL}/import`)
    await page.locator('select[name="organizationId"]').selectOption({ index: 2 })
    const rows = Array.from({ length: 5000 }, (_, i) => `"Testimonio ${i}: los agentes llegaron al parque y la policía no dijo nada, estábamos con los niños.",${(i % 12) + 1}/2025,Mission,Parque,ICE`)
    await page.locator('input[name="file"]').setInputFiles({ name: 'grande.csv', mimeType: 'text/csv', buffer: Buffer.from(`Testimonio,Mes,Área,Lugar,Agencias\n${rows.join('\n')}\n`) })
    await Promise.all([page.waitForURL(/\/import\/[A-Za-z0-9_-]{16,}/), page.getByTestId('import-upload').click()])
    expect(await page.getByTestId('import-summary').textContent()).toContain('5000 rows are ready')

    await page.getByTestId('import-commit').click()
    // The bar shows a value from the server's count of rows prepared, between 0 and 100.
    await page.waitForFunction(() => {
      const bar = document.querySelector('[data-testid="import-progress"] progress') as HTMLProgressElement | null
      return bar !== null && bar.hasAttribute('value') && bar.value > 0
    }, undefined, { timeout: 60_000 })
    const shown = await page.getByTestId('import-progress').textContent()
    expect(shown).toMatch(/Removing personal details: [\d,]+ of 5,000|Saving/)
    await page.waitForURL(/\/import\?imported=5000/, { timeout: 120_000 })
    expect(await page.getByTestId('import-done').textContent()).toContain('5000 testimonies were imported')
    await context.close()
  }, 180_000)
})
