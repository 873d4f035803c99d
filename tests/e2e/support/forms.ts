import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { axeViolations, newContext, PHONE } from './browser'

/**
 * The forms convention (issue 14, docs/decisions/100-progressive-enhancement.md): every route with an
 * `action` has a test registered with `formTest(<route file>, …)`. Each runs twice — JavaScript on and
 * off — on a 390×844 phone; the body submits the form, reloads, and checks what was saved;
 * `expectResultInView` checks the answer is in sight (and focused, with JavaScript).
 * tests/integration/forms-convention.test.ts lists app/routes and fails for a route with an action
 * that no `formTest` names.
 */
export type FormTestContext = { page: Page; context: BrowserContext; javaScriptEnabled: boolean; mode: 'js' | 'nojs' }

export function formTest(
  route: string,
  name: string,
  getBrowser: () => Browser,
  body: (ctx: FormTestContext) => Promise<void>,
  options: { locale?: string; timeout?: number } = {},
) {
  it.each([true, false])(`${route}: ${name} (JavaScript %s)`, { timeout: options.timeout ?? 90_000 }, async (javaScriptEnabled) => {
    const context = await newContext(getBrowser(), { phone: true, javaScriptEnabled, locale: options.locale })
    try {
      const page = await context.newPage()
      await body({ page, context, javaScriptEnabled, mode: javaScriptEnabled ? 'js' : 'nojs' })
    } finally {
      await context.close()
    }
  })
}

/**
 * The form's result region (id="result", role=status or alert) shows `text`, lies inside the phone's
 * viewport, and — with JavaScript — has the focus. Without JavaScript the "#result" fragment of the
 * form's action or of the redirect scrolls it into view.
 */
export async function expectResultInView(page: Page, text: string | RegExp, javaScriptEnabled: boolean) {
  const region = page.locator('#result')
  await expect.poll(async () => ((await region.count()) ? await region.first().textContent() : ''), { timeout: 15_000 }).toMatch(text instanceof RegExp ? text : new RegExp(escapeRegExp(text)))
  expect(await region.count(), 'one result region on the page').toBe(1)
  expect(await region.getAttribute('role')).toMatch(/^(status|alert)$/)
  // In view: polled, since the browser scrolls after the page (or React) has laid it out.
  await expect
    .poll(
      () =>
        region.evaluate((el) => {
          const box = el.getBoundingClientRect()
          return box.top >= 0 && box.top < window.innerHeight && box.height > 0
        }),
      { timeout: 5_000 },
    )
    .toBe(true)
  expect(page.viewportSize()).toEqual(PHONE.viewport)
  if (javaScriptEnabled) {
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? ''), { timeout: 5_000 }).toBe('result')
  }
  // E2E_SCREENSHOTS=<folder>: keep what the phone shows at each result, to look at before closing an issue.
  const folder = process.env.E2E_SCREENSHOTS
  if (folder) {
    const name = `${new URL(page.url()).pathname.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}-${javaScriptEnabled ? 'js' : 'nojs'}-${++shots}.png`
    await page.screenshot({ path: path.join(folder, name) })
  }
}
let shots = 0

/** axe with 0 violations (it runs as page script, so only with JavaScript on). */
export async function expectNoAxeViolations(page: Page, javaScriptEnabled: boolean) {
  if (javaScriptEnabled) expect(await axeViolations(page)).toEqual([])
}

/** Submits by clicking and waits for the document (JavaScript off) or Remix's navigation (on) to settle. */
export async function submitWith(page: Page, click: () => Promise<void>) {
  const response = page.waitForResponse((r) => r.request().method() === 'POST', { timeout: 30_000 })
  await click()
  await response
  await page.waitForLoadState('load')
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, { timeout: 10_000 }).catch(() => {})
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
