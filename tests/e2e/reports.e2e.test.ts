import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { parseCsv } from '../../server/lib/csv'
import { DEMO_ACCOUNTS } from '../../server/services/seed'
import { DEMO_THEMES } from '../../server/services/seed-reports'
import { axeViolations, launchBrowser, newContext, signIn } from './support/browser'

const baseURL = inject('baseURL')
let browser: Browser
const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!
const TITLE = `Browser-test report ${Date.now()}`
const [AGENTS, , SCHOOLS] = DEMO_THEMES.map((t) => t.title)
const COMMENT = 'Which Areas do these testimonies come from most?'
const REPLY = 'Mostly Central and Valley bureaus; the smaller Areas are suppressed.'
const GUIDANCE_EN = 'Officers near schools keep families informed in English and Spanish during federal activity (browser test).'
const GUIDANCE_ES = 'Los agentes cerca de las escuelas mantienen informadas a las familias en inglés y español (prueba de navegador).'
let reportPath = ''

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

async function signedIn(role: string, options: { javaScriptEnabled?: boolean; locale?: string } = {}): Promise<Page> {
  const context = await newContext(browser, options)
  const page = await context.newPage()
  await signIn(page, baseURL, account(role).email, account(role).password)
  return page
}

/**
 * Posts a form and waits for the page it leads to. Without a URL to wait for, the page must
 * run without JavaScript, so the post loads a new document: wait for that document's load
 * event (waitForLoadState would return at once, the current page being loaded already).
 */
async function submit(page: Page, button: ReturnType<Page['locator']>, url?: RegExp) {
  await Promise.all([url ? page.waitForURL(url) : page.waitForEvent('load'), button.click()])
}

