import { randomBytes } from 'node:crypto'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { parseCsv } from '../../server/lib/csv'
import { DEMO_ACCOUNTS } from '../../server/services/seed'
import { axeViolations, launchBrowser, newContext, signIn } from './support/browser'
import { expectNoAxeViolations, expectResultInView, formTest, submitWith } from './support/forms'

const baseURL = inject('baseURL')
let browser: Browser
const getBrowser = () => browser
const admin = DEMO_ACCOUNTS.find((a) => a.role === 'admin')!
const PASSWORD = 'a long enough password for tests'

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

/** The admin invites someone through the invitations page; returns the one-time link. */
async function invite(page: Page, email: string, role: string) {
  await page.goto(`${baseURL}/invitations`)
  await page.locator('input[name="email"]').fill(email)
  await page.locator('select[name="role"]').selectOption(role)
  await page.locator('form.stack button[type="submit"]').click()
  await page.getByTestId('invitation-link').waitFor()
  return (await page.getByTestId('invitation-link').textContent())!.trim()
}

/** A new person accepts an invitation in their own browser; returns their signed-in page. */
async function accept(link: string, name: string) {
  const context = await newContext(browser)
  const page = await context.newPage()
  await page.goto(link)
  await page.locator('input[name="displayName"]').fill(name)
  await page.locator('input[name="password"]').fill(PASSWORD)
  await page.locator('input[name="confirmPassword"]').fill(PASSWORD)
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/invite/')), page.locator('form:has(input[name="displayName"]) button[type="submit"]').click()])
  return page
}

/** Opens the page again by a GET (a reload after a post without JavaScript would post again). */
async function reopen(page: Page, url: string) {
  await page.goto(url)
}

/** One tag per mode, shared by the account forms and the audit log test that reads what they changed. */
const tags = { js: `js-${randomBytes(3).toString('hex')}`, nojs: `nojs-${randomBytes(3).toString('hex')}` }
const who = (mode: 'js' | 'nojs') => ({ tag: tags[mode], email: `lee.${tags[mode]}@example.test`, name: `Lee ${tags[mode]}` })

