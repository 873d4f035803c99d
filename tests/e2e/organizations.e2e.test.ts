import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { DEMO_ACCOUNTS } from '../../server/services/seed'
import { axeViolations, launchBrowser, newContext, signIn } from './support/browser'

const baseURL = inject('baseURL')
let browser: Browser
const admin = DEMO_ACCOUNTS.find((a) => a.role === 'admin')!

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

describe('organizations administration', () => {
  it.each([true, false])('an admin adds, renames, describes, deactivates and reactivates an organization; each reload shows what was saved (JavaScript %s)', async (javaScriptEnabled) => {
    const context = await newContext(browser, { javaScriptEnabled })
    const page = await context.newPage()
    await signIn(page, baseURL, admin.email, admin.password)
    await page.goto(`${baseURL}/admin`)
    await Promise.all([page.waitForURL(/\/admin\/organizations$/), page.getByRole('link', { name: 'Manage organizations' }).click()])
    if (javaScriptEnabled) expect(await axeViolations(page)).toEqual([])

    // A name is required: refused beside the field.
    await page.getByRole('button', { name: 'Add organization' }).click()
    const nameId = await page.getByLabel('Name').getAttribute('id')
    await page.locator(`[id="${nameId}-error"]`).filter({ hasText: /required|obligatorio/ }).waitFor()

    const name = `Harbor Faith Coalition ${javaScriptEnabled ? 'js' : 'nojs'}`
    await page.getByLabel('Name').fill(name)
    await page.getByLabel('Type').selectOption('faith')
    await page.getByLabel('Description').fill('Congregations in Wilmington and San Pedro.')
    await page.getByRole('button', { name: 'Add organization' }).click()
    await page.getByRole('status').filter({ hasText: `Organization “${name}” added.` }).waitFor()
    // A second organization with the same name is refused beside the name.
    await page.getByLabel('Name').fill(name.toUpperCase())
    await page.getByRole('button', { name: 'Add organization' }).click()
    await page.locator(`[id="${nameId}-error"]`).filter({ hasText: 'An organization already has this name.' }).waitFor()

    await page.reload()
    const row = page.getByTestId('organization-row').filter({ hasText: name })
    expect(await row.locator('td').allTextContents()).toEqual([`${name}Congregations in Wilmington and San Pedro.`, 'Faith community', '0', 'Active'])
    if (javaScriptEnabled) expect(await axeViolations(page)).toEqual([])

    await Promise.all([page.waitForURL(/\/admin\/organizations\/[0-9a-f-]{36}$/), row.getByRole('link').click()])
    const renamed = `${name} (Harbor Area)`
    await page.getByLabel('Name').fill(renamed)
    await page.getByLabel('Type').selectOption('community')
    await page.getByLabel('Description').fill('Congregations and neighbors in the Harbor Area.')
    await page.getByRole('button', { name: 'Save changes' }).click()
    await page.getByRole('status').filter({ hasText: 'Changes saved.' }).waitFor()
    await page.reload()
    await page.getByRole('heading', { level: 1, name: `Organization: ${renamed}` }).waitFor()
    expect(await page.getByLabel('Name').inputValue()).toBe(renamed)
    expect(await page.getByLabel('Type').inputValue()).toBe('community')
    expect(await page.getByLabel('Description').inputValue()).toBe('Congregations and neighbors in the Harbor Area.')
    if (javaScriptEnabled) expect(await axeViolations(page)).toEqual([])

    await page.getByRole('button', { name: 'Deactivate this organization' }).click()
    await page.getByRole('status').filter({ hasText: 'Organization deactivated. Sessions ended: 0.' }).waitFor()
    await page.reload()
    await page.getByRole('button', { name: 'Reactivate this organization' }).waitFor()
    expect(await page.locator('p.lead').textContent()).toMatch(/^Deactivated on /)
    // A deactivated organization is not offered for new invitations.
    await page.goto(`${baseURL}/invitations`)
    expect(await page.locator('select[name="organizationId"] option').allTextContents()).not.toContain(renamed)
    await page.goBack()
    await page.getByRole('button', { name: 'Reactivate this organization' }).click()
    await page.getByRole('status').filter({ hasText: 'Organization reactivated.' }).waitFor()
    await page.reload()
    await page.getByRole('button', { name: 'Deactivate this organization' }).waitFor()

    // In Spanish, the list names the type in Spanish.
    await page.goto(`${baseURL}/admin/organizations`)
    await context.addCookies([{ name: 'voces_lng', value: 'es', url: baseURL }])
    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Organizaciones' }).waitFor()
    expect(await page.getByTestId('organization-row').filter({ hasText: renamed }).locator('td').nth(1).textContent()).toBe('Organización comunitaria')
    await context.close()
  })
})
