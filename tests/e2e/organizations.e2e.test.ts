import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject } from 'vitest'
import { DEMO_ACCOUNTS } from '../../server/services/seed'
import { launchBrowser, signIn } from './support/browser'
import { expectNoAxeViolations, expectResultInView, formTest, submitWith } from './support/forms'

const baseURL = inject('baseURL')
let browser: Browser
const getBrowser = () => browser
const admin = DEMO_ACCOUNTS.find((a) => a.role === 'admin')!
const run = Date.now().toString(36)

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

/** Opens the page again by a GET (a reload after a post without JavaScript would post again). */
async function reopen(page: Page, path?: string) {
  const url = new URL(path ?? page.url(), baseURL)
  url.hash = ''
  await page.goto(url.toString())
}

/** Adds an organization through the list's form; its result is in view. */
async function add(page: Page, name: string, javaScriptEnabled: boolean) {
  await page.getByLabel('Name').fill(name)
  await page.getByLabel('Type').selectOption('faith')
  await page.getByLabel('Description').fill('Congregations in Wilmington and San Pedro.')
  await submitWith(page, () => page.getByRole('button', { name: 'Add organization' }).click())
  await expectResultInView(page, `Organization “${name}” added.`, javaScriptEnabled)
}

describe('organizations administration: the forms with JavaScript on and off (issue 14)', () => {
  formTest('admin.organizations._index.tsx', 'an admin adds an organization (a name is required and unique); a reload shows it saved', getBrowser, async ({ page, context, mode, javaScriptEnabled }) => {
    await signIn(page, baseURL, admin.email, admin.password)
    await page.goto(`${baseURL}/admin`)
    await Promise.all([page.waitForURL(/\/admin\/organizations$/), page.getByRole('link', { name: 'Manage organizations' }).click()])
    await expectNoAxeViolations(page, javaScriptEnabled)

    // A name is required: refused beside the field (in the browser with JavaScript, by the server without).
    const nameId = await page.getByLabel('Name').getAttribute('id')
    if (javaScriptEnabled) {
      await page.getByRole('button', { name: 'Add organization' }).click()
    } else {
      await submitWith(page, () => page.getByRole('button', { name: 'Add organization' }).click())
      await expectResultInView(page, /required|obligatorio/, javaScriptEnabled)
    }
    await page.locator(`[id="${nameId}-error"]`).filter({ hasText: /required|obligatorio/ }).waitFor()

    const name = `Harbor Faith Coalition ${mode} ${run}`
    await add(page, name, javaScriptEnabled)
    await expectNoAxeViolations(page, javaScriptEnabled)
    // A second organization with the same name is refused beside the name, and that answer is in view.
    await page.getByLabel('Name').fill(name.toUpperCase())
    await submitWith(page, () => page.getByRole('button', { name: 'Add organization' }).click())
    await expectResultInView(page, 'An organization already has this name.', javaScriptEnabled)
    expect(await page.locator('#result').getAttribute('role')).toBe('alert')
    await expectNoAxeViolations(page, javaScriptEnabled)

    await reopen(page, '/admin/organizations')
    const row = page.getByTestId('organization-row').filter({ hasText: name })
    // One row: the match is case-insensitive, so the refused upper-case name would be a second.
    expect(await row.count()).toBe(1)
    expect(await row.locator('td').allTextContents()).toEqual([`${name}Congregations in Wilmington and San Pedro.`, 'Faith community', '0', 'Active'])

    // In Spanish, the list names the type in Spanish.
    await context.addCookies([{ name: 'voces_lng', value: 'es', url: baseURL }])
    await reopen(page, '/admin/organizations')
    await page.getByRole('heading', { level: 1, name: 'Organizaciones' }).waitFor()
    expect(await page.getByTestId('organization-row').filter({ hasText: name }).locator('td').nth(1).textContent()).toBe('Comunidad de fe')
  })

  formTest('admin.organizations.$id.tsx', 'an admin renames, describes, deactivates and reactivates an organization; each reopening shows what was saved', getBrowser, async ({ page, mode, javaScriptEnabled }) => {
    await signIn(page, baseURL, admin.email, admin.password)
    await page.goto(`${baseURL}/admin/organizations`)
    const name = `Harbor Neighbors ${mode} ${run}`
    const other = `Harbor Tenants ${mode} ${run}`
    await add(page, other, javaScriptEnabled)
    await add(page, name, javaScriptEnabled)
    const row = page.getByTestId('organization-row').filter({ hasText: name })
    await Promise.all([page.waitForURL(/\/admin\/organizations\/[0-9a-f-]{36}/), row.getByRole('link').click()])
    const orgPath = new URL(page.url()).pathname

    // A name another organization has is refused beside the name, in view; nothing is saved.
    await page.getByLabel('Name').fill(other)
    await submitWith(page, () => page.getByRole('button', { name: 'Save changes' }).click())
    await expectResultInView(page, 'An organization already has this name.', javaScriptEnabled)
    expect(await page.locator('#result').getAttribute('role')).toBe('alert')
    await reopen(page, orgPath)
    expect(await page.getByLabel('Name').inputValue()).toBe(name)

    const renamed = `${name} (Harbor Area)`
    await page.getByLabel('Name').fill(renamed)
    await page.getByLabel('Type').selectOption('community')
    await page.getByLabel('Description').fill('Congregations and neighbors in the Harbor Area.')
    await submitWith(page, () => page.getByRole('button', { name: 'Save changes' }).click())
    await expectResultInView(page, 'Changes saved.', javaScriptEnabled)
    await expectNoAxeViolations(page, javaScriptEnabled)
    await reopen(page, orgPath)
    await page.getByRole('heading', { level: 1, name: `Organization: ${renamed}` }).waitFor()
    expect(await page.getByLabel('Name').inputValue()).toBe(renamed)
    expect(await page.getByLabel('Type').inputValue()).toBe('community')
    expect(await page.getByLabel('Description').inputValue()).toBe('Congregations and neighbors in the Harbor Area.')

    await reopen(page, orgPath)
    await submitWith(page, () => page.getByRole('button', { name: 'Deactivate this organization' }).click())
    await expectResultInView(page, 'Organization deactivated. Sessions ended: 0.', javaScriptEnabled)
    await reopen(page, orgPath)
    await page.getByRole('button', { name: 'Reactivate this organization' }).waitFor()
    expect(await page.locator('p.lead').textContent()).toMatch(/^Deactivated on /)
    // A deactivated organization is not offered for new invitations.
    await page.goto(`${baseURL}/invitations`)
    expect(await page.locator('select[name="organizationId"] option').allTextContents()).not.toContain(renamed)
    await reopen(page, orgPath)
    await submitWith(page, () => page.getByRole('button', { name: 'Reactivate this organization' }).click())
    await expectResultInView(page, 'Organization reactivated.', javaScriptEnabled)
    await expectNoAxeViolations(page, javaScriptEnabled)
    await reopen(page, orgPath)
    await page.getByRole('button', { name: 'Deactivate this organization' }).waitFor()
    expect(await page.getByLabel('Name').inputValue()).toBe(renamed)
  })
})