describe('accounts administration: the forms with JavaScript on and off (issue 14)', () => {
  formTest('admin.accounts.tsx', 'changes a role after a confirmation of what is gained and lost; a reload shows it saved', getBrowser, async ({ page, mode, javaScriptEnabled }) => {
    const { email, name } = who(mode)
    await signIn(page, baseURL, admin.email, admin.password)
    const link = await invite(page, email, 'commission')
    const member = await accept(link, name)

    const listUrl = `${baseURL}/admin/accounts?q=${encodeURIComponent(email)}`
    await page.goto(listUrl)
    const row = page.locator(`tr[data-email="${email}"]`)
    expect(await row.getByTestId('account-role').textContent()).toBe('Police Commission')
    await Promise.all([page.waitForURL(/change=/), row.getByRole('link', { name: `Change role or organization of ${name}` }).click()])
    await page.locator('#change-role').selectOption('facilitator')
    await submitWith(page, () => page.getByRole('button', { name: 'Review the change' }).click())
    // The review is the first post's result: in view (and focused with JavaScript).
    await expectResultInView(page, `Confirm the change for ${name}`, javaScriptEnabled)
    const confirm = page.getByTestId('confirm-change')
    expect(await confirm.getByTestId('gains').textContent()).toContain('reveal original (unredacted) testimony')
    expect(await confirm.getByTestId('loses').textContent()).toContain('record the guidance that answers them')
    await expectNoAxeViolations(page, javaScriptEnabled)
    await submitWith(page, () => confirm.getByRole('button', { name: 'Confirm the change' }).click())
    await expectResultInView(page, `${name} is now Facilitator.`, javaScriptEnabled)
    await expectNoAxeViolations(page, javaScriptEnabled)

    await reopen(page, listUrl)
    expect(await page.locator(`tr[data-email="${email}"]`).getByTestId('account-role').textContent()).toBe('Facilitator')
    // Effective at once: their next page is a facilitator's.
    await member.goto(`${baseURL}/workspace`)
    expect(new URL(member.url()).pathname).toBe('/workspace')
    await member.context().close()
  })

  formTest(
    'admin.accounts.tsx',
    'deactivating ends the session at once and sign-in is refused; reactivating lets them back',
    getBrowser,
    async ({ page, mode, javaScriptEnabled }) => {
      const { tag } = who(mode)
      await signIn(page, baseURL, admin.email, admin.password)
      const other = `ana.${tag}@example.test`
      const member = await accept(await invite(page, other, 'commission'), `Ana ${tag}`)
      await member.goto(`${baseURL}/commission`)
      expect(new URL(member.url()).pathname).toBe('/commission')

      const listUrl = `${baseURL}/admin/accounts?q=${encodeURIComponent(other)}`
      await page.goto(listUrl)
      await submitWith(page, () => page.getByRole('button', { name: `Desactivar a Ana ${tag}` }).click())
      await expectResultInView(page, `Ana ${tag} está desactivada y no puede iniciar sesión; se cerró 1 sesión abierta.`, javaScriptEnabled)
      await reopen(page, listUrl)
      expect(await page.locator(`tr[data-email="${other}"]`).getByTestId('account-state').textContent()).toBe('Desactivada')
      await expectNoAxeViolations(page, javaScriptEnabled)

      await member.goto(`${baseURL}/commission`)
      expect(new URL(member.url()).pathname).toBe('/login')
      await member.locator('input[name="email"]').fill(other)
      await member.locator('input[name="password"]').fill(PASSWORD)
      await member.locator('form[action^="/login"] button[type="submit"]').click()
      await member.getByRole('alert').filter({ hasText: 'The email or password is not correct' }).waitFor()

      await submitWith(page, () => page.getByRole('button', { name: `Reactivar a Ana ${tag}` }).click())
      await expectResultInView(page, `Ana ${tag} puede volver a iniciar sesión.`, javaScriptEnabled)
      await reopen(page, listUrl)
      expect(await page.locator(`tr[data-email="${other}"]`).getByTestId('account-state').textContent()).toBe('Activa')
      await signIn(member, baseURL, other, PASSWORD)
      expect(new URL(member.url()).pathname).toBe('/commission')
      await member.context().close()
    },
    { locale: 'es-MX' },
  )

  formTest('admin.accounts.tsx', 'an admin cannot deactivate themselves: no button, and a forged post is refused in words', getBrowser, async ({ page, javaScriptEnabled }) => {
    await signIn(page, baseURL, admin.email, admin.password)
    await page.goto(`${baseURL}/admin/accounts?q=${encodeURIComponent(admin.email)}`)
    const row = page.locator(`tr[data-email="${admin.email}"]`)
    expect(await row.getByRole('button').count()).toBe(0)
    await Promise.all([page.waitForURL(/change=/), row.getByRole('link').click()])
    await page.locator('#change-role').selectOption('commission')
    await submitWith(page, () => page.getByRole('button', { name: 'Review the change' }).click())
    await submitWith(page, () => page.getByTestId('confirm-change').getByRole('button', { name: 'Confirm the change' }).click())
    await expectResultInView(page, 'You cannot remove your own administrator role', javaScriptEnabled)
    expect(await page.locator('#result').getAttribute('role')).toBe('alert')
    await reopen(page, `${baseURL}/admin/accounts?q=${encodeURIComponent(admin.email)}`)
    expect(await page.locator(`tr[data-email="${admin.email}"]`).getByTestId('account-role').textContent()).toBe('Administrator')
  })

  formTest('admin.accounts.tsx', 'resends a pending invitation (the old link dies) and revokes it (the new link dies)', getBrowser, async ({ page, mode, javaScriptEnabled }) => {
    const { tag } = who(mode)
    await signIn(page, baseURL, admin.email, admin.password)
    const pending = `pending.${tag}@example.test`
    const first = await invite(page, pending, 'facilitator')
    await page.goto(`${baseURL}/admin/accounts`)
    const row = page.locator(`tr[data-email="${pending}"]`)
    await submitWith(page, () => row.getByRole('button', { name: `Send a new link to ${pending}` }).click())
    await expectResultInView(page, `New link for ${pending}`, javaScriptEnabled)
    const second = (await page.getByTestId('invitation-link').textContent())!.trim()
    expect(second).not.toBe(first)

    const visitor = await (await newContext(browser, { javaScriptEnabled })).newPage()
    await visitor.goto(first)
    await visitor.getByText('This invitation link is not valid').first().waitFor()
    await visitor.goto(second)
    await visitor.locator('input[name="displayName"]').waitFor()

    await reopen(page, `${baseURL}/admin/accounts`)
    await submitWith(page, () => page.locator(`tr[data-email="${pending}"]`).getByRole('button', { name: `Revoke the invitation of ${pending}` }).click())
    await expectResultInView(page, `The invitation of ${pending} is revoked`, javaScriptEnabled)
    await reopen(page, `${baseURL}/admin/accounts`)
    expect(await page.locator(`tr[data-email="${pending}"]`).count()).toBe(0)
    await visitor.goto(second)
    await visitor.getByText('This invitation was revoked').first().waitFor()
    await visitor.context().close()
  })
})