describe('theme reports, from the builder to the public page', () => {
  it('a facilitator builds a report from two themes without JavaScript, and is told about a bad period beside the field', async () => {
    const page = await signedIn('facilitator', { javaScriptEnabled: false })
    await page.goto(`${baseURL}/workspace/reports`)
    await page.locator('input[name="title"]').fill(TITLE)
    await page.locator('input[name="periodStart"]').evaluate((el: HTMLInputElement) => (el.value = '2025-06'))
    await page.locator('input[name="periodEnd"]').evaluate((el: HTMLInputElement) => (el.value = '2025-12'))
    await submit(page, page.getByRole('button', { name: 'Create the report' }), /\/workspace\/reports\/[0-9a-f-]{36}/)
    reportPath = new URL(page.url()).pathname.replace('/workspace', '')
    await page.getByRole('heading', { level: 1, name: `Edit report: ${TITLE}` }).waitFor()

    for (const theme of [AGENTS!, SCHOOLS!]) {
      const option = page.locator('#add-theme option', { hasText: theme })
      await page.locator('#add-theme').selectOption((await option.getAttribute('value'))!)
      await submit(page, page.getByRole('button', { name: 'Add to the report' }))
    }
    const cards = page.getByTestId('builder-theme')
    expect(await cards.count()).toBe(2)
    expect(await cards.nth(0).locator('h3').textContent()).toBe(`1. ${AGENTS}`)
    expect(await cards.nth(1).locator('h3').textContent()).toBe(`2. ${SCHOOLS}`)
    await cards.nth(1).locator('textarea[name="publicSummaryEn"]').fill('Families told us about agents near schools.')
    await cards.nth(1).locator('textarea[name="publicSummaryEs"]').fill('Las familias nos hablaron de agentes cerca de las escuelas.')
    await submit(page, cards.nth(1).getByRole('button', { name: 'Save the public summary' }))
    expect(await page.getByTestId('builder-theme').nth(1).locator('textarea[name="publicSummaryEs"]').inputValue()).toBe('Las familias nos hablaron de agentes cerca de las escuelas.')

    // The last month before the first: refused, with the reason beside the field, and nothing saved.
    await page.locator('#report-settings input[name="periodEnd"]').evaluate((el: HTMLInputElement) => (el.value = '2025-01'))
    await submit(page, page.locator('#report-settings button[type="submit"]'))
    const endId = await page.locator('#report-settings input[name="periodEnd"]').getAttribute('id')
    await page.locator(`[id="${endId}-error"]`).filter({ hasText: 'The last month must be the same as the first month or after it.' }).waitFor()
    await page.context().close()
  })

  it('a commission user reads the draft and comments on a theme; the facilitator answers', async () => {
    const commission = await signedIn('commission')
    await commission.getByTestId('draft-report').filter({ hasText: TITLE }).waitFor()
    await commission.goto(`${baseURL}${reportPath}?version=draft`)
    await commission.getByText('This is the current draft').waitFor()
    expect(await axeViolations(commission)).toEqual([])
    const first = commission.locator('#theme-1')
    await first.locator('textarea[name="body"]').last().fill(COMMENT)
    await submit(commission, first.getByRole('button', { name: 'Post the comment' }), /commented=1/)
    await commission.getByText('Your comment is posted.').waitFor()
    expect(await commission.locator('#theme-1').getByTestId('comment').first().textContent()).toContain(COMMENT)
    await commission.context().close()

    const facilitator = await signedIn('facilitator', { javaScriptEnabled: false })
    await facilitator.goto(`${baseURL}${reportPath}?version=draft`)
    const thread = facilitator.locator('#theme-1').getByTestId('comment').filter({ hasText: COMMENT })
    await thread.locator('textarea[name="body"]').fill(REPLY)
    await submit(facilitator, thread.getByRole('button', { name: 'Post the reply' }), /commented=1/)
    expect(await facilitator.locator('#theme-1').getByTestId('reply').filter({ hasText: REPLY }).count()).toBe(1)
    // Facilitators answer; they do not start threads.
    expect(await facilitator.getByRole('button', { name: 'Post the comment' }).count()).toBe(0)
    await facilitator.context().close()
  })

  it('the facilitator publishes version 1; commission staff download its PDF and CSV', async () => {
    const facilitator = await signedIn('facilitator', { javaScriptEnabled: false })
    await facilitator.goto(`${baseURL}/workspace${reportPath}`)
    await submit(facilitator, facilitator.getByRole('button', { name: 'Publish version 1' }), /published=1/)
    await facilitator.getByText('Version 1 is published.').waitFor()
    await facilitator.context().close()

    const page = await signedIn('commission')
    await page.goto(`${baseURL}${reportPath}`)
    await page.getByText(/Version 1, published .* by Marcus/).first().waitFor()
    expect(await axeViolations(page)).toEqual([])
    await page.getByText('Counts are rounded to the nearest 5 (5, 6 and 7 show as 5)').first().waitFor()
    const quotes = await page.locator('blockquote.testimony').allTextContents()

    const [pdfDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'PDF of version 1' }).click()])
    const pdf = await getDocumentProxy(new Uint8Array(readFileSync((await pdfDownload.path())!)))
    const { totalPages, text } = await extractText(pdf, { mergePages: false })
    expect(totalPages).toBeGreaterThanOrEqual(4)
    expect(text[0]).toContain(TITLE)
    expect(text[0]).toMatch(/Version 1, published/)
    expect(text[0].replace(/\s+/g, ' ')).toContain('Counts are rounded to the nearest 5')
    expect(text[1]).toContain('Contents')
    expect(text[1]).toContain(`1. ${AGENTS}`)
    expect(text[1]).toContain(`2. ${SCHOOLS}`)
    // Headings in the embedded DejaVu Sans (wider than Helvetica) may wrap.
    expect(text[2]!.replace(/\s+/g, ' ')).toContain(`1. ${AGENTS}`)
    const all = text.join('\n').replace(/\s+/g, ' ')
    for (const heading of ['Submissions by month', 'By LAPD bureau and Area', 'By setting', 'By agency seen', 'By type of organization', 'Representative quotes', 'Guidance that answers this theme', `2. ${SCHOOLS}`]) {
      expect(all).toContain(heading)
    }
    text.forEach((pageText, i) => expect(pageText).toContain(`Page ${i + 1} of ${totalPages}`))

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tables of version 1 (CSV)' }).click()])
    const bytes = readFileSync((await csvDownload.path())!)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const records = parseCsv(bytes.subarray(3).toString('utf8')).map((r) => r.cells)
    const header = records.findIndex((r) => r[0] === 'Theme')
    const rows = records.slice(header + 1)
    expect(rows.filter((r) => r[3] === 'fewer than 5').length).toBeGreaterThan(0)
    for (const row of rows) if (/^\d+$/.test(row[3]!)) expect(Number(row[3]) === 0 || (Number(row[3]) >= 5 && Number(row[3]) % 5 === 0), row.join(',')).toBe(true)
    for (const quote of quotes) expect(bytes.toString('utf8')).not.toContain(quote.trim())
    await page.context().close()
  })

  it('commission staff record published guidance; the public page shows it in English and Spanish, without testimony', async () => {
    const page = await signedIn('commission')
    await page.goto(`${baseURL}/commission/guidance`)
    await page.locator('textarea[name="textEn"]').fill(GUIDANCE_EN)
    await page.locator('textarea[name="textEs"]').fill(GUIDANCE_ES)
    await page.locator('select[name="status"]').selectOption('published')
    await page.locator('input[name="decidedOn"]').fill('2026-03-15')
    await page.getByRole('checkbox', { name: SCHOOLS }).check()
    await submit(page, page.getByRole('button', { name: 'Record the guidance' }), /created=1/)
    await page.getByTestId('guidance-item').filter({ hasText: GUIDANCE_EN }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    // Everything testimony-like the signed-in report shows, to look for on the public page.
    await page.goto(`${baseURL}${reportPath}`)
    const testimony = [...(await page.locator('blockquote.testimony').allTextContents()), ...(await page.locator('.report-theme__summary').allTextContents())].map((s) => s.trim()).filter(Boolean)
    expect(testimony.length).toBeGreaterThan(0)
    await page.context().close()

    for (const [locale, heading, guidance, summary, rounded, countLine] of [
      ['en-US', 'You said, we did', GUIDANCE_EN, 'Families told us about agents near schools.', 'Counts are rounded to the nearest 5', /^\d[\d,]* testimonies, June–December 2025$/],
      ['es-MX', 'Ustedes dijeron, nosotros hicimos', GUIDANCE_ES, 'Las familias nos hablaron de agentes cerca de las escuelas.', 'Las cifras se redondean al múltiplo de 5 más cercano', /^\d[\d.]* testimonios, junio–diciembre de 2025$/],
    ] as const) {
      const context = await newContext(browser, { locale })
      const anonymous = await context.newPage()
      await anonymous.goto(baseURL)
      await Promise.all([anonymous.waitForURL(/you-said-we-did/), anonymous.locator('a[href="/you-said-we-did"]').click()])
      await anonymous.getByRole('heading', { level: 1, name: heading }).waitFor()
      const report = anonymous.locator('section.public-report').filter({ hasText: TITLE })
      await report.getByTestId('public-guidance').filter({ hasText: guidance }).waitFor()
      expect(await report.getByText(summary).count()).toBe(1)
      // Only the theme with a public summary is listed (not AGENTS), its count with the report's period (no filters).
      expect(await report.getByTestId('public-theme').locator('h3').allTextContents()).toEqual([SCHOOLS])
      expect((await report.getByTestId('public-count').textContent())!.trim()).toMatch(countLine)
      const body = (await anonymous.locator('main').textContent())!
      for (const text of testimony) expect(body).not.toContain(text)
      expect(body).not.toContain(COMMENT)
      expect(await anonymous.locator('blockquote').count()).toBe(0)
      expect(body).not.toMatch(/fewer than|menos de/)
      expect(body).toContain(rounded)
      expect(await axeViolations(anonymous)).toEqual([])
      await context.close()
    }
  })
})
