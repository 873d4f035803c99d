import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The forms convention of issue 14 (docs/decisions/100-progressive-enhancement.md), enforced the way
 * the authorization matrix enforces procedure rules: every file in app/routes that exports an
 * `action` must be named by a browser test registered with `formTest('<file>', …)`
 * (tests/e2e/support/forms.ts), which submits it with JavaScript on and off on a phone, reopens the
 * page to check what was saved, and checks that the result is in view.
 */
const root = path.resolve(__dirname, '../..')
const routesDir = path.join(root, 'app/routes')
const e2eDir = path.join(root, 'tests/e2e')

/** Routes with an action that is not a browser form: the reason is the entry. */
const NOT_A_FORM: Record<string, string> = {
  'api.trpc.$trpc.ts': 'the tRPC HTTP endpoint (JSON), not a page; covered by tests/integration/http.test.ts',
  'logout.tsx': 'a sign-out button in the page header (root.tsx) with no page of its own; owned by the `security` branch right now',
}

/** Forms owned by another branch while issue 14 is open; each names the branch. Remove a line when its test exists. */
const OWNED_ELSEWHERE: Record<string, string> = {
  'login.tsx': 'branch `security` (login and sign-in security) is changing this form',
}

/**
 * Forms that still lack a both-modes test (issue 14, "How forms are tested"): debt, listed so it is
 * visible and can only shrink — a line here for a route that has a `formTest` fails below.
 */
const NOT_YET_COVERED: Record<string, string> = {
  'admin.audit_.export.tsx': 'a CSV download (both modes in accounts.e2e.test.ts); not through formTest yet',
  'reports.$id.tsx': 'covered in both modes by quotes.e2e.test.ts and reports.e2e.test.ts, but not through formTest yet',
  'commission.guidance.$id.tsx': 'guidance form: no both-modes test yet',
  'commission.guidance._index.tsx': 'guidance form: no both-modes test yet',
  'set-language.tsx': 'language switch in the header: no both-modes test yet',
  'workspace._index.tsx': 'bulk actions on the list: no both-modes test yet',
  'workspace.runs.$id.tsx': 'clustering run forms: no both-modes test yet',
  'workspace.runs._index.tsx': 'starting a run: no both-modes test yet',
  'workspace.submissions.$id.tsx': 'submission detail forms: no both-modes test yet',
  'workspace.themes.$id.tsx': 'theme forms: no both-modes test yet',
  'workspace.themes._index.tsx': 'creating a theme: no both-modes test yet',
}

function routesWithAction(): string[] {
  return readdirSync(routesDir)
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .filter((file) => /export\s+(async\s+)?function\s+action\b|export\s+const\s+action\b/.test(readFileSync(path.join(routesDir, file), 'utf8')))
    .sort()
}

function routesWithFormTest(): Set<string> {
  const named = new Set<string>()
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.name.endsWith('.e2e.test.ts')) {
        for (const match of readFileSync(full, 'utf8').matchAll(/\bformTest\(\s*['"`]([^'"`]+)['"`]/g)) named.add(match[1]!)
      }
    }
  }
  walk(e2eDir)
  return named
}

describe('forms convention (issue 14)', () => {
  const routes = routesWithAction()
  const tested = routesWithFormTest()

  it('finds the routes with an action', () => {
    // The scan itself must work: these are known forms.
    expect(routes).toEqual(expect.arrayContaining(['invitations.tsx', 'org.receipts.$code.tsx', 'workspace.agreement.$id_.code.tsx']))
    expect(routes.length).toBeGreaterThan(20)
  })

  it('every route with an action has a both-modes browser test, or a listed reason', () => {
    const missing = routes.filter((route) => !tested.has(route) && !(route in NOT_A_FORM) && !(route in OWNED_ELSEWHERE) && !(route in NOT_YET_COVERED))
    expect(missing, 'add formTest(<route file>, …) in tests/e2e (tests/e2e/support/forms.ts)').toEqual([])
  })

  it('the lists hold only existing routes with an action, and nothing that is already tested', () => {
    for (const list of [NOT_A_FORM, OWNED_ELSEWHERE, NOT_YET_COVERED]) {
      for (const route of Object.keys(list)) {
        expect(routes, `${route} is listed but has no action`).toContain(route)
        expect(tested.has(route), `${route} has a formTest: remove it from the list`).toBe(false)
      }
    }
  })

  it('every formTest names an existing route with an action', () => {
    for (const route of tested) expect(routes, `formTest('${route}') names no route with an action`).toContain(route)
  })
})
