/**
 * Issue 12 §1: no count from 1 to VOCES_MIN_CELL − 1 of any set of testimonies
 * can be worked out exactly by adding and subtracting published figures, across
 * reports, versions, periods, filters, breakdowns and themes.
 *
 * On crafted data, facilitators publish many reports and versions: nested
 * periods, filters (Area, bureau, setting, agency, type of organization),
 * themes nested in one another, and memberships changed between versions.
 * Then a reader collects every figure anyone outside the workspace can see:
 * `report.view` of every version, `publicPage.list` after every publication,
 * the CSV of every version, and the numbers in the text of every PDF.
 *
 * The adversary is stronger than a real reader: it knows the exact set of
 * testimonies behind every figure (the test built them), so it knows every
 * nesting. Each figure says what it can: a number is the count itself, or, when
 * the version says its counts are rounded to R, a window of R around it (5, the
 * lowest, stands for 5..7); "fewer than 5" is 1..4; "withheld" at least 5; a
 * category missing from a breakdown that is shown is 0. It then searches for
 * exact small differences: for every pair of known sets where one contains the
 * other, the difference is bounded by the two, and each of the three is
 * tightened by the other two; differences become known sets in turn, so later
 * rounds combine three, four and more figures (A − B − C, (A − B) − (C − D), …).
 * Bounds are intersected until nothing changes. It must find no set of 1 to 4
 * testimonies whose size it knows exactly.
 *
 * Run against the code before counts were rounded (exact counts with
 * small-cell suppression within each version only), the same search knew 1,267
 * non-empty sets exactly and 209 sets of 1 to 4 testimonies (the issue's
 * 27 − 26 = 1 among them); with rounding it knows none exactly, small or large.
 * The search keeps at most 2,500 known sets (the figures' 548, then differences
 * narrow enough to matter); `ADVERSARY_SETS=6000 ADVERSARY_NARROW=10` searches
 * deeper (minutes: it found none either), `ADVERSARY_DEBUG=1` prints how each
 * set was found.
 */
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createI18n } from '../../app/i18n/i18n'
import type { Db } from '../../db/client'
import { parseCsv } from '../../server/lib/csv'
import { mulberry32 } from '../../server/analysis/random'
import { cellLabel, type ReportDimension } from '../../server/schemas/report'
import { BUREAUS } from '../../server/schemas/reference'
import type { SessionUser } from '../../server/services/auth'
import { createTestDb, testEnv } from '../support/db'
import { callerFor, makeUser } from '../support/factories'
import { makeSubmissions, makeTheme, type SubmissionSpec } from '../support/themes'

const env = testEnv()
const K = env.VOCES_MIN_CELL
let db: Db
let close: () => Promise<void>
let facilitator: SessionUser
let commission: SessionUser

/** What the test knows about each testimony (the adversary's side knowledge). */
type Row = { id: string; month: string; area: string; setting: string; agencies: string[]; kind: string }
const rows: Row[] = []
const themes = new Map<string, Set<string>>() // theme id → member ids, as they are now
type Filters = { area?: string; bureau?: string; setting?: string; agency?: string; organizationKind?: string }
type Published = { reportId: string; version: number; start: string; end: string; filters: Filters; members: Map<string, Set<string>>; titles: Map<string, string> }
const published: Published[] = []
const reports = new Map<string, { start: string; end: string; filters: Filters; themeIds: string[] }>()

const fac = () => callerFor(db, env, facilitator)
const com = () => callerFor(db, env, commission)

const MONTHS = ['2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12']
const AREAS = ['hollenbeck', 'rampart', 'harbor', 'hollywood']
const SETTINGS = ['park', 'street', 'home', 'school']

let orgs: Record<string, string>

async function addRows(specs: Omit<Row, 'id'>[]): Promise<string[]> {
  const ids = await makeSubmissions(
    db,
    specs.map((s): SubmissionSpec => ({ month: s.month, area: s.area, setting: s.setting, agencies: s.agencies, organizationId: orgs[s.kind]! })),
  )
  ids.forEach((id, i) => {
    rows.push({ id, ...specs[i]! })
  })
  return ids
}

async function setMembers(themeId: string, add: string[], remove: string[] = []) {
  if (add.length) await db.insertInto('theme_members').values(add.map((submission_id) => ({ theme_id: themeId, submission_id }))).execute()
  for (const id of remove) await db.deleteFrom('theme_members').where('theme_id', '=', themeId).where('submission_id', '=', id).execute()
  const set = themes.get(themeId)!
  for (const id of add) set.add(id)
  for (const id of remove) set.delete(id)
}

