import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { DEMO_ACCOUNTS } from '../../server/services/seed'
import { axeViolations, launchBrowser, newContext, signIn } from './support/browser'

const baseURL = inject('baseURL')
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

// The heading each home page opens with (the submitter's is their organization's name).
const HOMES = {
  submitter: { path: '/org', en: /Eastside Worker Center/, es: /Eastside Worker Center/ },
  facilitator: { path: '/workspace', en: /^Submissions$/, es: /^Testimonios$/ },
  commission: { path: '/commission', en: /^Police Commission$/, es: /^Comisión de Policía$/ },
  admin: { path: '/admin', en: /^Administration$/, es: /^Administración$/ },
} as const
const SUBMIT_LINK = { en: 'Submit testimony', es: 'Enviar testimonio' }

describe.each(['en', 'es'] as const)('each role signs in and lands on its home page (%s)', (lang) => {
  it.each(DEMO_ACCOUNTS.map((a) => [a.role, a] as const))('%s', async (role, account) => {
    const context = await newContext(browser, { locale: lang === 'es' ? 'es-MX' : 'en-US' })
    const page = await context.newPage()
    await signIn(page, baseURL, account.email, account.password)
    const home = HOMES[role]
    expect(new URL(page.url()).pathname).toBe(home.path)
    await page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached' })
    await page.getByRole('heading', { level: 1, name: home[lang] }).waitFor()
    if (role === 'submitter') await page.getByRole('link', { name: SUBMIT_LINK[lang], exact: true }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    await context.close()
  })
})

describe('language and sessions', () => {
  it('remembers the language chosen with the switcher, over Accept-Language', async () => {
    const context = await newContext(browser, { locale: 'en-US' })
    const page = await context.newPage()
    await page.goto(`${baseURL}/login`)
    expect(await page.locator('h1').textContent()).toBe('Sign in')
    await page.getByRole('button', { name: 'Español' }).click()
    await page.locator('html[lang="es"]').waitFor({ state: 'attached' })
    await page.getByRole('heading', { level: 1, name: 'Iniciar sesión' }).waitFor()
    await page.goto(`${baseURL}/`)
    expect(await page.locator('html').getAttribute('lang')).toBe('es')
    await context.close()
  })

  it('shows a wrong password as an error beside the form, in Spanish', async () => {
    const context = await newContext(browser, { locale: 'es-MX' })
    const page = await context.newPage()
    await page.goto(`${baseURL}/login`)
    await page.locator('input[name="email"]').fill('facilitator@voces.demo')
    await page.locator('input[name="password"]').fill('no es la contraseña')
    await page.locator('form[action="/login"] button[type="submit"]').click()
    await page.getByRole('alert').filter({ hasText: 'El correo o la contraseña no son correctos' }).waitFor()
    await context.close()
  })

  it('signs out and the session no longer opens protected pages', async () => {
    const context = await newContext(browser)
    const page = await context.newPage()
    const account = DEMO_ACCOUNTS.find((a) => a.role === 'facilitator')!
    await signIn(page, baseURL, account.email, account.password)
    await Promise.all([page.waitForURL(`${baseURL}/`), page.getByRole('button', { name: 'Sign out', exact: true }).click()])
    await page.goto(`${baseURL}/workspace`)
    expect(new URL(page.url()).pathname).toBe('/login')
    await context.close()
  })
})