describe.each([true, false])('the audit log (JavaScript %s)', (javaScriptEnabled) => {
  const { email, name } = who(javaScriptEnabled ? 'js' : 'nojs')

  it('the audit log reads the changes as sentences, filters, pages and exports a CSV that is itself audited', async () => {
    const context = await newContext(browser, { javaScriptEnabled, locale: 'es-MX' })
    const page = await context.newPage()
    await signIn(page, baseURL, admin.email, admin.password)
    await page.goto(`${baseURL}/admin/audit`)
    await page.locator('#audit-target').fill(email)
    await page.locator('#audit-action').selectOption('account.change')
    await Promise.all([page.waitForURL(/target=/), page.getByRole('button', { name: 'Filtrar', exact: true }).click()])
    const entries = page.getByTestId('audit-entry')
    await entries.first().waitFor()
    expect(await entries.count()).toBe(1)
    expect(await entries.first().textContent()).toContain(`cambió el rol de ${name} (${email}) de Comisión de Policía a Facilitador(a)`)
    expect(await entries.first().locator('time').textContent()).toMatch(/GMT-[78]|PST|PDT/)
    if (javaScriptEnabled) expect(await axeViolations(page)).toEqual([])

    // A bad date is refused beside its field, in Spanish, and the other filters still apply.
    await page.goto(`${baseURL}/admin/audit?target=${encodeURIComponent(email)}&from=ayer`)
    await page.locator('#audit-from-error').filter({ hasText: '2026-03-15' }).waitFor()

    await page.goto(`${baseURL}/admin/audit?target=${encodeURIComponent(email)}`)
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Descargar CSV' }).click()])
    const csv = await new Promise<string>((resolve, reject) => {
      void download.createReadStream().then((stream) => {
        const chunks: Buffer[] = []
        stream.on('data', (c: Buffer) => chunks.push(c))
        stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
        stream.on('error', reject)
      })
    })
    const records = parseCsv(csv.replace(/^\uFEFF/, ''))
    expect(records[0]!.cells[0]).toBe('Fecha y hora (Los Ángeles)')
    expect(records.some((r) => r.cells[2] === 'account.change' && r.cells[4]!.includes(name))).toBe(true)

    await page.goto(`${baseURL}/admin/audit?action=audit.export`)
    expect(await page.getByTestId('audit-entry').first().textContent()).toMatch(/descargó \d+ entradas del registro de auditoría en CSV/)
    await context.close()
  })
})

describe('addresses and malformed posts', () => {
  it('/admin/users leads to the account list', async () => {
    const response = await fetch(`${baseURL}/admin/users`, { redirect: 'manual' })
    expect(response.status).toBe(301)
    expect(response.headers.get('location')).toBe('/admin/accounts')
  })

  it('a post that is not a form gets a 415 page in the reader’s language, not a 500', async () => {
    const context = await newContext(browser, { locale: 'es-MX' })
    const page = await context.newPage()
    await signIn(page, baseURL, admin.email, admin.password)
    for (const path of ['/admin/accounts', '/admin/audit/export']) {
      const response = await context.request.post(`${baseURL}${path}`, { headers: { 'content-type': 'text/plain', origin: baseURL, 'accept-language': 'es-MX,es' }, data: 'hello', maxRedirects: 0 })
      expect({ path, status: response.status() }).toEqual({ path, status: 415 })
      expect(await response.text()).toContain('Esta página solo acepta su propio formulario')
    }
    await context.close()
  })
})
