import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Headless Debian Chromium with no background network traffic (the machine has none to give). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}

export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }

export async function newContext(browser: Browser, options: { locale?: string; javaScriptEnabled?: boolean; phone?: boolean } = {}): Promise<BrowserContext> {
  return browser.newContext({
    locale: options.locale ?? 'en-US',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    ...(options.phone ? PHONE : { viewport: { width: 1280, height: 900 } }),
  })
}

export async function signIn(page: Page, baseURL: string, email: string, password: string) {
  await page.goto(`${baseURL}/login`)
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(password)
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/login')), page.locator('form[action="/login"] button[type="submit"]').click()])
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** Runs axe-core in the page; returns the violations (WCAG 2.1 A and AA). */
export async function axeViolations(page: Page): Promise<{ id: string; help: string; nodes: number }[]> {
  // Evaluated through the DevTools protocol, not as an inline <script>: the page's CSP refuses those.
  await page.evaluate(axeSource)
  return page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    return result.violations.map((v: { id: string; help: string; nodes: unknown[] }) => ({ id: v.id, help: v.help, nodes: v.nodes.length }))
  })
}

/** Collects the Content-Security-Policy violations a page reports in its console. */
export function recordCspViolations(page: Page): string[] {
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
  })
  return violations
}