async function newTheme(title: string, members: string[]) {
  const id = await makeTheme(db, { title, memberIds: members })
  themes.set(id, new Set(members))
  return id
}

const titles = new Map<string, string>()
const reportTitles = new Map<string, string>()

async function newReport(title: string, start: string, end: string, themeIds: string[], filters: Filters = {}) {
  const { id } = await fac().report.create({ title, periodStart: start, periodEnd: end })
  if (Object.keys(filters).length) await fac().report.update({ id, title, periodStart: start, periodEnd: end, ...(filters as Record<string, never>) })
  for (const themeId of themeIds) await addPublicTheme(id, themeId)
  reports.set(id, { start, end, filters, themeIds: [...themeIds] })
  reportTitles.set(id, title)
  return id
}

/** Every theme gets a public summary, so that the public page (which lists only those, issue 14) shows its count too. */
async function addPublicTheme(reportId: string, themeId: string) {
  await fac().report.addTheme({ id: reportId, themeId })
  await fac().report.updateTheme({ id: reportId, themeId, publicSummaryEn: 'A public summary.', publicSummaryEs: 'Un resumen público.' })
}

async function addToReport(reportId: string, themeId: string) {
  await addPublicTheme(reportId, themeId)
  reports.get(reportId)!.themeIds.push(themeId)
}

/** Publish, remember exactly who was behind it, and read the public page as anyone would right after. */
async function publish(reportId: string) {
  const { version } = await fac().report.publish({ id: reportId })
  const r = reports.get(reportId)!
  published.push({
    reportId,
    version,
    start: r.start,
    end: r.end,
    filters: r.filters,
    members: new Map(r.themeIds.map((t) => [t, new Set(themes.get(t))])),
    titles: new Map(r.themeIds.map((t) => [t, titles.get(t)!])),
  })
  publicPages.push(await callerFor(db, env, null).publicPage.list())
}
const publicPages: Awaited<ReturnType<ReturnType<typeof callerFor>['publicPage']['list']>>[] = []

// ---- the adversary ----------------------------------------------------------

type Bounds = [number, number]
const knowledge = new Map<bigint, Bounds>()
const contradictions: string[] = []
const reasons = new Map<bigint, string>()

const truths = new Map<bigint, number>()
function learn(set: bigint, bounds: Bounds, why: string, truth: number) {
  truths.set(set, truth)
  const old = knowledge.get(set) ?? [0, Number.POSITIVE_INFINITY]
  const next: Bounds = [Math.max(old[0], bounds[0], 0), Math.min(old[1], bounds[1])]
  if (truth < next[0] || truth > next[1]) contradictions.push(`${why}: ${truth} outside ${next[0]}..${next[1]}`)
  if (!knowledge.has(set) || next[0] !== old[0] || next[1] !== old[1]) {
    knowledge.set(set, next)
    reasons.set(set, why)
    return true
  }
  return false
}

/** What a shown figure tells a reader who knows how figures are protected (`rounding` undefined: exact counts). */
function readFigure(text: string, rounding: number | undefined): Bounds {
  const t = text.trim()
  if (/^(fewer than|menos de)\s+\d+$/.test(t)) return [1, Number(t.match(/\d+/)![0]) - 1]
  if (/^(withheld|oculta|oculto|retenid[oa])$/i.test(t) || t === 'withheld') return [K, Number.POSITIVE_INFINITY]
  const n = Number(t.replace(/[,.\s]/g, ''))
  if (!Number.isInteger(n)) throw new Error(`not a figure: ${text}`)
  if (n === 0 || !rounding) return [n, n]
  const half = Math.floor(rounding / 2)
  const lowest = Math.ceil(K / rounding) * rounding
  return [n === lowest ? K : n - half, n + half]
}

function figureBounds(f: { n: number } | { lt: number } | { withheld: true }, rounding: number | undefined): Bounds {
  if ('lt' in f) return readFigure(`fewer than ${f.lt}`, rounding)
  if ('withheld' in f) return readFigure('withheld', rounding)
  return readFigure(String(f.n), rounding)
}

/** A figure's set, as the adversary describes it: a theme's members at one version, in a period, filters and a category. */
type Desc = { p: Published; themeId: string; dimension: ReportDimension | 'total'; key?: string }
type Tuple = Omit<Row, 'id'>

