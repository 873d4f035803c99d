import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { DEMO_ACCOUNTS } from '../../server/services/seed'
import { axeViolations, launchBrowser, newContext, signIn } from './support/browser'

const baseURL = inject('baseURL')
let browser: Browser
const facilitators = DEMO_ACCOUNTS.filter((a) => a.role === 'facilitator')
const TAG = `Hallway stops ${Date.now().toString(36)}`
const TAG_ES = `Paradas en pasillos ${Date.now().toString(36)}`

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

async function facilitatorPage(options: { javaScriptEnabled?: boolean; who?: number } = {}) {
  const context = await newContext(browser, { javaScriptEnabled: options.javaScriptEnabled ?? true })
  const page = await context.newPage()
  const account = facilitators[options.who ?? 0]!
  await signIn(page, baseURL, account.email, account.password)
  return { context, page }
}

/** Clicks a submit button and waits for the navigation the form causes (with or without JavaScript). */
async function submitAndWait(page: Page, button: ReturnType<Page['locator']>, url: RegExp) {
  await Promise.all([page.waitForURL(url), button.click()])
  await page.waitForLoadState('networkidle')
}

describe('tagging, suggestions and agreement in the browser', () => {
  it('a facilitator adds a tag to the codebook, filters by a Spanish word, tags three submissions (one by a passage) and accepts a suggestion', async () => {
    const { context, page } = await facilitatorPage()

    // A new tag in the codebook, so the counts below are this test's own.
    await page.goto(`${baseURL}/workspace/codebook`)
    await page.getByRole('heading', { level: 1, name: 'Codebook' }).waitFor()
    const create = page.locator('form#create-tag')
    await create.locator('input[name="nameEn"]').fill(TAG)
    await create.locator('input[name="nameEs"]').fill(TAG_ES)
    await submitAndWait(page, create.getByRole('button', { name: 'Add tag' }), /done=created/)
    await page.getByText(`The tag “${TAG}” was added at the top level.`).waitFor()
    expect(await axeViolations(page)).toEqual([])

    // Filter by a Spanish word.
    await page.goto(`${baseURL}/workspace`)
    await page.locator('input[name="q"]').fill('escuela')
    await Promise.all([page.waitForURL(/q=escuela/), page.getByRole('button', { name: 'Apply filters' }).click()])
    const rows = page.locator('table.table tbody tr')
    await rows.first().waitFor()
    expect(await rows.count()).toBeGreaterThanOrEqual(3)

    // Two by bulk tagging from the list.
    await rows.nth(0).locator('input[type="checkbox"]').check()
    await rows.nth(1).locator('input[type="checkbox"]').check()
    await page.locator('#bulk-tag-id').selectOption({ label: TAG })
    await submitAndWait(page, page.getByRole('button', { name: 'Tag the ticked submissions' }), /tagged=2/)
    await page.getByText('2 submissions were tagged.').waitFor()
    expect(new URL(page.url()).searchParams.get('q')).toBe('escuela')
    expect(await axeViolations(page)).toEqual([])

    // The third: a passage, chosen by selecting it and with the keyboard picker (t, type, Enter).
    await Promise.all([page.waitForURL(/\/workspace\/submissions\//), rows.nth(2).locator('a').click()])
    await page.getByRole('heading', { level: 3, name: 'Suggested tags' }).waitFor()
    const testimony = page.getByTestId('testimony')
    const text = (await testimony.textContent())!
    const words = text.split(/\s+/).filter(Boolean)
    const passage = words.slice(2, 6).join(' ')
    const start = text.indexOf(passage)
    expect(start).toBeGreaterThanOrEqual(0)
    await testimony.evaluate((el, [from, to]) => {
      const node = el.firstChild!
      const range = document.createRange()
      range.setStart(node, from!)
      range.setEnd(node, to!)
      const selection = document.getSelection()!
      selection.removeAllRanges()
      selection.addRange(range)
    }, [start, start + passage.length])
    await expect.poll(() => page.locator('#tag-quote').inputValue()).toBe(passage)
    await page.locator('body').press('t')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('tag-picker')
    await page.keyboard.type(TAG.split(' ').slice(0, 2).join(' '))
    await page.getByRole('option', { name: new RegExp(TAG) }).waitFor()
    await Promise.all([page.waitForURL(/tagged=added/), page.keyboard.press('Enter')])
    const passages = page.getByTestId('passage-tags')
    await passages.getByText(TAG).waitFor()
    expect(await passages.locator('q').first().textContent()).toBe(passage)
    expect(await testimony.locator('mark.passage').first().textContent()).toBe(passage)
    expect(await axeViolations(page)).toEqual([])

    // The codebook counts them: two whole, one passage.
    await page.goto(`${baseURL}/workspace/codebook`)
    const row = page.getByTestId('codebook-tag').filter({ hasText: TAG })
    await row.getByText('3 submissions (2 whole, 1 passages)').waitFor()

    // Suggestions: the seeded model (trained at start) or one trained now.
    if (!(await page.getByTestId('model-status').isVisible())) {
      await submitAndWait(page, page.getByRole('button', { name: 'Retrain now' }), /done=training/)
    }
    for (let i = 0; i < 60 && !(await page.getByTestId('model-status').isVisible() && !(await page.getByTestId('training-status').isVisible())); i++) {
      await page.waitForTimeout(1000)
      await page.reload()
    }
    await page.getByTestId('model-status').waitFor()
    await page.getByTestId('model-status').getByText(/Right \d+% of the time in testing/).waitFor()
    expect(await page.getByTestId('held-out').filter({ hasText: /\d+% \(\d+ of \d+ suggestions/ }).count()).toBeGreaterThan(3)

    // An untagged submission with a suggestion: accept it.
    await page.goto(`${baseURL}/workspace?untagged=1`)
    const untagged = page.locator('table.table tbody tr a')
    let accepted = false
    for (let i = 0; i < 10 && !accepted; i++) {
      await Promise.all([page.waitForURL(/\/workspace\/submissions\//), untagged.nth(i).click()])
      // The URL changes as the client navigation starts: wait for the page itself.
      await page.getByRole('heading', { level: 3, name: 'Suggested tags' }).waitFor()
      const suggestions = page.getByTestId('suggestions')
      if (await suggestions.isVisible()) {
        const first = suggestions.locator('li').first()
        const name = (await first.locator('.tag').textContent())!.trim()
        await first.getByText(/\d+% confident/).waitFor()
        await Promise.all([page.waitForURL(/tagged=accepted/), first.getByRole('button', { name: 'Accept' }).click()])
        await page.getByText('Suggestion accepted: the tag was added.').waitFor()
        await page.getByTestId('whole-tags').getByText(name).waitFor()
        accepted = true
      } else {
        await page.goBack()
        await untagged.first().waitFor()
      }
    }
    expect(accepted).toBe(true)
    await context.close()
  }, 240_000)

  it('without JavaScript: tags a passage by its words, and bulk-tags from the list', async () => {
    const { context, page } = await facilitatorPage({ javaScriptEnabled: false })
    await page.goto(`${baseURL}/workspace?q=redada&language=es`)
    const rows = page.locator('table.table tbody tr')
    await rows.first().waitFor()
    await rows.nth(0).locator('input[type="checkbox"]').check()
    await page.locator('#bulk-tag-id').selectOption({ label: TAG })
    await submitAndWait(page, page.getByRole('button', { name: 'Tag the ticked submissions' }), /tagged=/)
    await page.getByText(/submissions? (was|were) tagged/).waitFor()

    await Promise.all([page.waitForURL(/\/workspace\/submissions\//), rows.nth(1).locator('a').click()])
    const text = (await page.getByTestId('testimony').textContent())!
    const passage = text.split(/\s+/).filter(Boolean).slice(1, 4).join(' ')
    // Words not in the text are refused beside the field.
    await page.locator('select#tag-picker').selectOption({ label: TAG })
    await page.locator('#tag-quote').fill('palabras que no están aquí')
    await page.getByRole('button', { name: 'Add tag' }).click()
    await page.locator('#tag-quote-error').getByText('These words are not in the testimony').waitFor()
    await page.locator('select#tag-picker').selectOption({ label: TAG })
    await page.locator('#tag-quote').fill(passage.toUpperCase())
    await submitAndWait(page, page.getByRole('button', { name: 'Add tag' }), /tagged=added/)
    expect(await page.getByTestId('passage-tags').locator('q').first().textContent()).toBe(passage)
    await context.close()
  }, 120_000)

  it('two facilitators double-code a sample blind, then read kappa and the disagreements', async () => {
    const first = await facilitatorPage()
    const page = first.page
    await page.goto(`${baseURL}/workspace/agreement`)
    expect(await axeViolations(page)).toEqual([])
    await page.locator('input[name="name"]').fill('Browser pilot')
    await page.locator('input[name="size"]').fill('2')
    await page.locator('select[name="coderB"]').selectOption({ label: `${facilitators[1]!.displayName} (${facilitators[1]!.email})` })
    await submitAndWait(page, page.getByRole('button', { name: 'Draw the sample' }), /created=/)
    const row = page.getByTestId('samples').locator('tr').filter({ hasText: 'Browser pilot' }).first()
    await row.getByText('Results open when you have coded every item.').waitFor()
    await Promise.all([page.waitForURL(/\/code/), row.getByRole('link', { name: /Code my items/ }).click()])
    await page.getByTestId('coding-progress').getByText('You have coded 0 of 2.').waitFor()
    expect(await axeViolations(page)).toEqual([])
    const boxes = page.locator('.coding-tags input[type="checkbox"]')
    await boxes.nth(0).check()
    await submitAndWait(page, page.getByRole('button', { name: 'Save and go to the next' }), /saved=1/)
    await boxes.nth(0).check()
    await boxes.nth(1).check()
    await submitAndWait(page, page.getByRole('button', { name: 'Save and go to the next' }), /saved=done/)
    await page.getByText('You have coded every item; your answers are final.').waitFor()
    await first.context.close()

    const second = await facilitatorPage({ who: 1 })
    const page2 = second.page
    await page2.goto(`${baseURL}/workspace/agreement`)
    const row2 = page2.getByTestId('samples').locator('tr').filter({ hasText: 'Browser pilot' }).first()
    await Promise.all([page2.waitForURL(/\/code/), row2.getByRole('link', { name: /Code my items/ }).click()])
    // Blind: nothing of the first coder's answers shows.
    expect(await page2.locator('.coding-tags input:checked').count()).toBe(0)
    await page2.locator('.coding-tags input[type="checkbox"]').nth(0).check()
    await submitAndWait(page2, page2.getByRole('button', { name: 'Save and go to the next' }), /saved=1/)
    await submitAndWait(page2, page2.getByRole('button', { name: 'Save and go to the next' }), /saved=done/)
    await Promise.all([page2.waitForURL(/\/workspace\/agreement\/[^/]+$/), page2.getByRole('link', { name: 'Results' }).click()])
    await page2.getByTestId('overall-kappa').waitFor()
    await page2.getByTestId('kappa-table').waitFor()
    await page2.getByRole('heading', { name: /disagreements? to discuss/ }).waitFor()
    expect(await page2.getByTestId('disagreements').locator('li.card').count()).toBe(1)
    expect(await axeViolations(page2)).toEqual([])
    await second.context.close()
  }, 120_000)
})
