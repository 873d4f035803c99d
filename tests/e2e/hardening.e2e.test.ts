import http from 'node:http'
import { describe, expect, inject, it } from 'vitest'
import { DEMO_ACCOUNTS } from '../../server/services/seed'
import { axeViolations, launchBrowser, newContext } from './support/browser'
import { HttpClient } from './support/http'
import { FORM_ROUTES } from './support/routes'

/** Issue 13, "Security findings to close", as a client outside the browser meets them. */

const baseURL = inject('baseURL')
const facilitator = DEMO_ACCOUNTS.find((a) => a.role === 'facilitator')!
const admin = DEMO_ACCOUNTS.find((a) => a.role === 'admin')!

describe('finding 1: no open redirect after sign-in', () => {
  it.each(['%2F%09%2Fevil.example', '%2F%0a%2Fx', '%2F%5Cevil.example', '%2F%2Fevil.example', 'https%3A%2F%2Fevil.example'])('redirectTo=%s signs in and stays on this origin', async (redirectTo) => {
    const client = new HttpClient(baseURL)
    const csrf = await client.csrf()
    const response = await client.postForm(`/login?redirectTo=${redirectTo}`, { email: facilitator.email, password: facilitator.password, csrf })
    expect(response.status).toBe(302)
    const location = response.headers.get('location')!
    expect(new URL(location, baseURL).origin).toBe(new URL(baseURL).origin)
    expect(location).toBe('/workspace')
  })

  it('a same-origin redirectTo is still followed', async () => {
    const client = new HttpClient(baseURL)
    const csrf = await client.csrf()
    const response = await client.postForm(`/login?redirectTo=${encodeURIComponent('/workspace/moderation?status=pending')}`, { email: facilitator.email, password: facilitator.password, csrf })
    expect(response.headers.get('location')).toBe('/workspace/moderation?status=pending')
  })
})

/** Bodies no page of ours sends, and the refusal each must get (never a 500, never a stack trace). */
const TRUNCATED = '--xx\r\nContent-Disposition: form-data; name="email"\r\n\r\nana@'
const MALFORMED: { name: string; status: number; message: RegExp; body: string | null; headers: Record<string, string> }[] = [
  { name: 'plain text', status: 415, message: /solo acepta su propio formulario/, body: 'hello', headers: { 'content-type': 'text/plain' } },
  { name: 'JSON', status: 415, message: /solo acepta su propio formulario/, body: '{"email":"ana@example.org","password":"x"}', headers: { 'content-type': 'application/json' } },
  { name: 'an empty body', status: 415, message: /solo acepta su propio formulario/, body: null, headers: {} },
  { name: 'multipart without a boundary', status: 415, message: /solo acepta su propio formulario/, body: TRUNCATED, headers: { 'content-type': 'multipart/form-data' } },
  { name: 'truncated multipart', status: 400, message: /llegó incompleto o dañado/, body: TRUNCATED, headers: { 'content-type': 'multipart/form-data; boundary=xx' } },
  { name: 'Origin: null', status: 403, message: /no se envió desde una página de Voces/, body: 'a=b', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'null' } },
  { name: 'another Origin', status: 403, message: /no se envió desde una página de Voces/, body: 'a=b', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://evil.example' } },
]