const bureauOf = (area: string) => (Object.keys(BUREAUS) as (keyof typeof BUREAUS)[]).find((b) => (BUREAUS[b] as readonly string[]).includes(area))

/** Whether testimonies with these fields fall in the figure's period, filters and category. */
function matches({ p, dimension, key }: Desc, row: Tuple): boolean {
  if (row.month < p.start || row.month > p.end) return false
  const f = p.filters
  if (f.area && row.area !== f.area) return false
  if (f.bureau && bureauOf(row.area) !== f.bureau) return false
  if (f.setting && row.setting !== f.setting) return false
  if (f.agency && !row.agencies.includes(f.agency)) return false
  if (f.organizationKind && row.kind !== f.organizationKind) return false
  switch (dimension) {
    case 'total':
      return true
    case 'trend':
      return row.month === key
    case 'bureaus':
      return bureauOf(row.area) === key || row.area === key
    case 'areas':
      return row.area === key
    case 'settings':
      return row.setting === key
    case 'agencies':
      return row.agencies.includes(key!)
    case 'organizationKinds':
      return row.kind === key
  }
}

/**
 * Pairs of known sets where one holds the other, to a fixed point. A difference
 * becomes a new known set when what is known about it is narrow (a window of at
 * most `narrow` + 1 values): wider ones cannot pin anything small, and keeping
 * them all would make the search quadratic in thousands of sets.
 */
function search(maxSets: number, narrow: number) {
  for (let round = 0; round < 20; round++) {
    let changed = false
    const sets = [...knowledge.keys()]
    for (const a of sets) {
      for (const b of sets) {
        if (a === b || (b & ~a) !== 0n) continue // b ⊂ a
        const d = a & ~b
        const [la, ha] = knowledge.get(a)!
        const [lb, hb] = knowledge.get(b)!
        const ta = truths.get(a)!
        const tb = truths.get(b)!
        const tag = (what: string) => (process.env.ADVERSARY_DEBUG ? `${what} of ${ta}[${knowledge.get(a)}] ${reasons.get(a)} / ${tb}[${knowledge.get(b)}] ${reasons.get(b)} / ${ta - tb}[${knowledge.get(d)}]` : what)
        if (knowledge.has(d) || (knowledge.size < maxSets && ha - lb - Math.max(0, la - hb) <= narrow)) changed = learn(d, [la - hb, ha - lb], tag('difference'), ta - tb) || changed
        const kd = knowledge.get(d)
        if (kd) {
          changed = learn(a, [lb + kd[0], hb + kd[1]], tag('sum'), ta) || changed
          changed = learn(b, [la - kd[1], ha - kd[0]], tag('remainder'), tb) || changed
        }
      }
    }
    if (!changed) break
  }
}

beforeAll(async () => {
  ;({ db, close } = await createTestDb())
  facilitator = await makeUser(db, 'facilitator')
  commission = await makeUser(db, 'commission')
  orgs = {
    community: (await db.insertInto('organizations').values({ slug: 'eastside', name: 'Eastside', kind: 'community' }).returning('id').executeTakeFirstOrThrow()).id,
    labor: (await db.insertInto('organizations').values({ slug: 'workers', name: 'Workers', kind: 'labor' }).returning('id').executeTakeFirstOrThrow()).id,
  }
})
afterAll(() => close())

