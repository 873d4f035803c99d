import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { DEMO_ACCOUNTS } from '../../server/services/seed'
import { launchBrowser, newContext, recordCspViolations, signIn } from './support/browser'

const baseURL = inject('baseURL')
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

const facilitator = DEMO_ACCOUNTS.find((a) => a.role === 'facilitator')!

describe('security headers', () => {
  it('every page has a nonce-based CSP without unsafe-inline scripts, no referrer, and no framing', async () => {
    const nonces = new Set<string>()
    for (const path of ['/', '/login', '/intake/not-a-real-link-token-0123456789']) {
      const response = await fetch(`${baseURL}${path}`)
      const csp = response.headers.get('content-security-policy') ?? ''
      const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? ''
      expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{20,}'/)
      expect(scriptSrc).not.toContain('unsafe-inline')
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).toContain("object-src 'none'")
      expect(response.headers.get('referrer-policy')).toBe('no-referrer')
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      const html = await response.text()
      const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1]!
      nonces.add(nonce)
      // Every inline script of the page carries this response's nonce.
      const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!)
      expect(scripts.length).toBeGreaterThan(0)
      for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce}"`)
    }
    expect(nonces.size).toBe(3) // a new nonce per response
  })

  it('pages run their scripts under the policy with no violation, and forms still post without a referrer', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await newContext(browser, { javaScriptEnabled })
      const page = await context.newPage()
      const violations = recordCspViolations(page)
      await signIn(page, baseURL, facilitator.email, facilitator.password)
      expect(new URL(page.url()).pathname).toBe('/workspace')
      await page.goto(`${baseURL}/workspace?q=polic%C3%ADa`)
      await page.getByRole('heading', { level: 1 }).waitFor()
      if (javaScriptEnabled) {
        // Hydrated: a client-side navigation works (it needs the nonce'd scripts to have run).
        await page.getByRole('link', { name: /Moderation|Moderación/ }).first().click()
        await page.waitForURL(/\/workspace\/moderation/)
      }
      expect(violations).toEqual([])
      await context.close()
    }
  })
})
