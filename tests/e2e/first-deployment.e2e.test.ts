import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, launchBrowser, newContext, signIn } from './support/browser'
import { expectNoAxeViolations, expectResultInView, formTest, submitWith } from './support/forms'

/**
 * A real deployment from nothing, as README's "For a real deployment" says: an empty
 * embedded database, VOCES_SEED_DEMO=false, its own server (not the shared demo one).
 * The server's log names the admin command; the command prints a link; the link sets
 * the administrator's password; the administrator adds an organization and invites a
 * community member, who joins, signs in and submits, and a facilitator, who joins and
 * signs in; the administrator changes the facilitator's role (after a confirmation) and
 * deactivates the account (its open session ends at once); deactivating the organization
 * signs the member out and sign-in tells them why; the audit log reads all of it as
 * sentences. JavaScript on (English) and off (Spanish), axe clean.
 */
const root = path.resolve(__dirname, '../..')
let dataDir: string
let port: number
let baseURL: string
let server: ChildProcess | undefined
let serverLog = ''
let browser: Browser
const links: Record<string, string> = {}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => {
      const address = s.address()
      s.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

const secrets = { VOCES_SESSION_SECRET: randomBytes(32).toString('hex'), VOCES_ENCRYPTION_KEY: randomBytes(32).toString('hex') }
const deploymentEnv = (): NodeJS.ProcessEnv => ({ ...process.env, ...secrets, NODE_ENV: 'production' as const, PORT: String(port), HOST: '127.0.0.1', VOCES_DATA_DIR: dataDir, DATABASE_URL: '', VOCES_SEED_DEMO: 'false', VOCES_ORIGIN: baseURL })

async function startServer() {
  serverLog = ''
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: root, env: deploymentEnv(), stdio: ['ignore', 'pipe', 'pipe'] })
  server = child
  child.stdout!.on('data', (d) => (serverLog += d))
  child.stderr!.on('data', (d) => (serverLog += d))
  const deadline = Date.now() + 120_000
  while (!serverLog.includes('[voces] serving on')) {
    if (child.exitCode !== null) throw new Error(`The server exited:\n${serverLog}`)
    if (Date.now() > deadline) throw new Error(`The server did not start in 120 s:\n${serverLog}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

async function stopServer() {
  if (!server || server.exitCode !== null) return
  const exited = new Promise((r) => server!.once('exit', r))
  server.kill('SIGTERM')
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))])
}

/** `npm run --silent admin -- create …`: its stdout is the link and nothing else. */
function adminCreate(email: string, name: string): string {
  const stdout = execFileSync('npm', ['run', '--silent', 'admin', '--', 'create', '--email', email, '--name', name], { cwd: root, env: deploymentEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  expect(stdout).toMatch(new RegExp(`^${baseURL.replace(/[.]/g, '\\.')}/setup/[A-Za-z0-9_-]{40,}\\n$`))
  return stdout.trim()
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'voces-first-deployment-'))
  port = await freePort()
  baseURL = `http://127.0.0.1:${port}`
  // 1. The server on an empty database, without demo content, says which command to run.
  await startServer()
  expect(serverLog).toContain('[voces] no administrator can sign in yet')
  expect(serverLog).toContain('npm run --silent admin -- create --email')
  expect(serverLog).not.toContain('demo accounts')
  // 2. The embedded database allows one process: stop, run the command, start again.
  await stopServer()
  links.en = adminCreate('coordinator@example.org', 'Rosa')
  links.es = adminCreate('coordinadora@example.org', 'Lupe')
  // Two more administrators for the set-up form's own test (JavaScript on and off).
  links.js = adminCreate('setup-js@example.org', 'Noemí')
  links.nojs = adminCreate('setup-nojs@example.org', 'Itzel')
  await startServer()
  expect(serverLog).toContain('has not used the set-up link')
  browser = await launchBrowser()
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await stopServer()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

const submitButton = (page: Page) => page.locator('main form button[type="submit"]').last()

describe('a first real deployment, from an empty database', () => {
  it.each([
    { javaScriptEnabled: true, lang: 'en' as const },
    { javaScriptEnabled: false, lang: 'es' as const },
  ])('admin link → password → organization → a submitter and a facilitator sign in, the submitter submits → role change → account deactivation ends its session → organization deactivation → the audit log reads it (JavaScript $javaScriptEnabled, $lang)', async ({ javaScriptEnabled, lang }) => {
    const en = lang === 'en'
    // On a phone: the result of each account form must come into view there.
    const adminContext = await newContext(browser, { javaScriptEnabled, locale: en ? 'en-US' : 'es-MX', phone: true })
    const admin = await adminContext.newPage()
    const password = `${lang} copper lantern meadow river`

    // The set-up link: the administrator chooses their own password and is signed in.
    await admin.goto(links[lang]!)
    await admin.getByRole('heading', { level: 1, name: en ? 'Set your password' : 'Elija su contraseña' }).waitFor()
    if (javaScriptEnabled) expect(await axeViolations(admin)).toEqual([])
    expect(await admin.locator('input[name="displayName"]').inputValue()).toBe(en ? 'Rosa' : 'Lupe')
    await admin.locator('input[name="password"]').fill(password)
    await admin.locator('input[name="confirmPassword"]').fill(password)
    await Promise.all([admin.waitForURL(/\/admin(#result)?$/), submitButton(admin).click()])
    // The link worked once.
    const again = await adminContext.newPage()
    await again.goto(links[lang]!)
    await again.getByRole('alert').filter({ hasText: en ? 'already been used' : 'ya se usó' }).waitFor()
    await again.close()

    // An organization, reloaded.
    await admin.goto(`${baseURL}/admin/organizations`)
    const orgName = en ? 'Eastside Workers Center' : 'Centro de Trabajadores del Valle'
    await admin.locator('input[name="name"]').fill(orgName)
    await admin.locator('select[name="kind"]').selectOption('labor')
    await submitButton(admin).click()
    await admin.getByRole('status').waitFor()
    // Reopened by a GET: a reload after a post without JavaScript would post again.
    await admin.goto(`${baseURL}/admin/organizations`)
    await admin.getByTestId('organization-row').filter({ hasText: orgName }).waitFor()

    // An invitation for a community member of that organization.
    await admin.goto(`${baseURL}/invitations`)
    const memberEmail = `member-${lang}@example.org`
    await admin.locator('input[name="email"]').fill(memberEmail)
    await admin.locator('select[name="role"]').selectOption('submitter')
    await admin.locator('select[name="organizationId"]').selectOption({ label: orgName })
    await submitButton(admin).click()
    const invitation = (await admin.getByTestId('invitation-link').textContent())!.trim()

    // The member joins, signs in again later, and submits.
    const memberContext = await newContext(browser, { javaScriptEnabled, locale: en ? 'en-US' : 'es-MX', phone: true })
    const member = await memberContext.newPage()
    await member.goto(invitation)
    const memberPassword = `${lang} harbor pepper violin cloud`
    await member.locator('input[name="displayName"]').fill(en ? 'Marcus' : 'Marta')
    await member.locator('input[name="password"]').fill(memberPassword)
    await member.locator('input[name="confirmPassword"]').fill(memberPassword)
    await Promise.all([member.waitForURL(/\/org(#result)?$/), submitButton(member).click()])
    await memberContext.clearCookies()
    await signIn(member, baseURL, memberEmail, memberPassword)
    await member.goto(`${baseURL}/org/submit`)
    await member.locator('textarea[name="text"]').fill(en ? 'Agents in unmarked cars waited outside the school at pickup time.' : 'Agentes en carros sin placas esperaban afuera de la escuela a la hora de la salida.')
    await Promise.all([member.waitForURL(/\/org\/receipts\//), member.locator('form.stack button[type="submit"]').click()])
    const code = (await member.getByTestId('receipt-code').textContent())!.trim()
    expect(code).toMatch(/^[0-9A-Z]{3}-[0-9A-Z]{3}-[0-9A-Z]{3}$/)

    // A facilitator (no organization) is invited too, joins and signs in again later.
    await admin.goto(`${baseURL}/invitations`)
    const facilitatorEmail = `facilitator-${lang}@example.org`
    const facilitatorName = en ? 'Dana' : 'Dalia'
    await admin.locator('input[name="email"]').fill(facilitatorEmail)
    await admin.locator('select[name="role"]').selectOption('facilitator')
    await submitButton(admin).click()
    const facilitatorInvitation = (await admin.getByTestId('invitation-link').textContent())!.trim()
    const facilitatorContext = await newContext(browser, { javaScriptEnabled, locale: en ? 'en-US' : 'es-MX' })
    const facilitator = await facilitatorContext.newPage()
    await facilitator.goto(facilitatorInvitation)
    const facilitatorPassword = `${lang} saffron canyon pebble orbit`
    await facilitator.locator('input[name="displayName"]').fill(facilitatorName)
    await facilitator.locator('input[name="password"]').fill(facilitatorPassword)
    await facilitator.locator('input[name="confirmPassword"]').fill(facilitatorPassword)
    await Promise.all([facilitator.waitForURL((url) => !url.pathname.startsWith('/invite/')), submitButton(facilitator).click()])
    await facilitatorContext.clearCookies()
    await signIn(facilitator, baseURL, facilitatorEmail, facilitatorPassword)
    await facilitator.goto(`${baseURL}/workspace`)
    expect(new URL(facilitator.url()).pathname).toBe('/workspace')

    // The admin changes the facilitator's role, after a confirmation of what is gained and lost.
    const accountsUrl = `${baseURL}/admin/accounts?q=${encodeURIComponent(facilitatorEmail)}`
    await admin.goto(accountsUrl)
    const facilitatorRow = admin.locator(`tr[data-email="${facilitatorEmail}"]`)
    expect(await facilitatorRow.getByTestId('account-role').textContent()).toBe(en ? 'Facilitator' : 'Facilitador(a)')
    await Promise.all([admin.waitForURL(/change=/), facilitatorRow.getByRole('link', { name: en ? `Change role or organization of ${facilitatorName}` : `Cambiar función u organización de ${facilitatorName}` }).click()])
    if (javaScriptEnabled) expect(await axeViolations(admin)).toEqual([])
    await admin.locator('#change-role').selectOption('commission')
    await submitWith(admin, () => admin.getByRole('button', { name: en ? 'Review the change' : 'Revisar el cambio' }).click())
    await expectResultInView(admin, en ? `Confirm the change for ${facilitatorName}` : `Confirme el cambio para ${facilitatorName}`, javaScriptEnabled)
    const confirm = admin.getByTestId('confirm-change')
    expect(await confirm.getByTestId('loses').textContent()).toContain(en ? 'moderate, tag and cluster testimony' : 'moderar, etiquetar y agrupar testimonios')
    await expectNoAxeViolations(admin, javaScriptEnabled)
    await submitWith(admin, () => confirm.getByRole('button', { name: en ? 'Confirm the change' : 'Confirmar el cambio' }).click())
    await expectResultInView(admin, en ? `${facilitatorName} is now Police Commission.` : `${facilitatorName} ahora es Comisión de Policía.`, javaScriptEnabled)
    await admin.goto(accountsUrl)
    expect(await admin.locator(`tr[data-email="${facilitatorEmail}"]`).getByTestId('account-role').textContent()).toBe(en ? 'Police Commission' : 'Comisión de Policía')
    // At once: their next page is the Commission's.
    await facilitator.goto(`${baseURL}/commission`)
    expect(new URL(facilitator.url()).pathname).toBe('/commission')

    // Deactivating the account ends both its sessions at once: the open browser is signed out on its next request.
    await submitWith(admin, () => admin.getByRole('button', { name: en ? `Deactivate ${facilitatorName}` : `Desactivar a ${facilitatorName}` }).click())
    await expectResultInView(
      admin,
      en ? `${facilitatorName} is deactivated and cannot sign in; 2 open sessions ended.` : `${facilitatorName} está desactivada y no puede iniciar sesión; se cerraron 2 sesiones abiertas.`,
      javaScriptEnabled,
    )
    await expectNoAxeViolations(admin, javaScriptEnabled)
    await admin.goto(accountsUrl)
    expect(await admin.locator(`tr[data-email="${facilitatorEmail}"]`).getByTestId('account-state').textContent()).toBe(en ? 'Deactivated' : 'Desactivada')
    await facilitator.goto(`${baseURL}/commission`)
    expect(new URL(facilitator.url()).pathname).toBe('/login')
    await facilitatorContext.close()

    // Deactivating the organization ends the member's session; signing in says why; the testimony stays.
    await admin.goto(`${baseURL}/admin/organizations`)
    await Promise.all([admin.waitForURL(/\/admin\/organizations\/[0-9a-f-]{36}$/), admin.getByTestId('organization-row').filter({ hasText: orgName }).getByRole('link').click()])
    await admin.locator('form:has(input[name="intent"][value="deactivate"]) button').click()
    // Two: the session the invitation opened (its cookie was cleared, not signed out) and the sign-in after.
    await admin.getByRole('status').filter({ hasText: en ? 'Sessions ended: 2.' : 'Sesiones terminadas: 2.' }).waitFor()
    await member.goto(`${baseURL}/org`)
    expect(new URL(member.url()).pathname).toBe('/login')
    await member.locator('input[name="email"]').fill(memberEmail)
    await member.locator('input[name="password"]').fill(memberPassword)
    await member.locator('form[action^="/login"] button[type="submit"]').click()
    await member.getByRole('alert').filter({ hasText: en ? 'access to Voces is paused' : 'pausó el acceso de su organización' }).waitFor()
    if (javaScriptEnabled) expect(await axeViolations(member)).toEqual([])

    // The audit log tells the story in sentences, in the administrator's language.
    const adminName = en ? 'Rosa' : 'Lupe'
    const memberName = en ? 'Marcus' : 'Marta'
    await admin.goto(`${baseURL}/admin/audit`)
    await admin.locator('#audit-who').fill(adminName)
    await Promise.all([admin.waitForURL(/who=/), admin.getByRole('button', { name: en ? 'Filter' : 'Filtrar', exact: true }).click()])
    await admin.getByTestId('audit-entry').first().waitFor()
    if (javaScriptEnabled) expect(await axeViolations(admin)).toEqual([])
    const byAdmin = await admin.getByTestId('audit-entry').allTextContents()
    const expected = en
      ? [
          `Rosa set their password with a set-up link`,
          `Rosa added the organization ${orgName}`,
          `Rosa invited ${memberEmail} as Community organization`,
          `Rosa invited ${facilitatorEmail} as Facilitator`,
          `Rosa changed the role of Dana (${facilitatorEmail}) from Facilitator to Police Commission`,
          `Rosa deactivated Dana (${facilitatorEmail}) (2 open sessions ended)`,
          `Rosa deactivated the organization ${orgName} (2 open sessions ended)`,
        ]
      : [
          `Lupe fijó su contraseña con un enlace de configuración`,
          `Lupe añadió la organización ${orgName}`,
          `Lupe invitó a ${memberEmail} como Organización comunitaria`,
          `Lupe invitó a ${facilitatorEmail} como Facilitador(a)`,
          `Lupe cambió el rol de Dalia (${facilitatorEmail}) de Facilitador(a) a Comisión de Policía`,
          `Lupe desactivó a Dalia (${facilitatorEmail}) (se cerraron 2 sesiones abiertas)`,
          `Lupe desactivó la organización ${orgName} (2 sesiones abiertas terminadas)`,
        ]
    for (const sentence of expected) expect(byAdmin.some((entry) => entry.includes(sentence)), `${sentence}\n in:\n${byAdmin.join('\n')}`).toBe(true)
    // Newest first: the organization's deactivation, then the account's, then the role change.
    const order = expected.slice(4).map((sentence) => byAdmin.findIndex((entry) => entry.includes(sentence)))
    expect(order).toEqual([...order].sort((a, b) => b - a))
    expect(await admin.getByTestId('audit-entry').first().locator('time').textContent()).toMatch(/GMT-[78]|PST|PDT/)
    // The community member's submission, found by its receipt code.
    await admin.goto(`${baseURL}/admin/audit?target=${encodeURIComponent(code)}`)
    const bySubmission = await admin.getByTestId('audit-entry').allTextContents()
    expect(bySubmission.some((entry) => entry.includes(en ? `${memberName} submitted testimony ${code}` : `${memberName} envió el testimonio ${code}`)), bySubmission.join('\n')).toBe(true)
    await adminContext.close()
    await memberContext.close()
  }, 240_000)
})

describe('the set-up form with JavaScript on and off (issue 14)', () => {
  formTest('setup.$token.tsx', 'a password only the server refuses is answered in view; the next sets it, and the link is spent', () => browser, async ({ page, context, mode, javaScriptEnabled }) => {
    const email = `setup-${mode}@example.org`
    const password = `ribbon kettle ${mode} harbor lantern`
    await page.goto(links[mode]!)
    await page.getByRole('heading', { level: 1, name: 'Set your password' }).waitFor()
    await expectNoAxeViolations(page, javaScriptEnabled)
    // Too common: only the server knows its list, so this post reaches it in both modes.
    await page.locator('input[name="password"]').fill('Sunshine2024!!')
    await page.locator('input[name="confirmPassword"]').fill('Sunshine2024!!')
    await submitWith(page, () => submitButton(page).click())
    await expectResultInView(page, 'This password is too common', javaScriptEnabled)
    expect(await page.locator('#result').getAttribute('role')).toBe('alert')
    await expectNoAxeViolations(page, javaScriptEnabled)

    await page.locator('input[name="password"]').fill(password)
    await page.locator('input[name="confirmPassword"]').fill(password)
    // Without JavaScript the redirect keeps the post's "#result" fragment, as browsers do.
    await Promise.all([page.waitForURL(/\/admin(#result)?$/, { timeout: 15_000 }), submitButton(page).click()])
    // Saved: the link is spent and the password signs in.
    await page.goto(links[mode]!)
    await page.getByRole('alert').first().waitFor()
    expect(await page.locator('input[name="password"]').count()).toBe(0)
    await context.clearCookies()
    await signIn(page, baseURL, email, password)
    expect(new URL(page.url()).pathname).toBe('/admin')
  })
})
