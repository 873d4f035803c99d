import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { DEMO_ACCOUNTS } from '../../server/services/seed'
import { axeViolations, launchBrowser, newContext, signIn } from './support/browser'

/** Bad input (issue 7) as a person meets it in the browser: a clear message in their language, nothing stored. */

const baseURL = inject('baseURL')
let browser: Browser
const submitter = DEMO_ACCOUNTS.find((a) => a.role === 'submitter')!

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

/** Sets a textarea's value as a pasting or broken client could, past the attributes that limit typing. */
async function putText(page: Page, name: string, value: string) {
  await page.locator(`textarea[name="${name}"]`).evaluate((el: HTMLTextAreaElement, v: string) => {
    el.removeAttribute('maxlength')
    el.value = v
  }, value)
}

/** The organization's count of testimonies, from the heading of its page. */
async function receiptsShown(page: Page): Promise<number> {
  await page.goto(`${baseURL}/org`)
  const heading = (await page.locator('h2').first().textContent()) ?? ''
  return Number(/\((\d+)\)/.exec(heading)?.[1])
}

describe('bad input in the browser', () => {
  it.each([true, false])('a testimony with a NUL character is refused beside the field, in Spanish, and what was written stays (JavaScript %s)', async (javaScriptEnabled) => {
    const context = await newContext(browser, { locale: 'es-MX', phone: true, javaScriptEnabled })
    const page = await context.newPage()
    await signIn(page, baseURL, submitter.email, submitter.password)
    const before = await receiptsShown(page)
    await page.goto(`${baseURL}/org/submit`)
    await putText(page, 'text', 'Los agentes llegaron al parque\u0000 temprano.')
    await page.locator('textarea[name="guidanceWanted"]').fill('Que se identifiquen.')
    await page.locator('form.stack button[type="submit"]').click()
    const textId = await page.locator('textarea[name="text"]').getAttribute('id')
    await page.locator(`[id="${textId}-error"]`).filter({ hasText: 'no se puede guardar' }).waitFor()
    expect(await page.locator('textarea[name="guidanceWanted"]').inputValue()).toBe('Que se identifiquen.')
    if (javaScriptEnabled) expect(await axeViolations(page)).toEqual([])
    expect(await receiptsShown(page)).toBe(before)
    await context.close()
  })

  it('a form post over the size limit gets a short page in the reader’s language, and nothing is stored', async () => {
    const context = await newContext(browser, { locale: 'es-MX', javaScriptEnabled: false })
    const page = await context.newPage()
    await signIn(page, baseURL, submitter.email, submitter.password)
    const before = await receiptsShown(page)
    await page.goto(`${baseURL}/org/submit`)
    await putText(page, 'text', 'Los agentes llegaron. '.repeat(60_000)) // about 1.3 MB
    const [response] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/org/submit') && r.request().method() === 'POST'), page.locator('form.stack button[type="submit"]').click()])
    expect(response.status()).toBe(413)
    await page.getByRole('heading', { name: /413/ }).waitFor()
    expect(await page.locator('main p').first().textContent()).toContain('Lo que se envió es demasiado grande')
    expect(await page.getAttribute('html', 'lang')).toBe('es')
    expect(await receiptsShown(page)).toBe(before)

    // The same page checked for accessibility where scripts may run.
    const html = await page.content()
    const checker = await (await newContext(browser)).newPage()
    await checker.setContent(html)
    expect(await axeViolations(checker)).toEqual([])
    await checker.context().close()
    await context.close()
  })
})