describe('finding 2: malformed form posts get a clear 4xx page in the reader’s language on every route with an action', () => {
  for (const route of FORM_ROUTES) {
    it(`${route.path}${route.signedOut ? ' (signed out too)' : ''}`, async () => {
      const signedOut = new HttpClient(baseURL, { 'accept-language': 'es-MX,es;q=0.9' })
      const signedIn = new HttpClient(baseURL, { 'accept-language': 'es-MX,es;q=0.9' })
      await signedIn.signIn(admin.email, admin.password)
      const clients = route.signedOut ? [signedOut, signedIn] : [signedIn]
      for (const client of clients) {
        for (const bad of MALFORMED) {
          const response = await client.post(route.path, bad.body, bad.headers)
          const html = await response.text()
          expect({ case: bad.name, status: response.status }).toEqual({ case: bad.name, status: bad.status })
          expect(html, bad.name).toContain('lang="es"')
          expect(html, bad.name).toMatch(bad.message)
          expect(html, bad.name).not.toMatch(/\bat (async )?\S+ \(|node_modules|TypeError/)
        }
        // A well-formed but empty form is the route's own business: a 4xx or a redirect, not a 500.
        const csrf = await client.csrf()
        const empty = await client.postForm(route.path, { csrf })
        expect(empty.status, 'empty form').toBeLessThan(500)
      }
    })
  }

  it('serves /favicon.ico', async () => {
    const response = await fetch(`${baseURL}/favicon.ico`)
    expect(response.status).toBe(200)
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect([...bytes.slice(0, 4)]).toEqual([0, 0, 1, 0]) // an icon file
  })
})

describe('finding 6: only this deployment’s host names', () => {
  /** node:http, because fetch does not let a caller choose the Host header. */
  function rawPost(path: string, headers: Record<string, string>, body: string): Promise<number> {
    const url = new URL(baseURL)
    return new Promise((resolve, reject) => {
      const req = http.request({ host: url.hostname, port: url.port, path, method: 'POST', headers, setHost: false }, (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode!))
      })
      req.on('error', reject)
      req.end(body)
    })
  }

  it('answers 421 to a DNS-rebinding request (Host and Origin both evil.example) on a signed-out form', async () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded' }
    expect(await rawPost('/intake/not-a-real-link-token-0123456789', { ...form, host: 'evil.example', origin: 'http://evil.example' }, 'text=x')).toBe(421)
    expect(await rawPost('/login', { ...form, host: 'evil.example', origin: 'http://evil.example' }, 'email=a%40b.c')).toBe(421)
    // The deployment's own name still gets through (here to the CSRF check: 400 beside the form).
    const own = new URL(baseURL).host
    expect(await rawPost('/login', { ...form, host: own, origin: baseURL }, 'email=a%40b.c')).toBe(400)
  })
})

describe('finding 5: CSRF token bound to the session, __Host- cookies', () => {
  it('production cookies carry the __Host- prefix, and signing in replaces the visitor’s token', async () => {
    const client = new HttpClient(baseURL)
    const visitorToken = await client.csrf()
    expect(client.cookies.get('__Host-voces_csrf')).toBe(visitorToken)
    await client.signIn(facilitator.email, facilitator.password)
    expect(client.cookies.has('__Host-voces_session')).toBe(true)
    const sessionToken = await client.csrf()
    expect(sessionToken).not.toBe(visitorToken)

    // The visitor's token planted beside the session is refused: signing out with it does nothing.
    client.cookies.set('__Host-voces_csrf', visitorToken)
    await client.postForm('/logout', { csrf: visitorToken })
    client.cookies.set('__Host-voces_csrf', sessionToken)
    expect((await client.get('/workspace')).status).toBe(200)
  })
})

describe('the refusal pages are accessible', () => {
  it('the 415 page (the same template answers 403, 411, 413 and 421) and the 400 pages of a route with a page and of one without pass axe with 0 violations', async () => {
    const browser = await launchBrowser()
    try {
      const client = new HttpClient(baseURL, { 'accept-language': 'es' })
      const pages = [
        await (await client.post('/login', 'hello', { 'content-type': 'text/plain' })).text(),
        await (await client.post('/login', '--xx\r\nContent-Disp', { 'content-type': 'multipart/form-data; boundary=xx' })).text(),
        await (await client.post('/set-language', '--xx\r\nContent-Disp', { 'content-type': 'multipart/form-data; boundary=xx' })).text(),
      ]
      for (const html of pages) {
        const page = await (await newContext(browser)).newPage()
        await page.goto(`${baseURL}/you-said-we-did`) // same origin, so the error page's stylesheet loads
        await page.setContent(html)
        expect(await axeViolations(page)).toEqual([])
        await page.context().close()
      }
    } finally {
      await browser.close()
    }
  })
})

describe('page titles', () => {
  it('routes keep their own titles; a page from the root error boundary is titled with its error, in the reader’s language', async () => {
    const title = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1]
    const titles = (html: string) => [...html.matchAll(/<title>/g)].length
    expect(title(await (await fetch(`${baseURL}/login`)).text())).toBe('Voces — Sign in / Iniciar sesión')
    const english = await (await fetch(`${baseURL}/no-such-page`, { headers: { 'accept-language': 'en-US' } })).text()
    expect([title(english), titles(english)]).toEqual(['Voces — Something went wrong (404)', 1])
    const spanish = await (await fetch(`${baseURL}/no-such-page`, { headers: { 'accept-language': 'es-MX,es' } })).text()
    expect([title(spanish), titles(spanish)]).toEqual(['Voces — Algo salió mal (404)', 1])
  })
})
