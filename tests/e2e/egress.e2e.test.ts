import { existsSync, readFileSync } from 'node:fs'
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { DEMO_ACCOUNTS } from '../../server/services/seed'
import { launchBrowser, newContext, signIn } from './support/browser'

const baseURL = inject('baseURL')
const egressLog = inject('egressLog')
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost', '[::1]'])
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

/** One page per route shape: ids, receipt codes and tokens collapse to one. */
function shapeOf(pathname: string): string {
  return pathname
    .split('/')
    .map((part) => (/^[0-9a-f-]{36}$/i.test(part) || /^[0-9A-Z]{3}-[0-9A-Z]{3}-[0-9A-Z]{3}$/.test(part) || /^[A-Za-z0-9_-]{20,}$/.test(part) || /^-?\d+$/.test(part) ? ':id' : part))
    .join('/')
}

/**
 * Follows every same-origin link from `start`, one page per route shape, and
 * returns the shapes visited with their status. Sign-out and downloads are not followed.
 */
async function crawl(context: BrowserContext, start: string, limit = 60) {
  const page = await context.newPage()
  const queue = [start]
  const seen = new Map<string, number>()
  while (queue.length && seen.size < limit) {
    const url = new URL(queue.shift()!, baseURL)
    const shape = shapeOf(url.pathname)
    if (seen.has(shape)) continue
    const response = await page.goto(url.href)
    seen.set(shape, response?.status() ?? 0)
    const links = await page.$$eval('a[href]', (anchors) => anchors.filter((a) => !a.hasAttribute('download')).map((a) => (a as HTMLAnchorElement).href))
    for (const link of links) {
      const next = new URL(link)
      if (next.origin !== new URL(baseURL).origin) continue
      if (/\/logout$|\.(csv|pdf)$/.test(next.pathname)) continue
      if (!seen.has(shapeOf(next.pathname))) queue.push(next.href)
    }
  }
  await page.close()
  return seen
}

describe('no data leaves the deployment', () => {
  const external: string[] = []
  const visited = new Map<string, number>()

  it.each([['visitor', null] as const, ...DEMO_ACCOUNTS.map((a) => [a.role, a] as const)])(
    'every page a %s can reach loads only from the app itself and none fails',
    async (role, account) => {
      const context = await newContext(browser)
      context.on('request', (request) => {
        const url = new URL(request.url())
        if (url.protocol === 'data:' || url.protocol === 'blob:') return
        if (!LOOPBACK.has(url.hostname)) external.push(request.url())
      })
      let start = '/'
      if (account) {
        const page = await context.newPage()
        await signIn(page, baseURL, account.email, account.password)
        start = new URL(page.url()).pathname
        await page.close()
      }
      const pages = await crawl(context, start)
      for (const [shape, status] of pages) visited.set(`${role} ${shape}`, status)
      await context.close()
      expect(external).toEqual([])
      expect([...pages].filter(([, status]) => status >= 500)).toEqual([])
      expect(pages.size).toBeGreaterThan(1)
    },
    180_000,
  )

  it('the server connected only to loopback while serving all of them', () => {
    expect(visited.size).toBeGreaterThan(15)
    expect(existsSync(egressLog)).toBe(true)
    const attempts = readFileSync(egressLog, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { kind: string; host: string | null; port: number | null; argv: string[] })
    // The recorder was loaded into the server process itself.
    expect(attempts.some((a) => a.kind === 'loaded' && a.argv.some((arg) => arg.endsWith('server/main.ts')))).toBe(true)
    expect(attempts.filter((a) => a.host !== null && !LOOPBACK.has(a.host))).toEqual([])
  })
})