describe('no small count can be worked out by differencing (issue 12 §1)', () => {
  it('publishes many reports and versions, collects every figure a reader sees, and finds no exact count from 1 to 4', async () => {
    const random = mulberry32(20261208)
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!
    const spec = (month: string): Omit<Row, 'id'> => ({
      month,
      area: pick(AREAS),
      setting: pick(SETTINGS),
      agencies: random() < 0.3 ? ['ice', 'lapd'] : [pick(['ice', 'lapd', 'cbp'])],
      kind: random() < 0.8 ? 'community' : 'labor',
    })
    // Theme A as in the issue: 26 testimonies June–November and one in December (27 − 26 = 1).
    const aIds = await addRows([...MONTHS.slice(0, 6).flatMap((m) => Array.from({ length: m === '2025-07' ? 6 : 4 }, () => spec(m))), spec('2025-12')])
    const bIds = await addRows(MONTHS.flatMap((m, i) => Array.from({ length: 3 + (i % 3) * 2 }, () => spec(m))))
    const spare = await addRows(MONTHS.flatMap((m) => [spec(m), spec(m)]))
    const A = await newTheme('What LAPD officers did at enforcement scenes', aIds)
    titles.set(A, 'What LAPD officers did at enforcement scenes')
    const B = await newTheme('Raids at car washes', [...bIds, ...aIds.slice(0, 9)])
    titles.set(B, 'Raids at car washes')

    const full = await newReport('June to December', '2025-06', '2025-12', [A, B])
    const short = await newReport('June to November', '2025-06', '2025-11', [A, B])
    const late = await newReport('July to December', '2025-07', '2025-12', [A, B])
    const hollenbeck = await newReport('Hollenbeck', '2025-06', '2025-12', [A, B], { area: 'hollenbeck' })
    const central = await newReport('Central bureau', '2025-06', '2025-12', [A, B], { bureau: 'central' })
    for (const id of [full, short, late, hollenbeck, central]) await publish(id)

    // Membership changes between versions: one more in December, one fewer in July, two more in B.
    await setMembers(A, [spare[12]!], [aIds[5]!])
    await setMembers(B, [spare[0]!, spare[3]!])
    for (const id of [full, short, hollenbeck]) await publish(id)

    // A theme that nests another (A plus one testimony), added to the full report.
    const C = await newTheme('Officers at enforcement scenes, with bystanders', [...themes.get(A)!, spare[6]!])
    titles.set(C, 'Officers at enforcement scenes, with bystanders')
    await addToReport(full, C)
    await publish(full)

    // One more testimony in November in A and C; every report that shows them publishes again.
    await setMembers(A, [spare[10]!])
    await setMembers(C, [spare[10]!])
    for (const id of [full, short, late, central]) await publish(id)

    // Filters a reader can put side by side with the unfiltered reports.
    for (const [title, filters] of [
      ['Parks', { setting: 'park' }],
      ['Labor organizations', { organizationKind: 'labor' }],
      ['LAPD named', { agency: 'lapd' }],
      ['Harbor', { area: 'harbor' }],
    ] as const) {
      const id = await newReport(title, '2025-06', '2025-12', [A, B], filters)
      await publish(id)
    }
    // And single months, which sit inside every other period.
    for (const month of ['2025-11', '2025-12']) await publish(await newReport(`Only ${month}`, month, month, [A, B, C]))

    // ---- collect every figure a reader can see --------------------------------
    const en = createI18n('en').t
    const labels = new Map<string, [ReportDimension | 'total', string | undefined]>()
    const tableName: Record<ReportDimension, string> = {
      trend: en('reports.trend'),
      bureaus: en('reports.byBureau'),
      areas: en('reports.byArea'),
      settings: en('reports.bySetting'),
      agencies: en('reports.byAgency'),
      organizationKinds: en('reports.byOrganizationKind'),
    }
    const keys: Record<ReportDimension, string[]> = {
      trend: MONTHS,
      bureaus: [...Object.keys(BUREAUS), 'outside-city', 'not-sure', 'not-given'],
      areas: Object.values(BUREAUS).flat(),
      settings: [...SETTINGS, 'not-given'],
      agencies: ['ice', 'lapd', 'cbp', 'not-given'],
      organizationKinds: ['community', 'labor', 'none'],
    }
    for (const [dimension, list] of Object.entries(keys) as [ReportDimension, string[]][]) {
      for (const key of list) labels.set(`${tableName[dimension]}|${cellLabel(en, dimension, key)}`, [dimension, key])
    }
    labels.set(`${en('reports.csv.total')}|`, ['total', undefined])

    let pdfNumbers = 0
    const seen: { desc: Desc; bounds: Bounds; why: string }[] = []
    const see = (desc: Desc, bounds: Bounds, why: string) => seen.push({ desc, bounds, why })
    const setOf = (p: Published, themeId: string, dimension: Desc['dimension'], key?: string): Desc => ({ p, themeId, dimension, key })
    for (const p of published) {
      const view = await com().report.view({ id: p.reportId, version: p.version })
      const snapshot = view.snapshot as typeof view.snapshot & { rounding?: number }
      const rounding = snapshot.rounding
      const where = `${snapshot.title} v${p.version}`
      for (const theme of snapshot.themes) {
        const at = (dimension: ReportDimension | 'total', key?: string) => setOf(p, theme.themeId, dimension, key)
        see(at('total'), figureBounds(theme.count, rounding), `${where} ${theme.title}`)
        const breakdowns: [ReportDimension, typeof theme.trend][] = [
          ['trend', theme.trend],
          ['bureaus', theme.areas],
          ['settings', theme.settings],
          ['agencies', theme.agencies],
          ['organizationKinds', theme.organizationKinds],
        ]
        for (const [dimension, breakdown] of breakdowns) {
          if (breakdown.withheld) continue
          const shown = new Set(breakdown.cells.map((c) => c.key))
          for (const cell of breakdown.cells) {
            see(at(dimension, cell.key), figureBounds(cell.figure, rounding), `${where} ${theme.title} ${cell.key}`)
            if (cell.childrenWithheld) continue
            const children = new Set((cell.children ?? []).map((c) => c.key))
            for (const child of cell.children ?? []) see(at('areas', child.key), figureBounds(child.figure, rounding), `${where} ${theme.title} ${child.key}`)
            // An Area of a listed bureau that is not shown has nobody in it.
            if (cell.children) for (const area of (BUREAUS as Record<string, readonly string[]>)[cell.key] ?? []) if (!children.has(area)) see(at('areas', area), [0, 0], `${where} ${area} not listed`)
          }
          // A category left out of a breakdown that is shown has nobody in it.
          for (const key of keys[dimension]) if (!shown.has(key)) see(at(dimension, key), [0, 0], `${where} ${theme.title} ${key} not listed`)
        }
      }

      // The CSV of the same version: every row with a figure.
      const { csv } = await com().report.exportCsv({ id: p.reportId, version: p.version, locale: 'en' })
      const records = parseCsv(csv.slice(1)).map((r) => r.cells)
      const header = records.findIndex((r) => r[0] === en('reports.csv.theme'))
      for (const [themeTitle, table, category, count] of records.slice(header + 1)) {
        const themeId = [...p.titles].find(([, title]) => title === themeTitle)?.[0]
        const label = labels.get(`${table}|${category}`)
        if (!themeId || !label || count === en('reports.breakdownWithheldShort') || count === en('reports.areasNotListed')) continue
        see(setOf(p, themeId, label[0], label[1]), readFigure(count!, rounding), `${where} CSV ${themeTitle} ${category}`)
      }

      // The PDF: every number it prints beside a bar or a total is a figure of the snapshot (rounded, or zero).
      const { base64 } = await com().report.exportPdf({ id: p.reportId, version: p.version, locale: 'en' })
      const { text } = await extractText(await getDocumentProxy(new Uint8Array(Buffer.from(base64, 'base64'))), { mergePages: true })
      const counts = text
        .replace(/ED 12/g, ' ')
        .replace(/\d{4}-\d{2}/g, ' ')
        .replace(/Page \d+ of \d+/g, ' ')
        .replace(/version \d+/gi, ' ')
        .replace(/\b(January|February|March|April|May|June|July|August|September|October|November|December) (\d{1,2}, )?\d{4}/g, ' ')
        .replace(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{2}\b/g, ' ')
        .replace(/^\d+\. .* \d+$/gm, ' ') // contents: theme number, title, page
        .replace(/^\d+\. /gm, ' ') // theme number before its title
        .replace(/covers \d+ themes?/g, ' ')
        .match(/\b\d+\b/g)
      const allowed = new Set(JSON.stringify(snapshot).match(/"n":\d+/g)?.map((m) => m.slice(4)) ?? [])
      for (const n of counts ?? []) {
        pdfNumbers++
        if (!allowed.has(n) && !/^\d$/.test(n)) contradictions.push(`${where} PDF prints ${n}, not a figure of the version`)
      }
      if (rounding) expect(text).toContain('Counts are rounded to the nearest 5')
    }

    // The public page after every publication: per report, the themes and their counts.
    for (const page of publicPages) {
      for (const report of page.reports) {
        const p = published.find((q) => q.version === report.version && reportTitles.get(q.reportId) === report.title)
        if (!p) continue
        const rounding = (report as { rounding?: number }).rounding
        for (const theme of report.themes) {
          const themeId = [...p.titles].find(([, t]) => t === theme.title)![0]
          see(setOf(p, themeId, 'total'), figureBounds(theme.count, rounding), `public ${report.title} ${theme.title}`)
        }
      }
    }

    expect(seen.length).toBeGreaterThan(1500)
    expect(pdfNumbers).toBeGreaterThan(200)

    // ---- the unknowns ---------------------------------------------------------
    // The adversary knows exactly who is in each theme at each version (as an insider would), and the
    // values each field takes, but not which testimony has which values. Its unknowns are the number of
    // testimonies of each membership class (which theme versions hold them) with each combination of
    // month, Area, setting, type of organization and agencies. Unknowns that every figure treats alike
    // are merged into one ("atoms"); each figure is a set of atoms.
    const memberships: Set<string>[] = []
    const membershipIndex = (d: Desc) => {
      const members = d.p.members.get(d.themeId)!
      let i = memberships.findIndex((m) => m.size === members.size && [...m].every((id) => members.has(id)))
      if (i === -1) i = memberships.push(members) - 1
      return i
    }
    const figureKeys = new Map<string, { desc: Desc; membership: number; index: number }>()
    const figureOf = seen.map(({ desc }) => {
      const membership = membershipIndex(desc)
      const key = `${membership}|${desc.p.start}|${desc.p.end}|${JSON.stringify(desc.p.filters)}|${desc.dimension}|${desc.key}`
      if (!figureKeys.has(key)) figureKeys.set(key, { desc, membership, index: figureKeys.size })
      return figureKeys.get(key)!.index
    })
    const figureList = [...figureKeys.values()]
    const classes = new Map<string, Row[]>()
    for (const row of rows) {
      const signature = memberships.map((m) => (m.has(row.id) ? '1' : '0')).join('')
      if (signature.includes('1')) (classes.get(signature) ?? classes.set(signature, []).get(signature)!).push(row)
    }
    const domain = <T>(f: (r: Row) => T) => [...new Map(rows.map((r) => [JSON.stringify(f(r)), f(r)])).values()]
    const tuples: Tuple[] = []
    for (const month of MONTHS)
      for (const area of domain((r) => r.area))
        for (const setting of domain((r) => r.setting))
          for (const kind of domain((r) => r.kind)) for (const agencies of domain((r) => r.agencies)) tuples.push({ month, area, setting, kind, agencies })
    const atoms = new Map<string, { index: number; count: number }>()
    const figureAtoms: bigint[] = figureList.map(() => 0n)
    const atomCount: number[] = []
    for (const [signature, members] of classes) {
      const inMembership = memberships.map((_, i) => signature[i] === '1')
      for (const tuple of tuples) {
        const inFigures = figureList.filter((f) => inMembership[f.membership] && matches(f.desc, tuple)).map((f) => f.index)
        if (inFigures.length === 0) continue
        const key = inFigures.join(',')
        let atom = atoms.get(key)
        if (!atom) {
          atom = { index: atoms.size, count: 0 }
          atoms.set(key, atom)
          atomCount.push(0)
          for (const f of inFigures) figureAtoms[f] = figureAtoms[f]! | (1n << BigInt(atom.index))
        }
        const n = members.filter((r) => r.month === tuple.month && r.area === tuple.area && r.setting === tuple.setting && r.kind === tuple.kind && JSON.stringify(r.agencies) === JSON.stringify(tuple.agencies)).length
        atom.count += n
        atomCount[atom.index]! += n
      }
    }
    const truthOf = (set: bigint) => {
      let total = 0
      for (let i = 0; set; i++, set >>= 1n) if (set & 1n) total += atomCount[i]!
      return total
    }
    const figureTruth = figureAtoms.map(truthOf)
    seen.forEach(({ bounds, why }, i) => learn(figureAtoms[figureOf[i]!]!, bounds, why, figureTruth[figureOf[i]!]!))
    const direct = knowledge.size

    // ---- search ---------------------------------------------------------------
    search(Number(process.env.ADVERSARY_SETS ?? 2500), Number(process.env.ADVERSARY_NARROW ?? K - 1))
    const exactSmall = [...knowledge].filter(([, [lo, hi]]) => lo === hi && lo > 0 && lo < K)
    const exactAny = [...knowledge].filter(([, [lo, hi]]) => lo === hi && lo > 0)
    console.info(
      `counts adversary: ${published.length} versions, ${seen.length} figures (${direct} distinct sets of ${atoms.size} atoms), ${knowledge.size} sets after the search; ` +
        `${exactAny.length} non-empty sets known exactly, ${exactSmall.length} of them of 1 to ${K - 1}`,
    )
    if (process.env.ADVERSARY_DEBUG) for (const [set] of exactSmall.slice(0, 5)) console.info('LEAK', truths.get(set), reasons.get(set)?.slice(0, 3000))
    // Every figure told the truth, and the search itself is sound.
    expect(contradictions).toEqual([])
    expect(exactSmall.map(([set, [lo]]) => `${reasons.get(set)?.slice(0, 200)}: known to be exactly ${lo}`)).toEqual([])
  }, 300_000)
})

