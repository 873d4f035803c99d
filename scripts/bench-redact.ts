/**
 * npm run bench:redact [-- --seed N --count N --family all|tuned|heldout|field --show-misses N --prepare]
 *
 * 1. Labelled sets (tests/fixtures/redaction/generate.ts): the testimony
 *    families of issue 3 ("all" by default) and the "field" family of issue 12
 *    (what people actually type: field.ts). For each, per-type recall,
 *    precision and F2, for English and Spanish texts separately and together.
 *    A gold span counts as found when a predicted span of the same type overlaps
 *    it; a predicted span counts as correct when it overlaps a gold span of the
 *    same type. "exact" is the share of gold spans matched with identical
 *    offsets; "leaked" counts gold spans no prediction of any type touches.
 * 2. False alarms on plain text: the share of texts with no personal detail in
 *    which the redactor reports anything, on our own tricky plain text
 *    (plain.ts), on the demo testimony without its planted details, and on the
 *    public corpora in ../shared/data (read there, never copied; their news and
 *    encyclopaedia sentences do name real people, so there a NAME is not always
 *    a false alarm: the table shows the rate with and without NAME).
 * 3. With --prepare: µs per row of prepareImportRow (what the 50,000-row import
 *    pays per row) and of redaction alone, on the rows bench:import writes.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { ENTITY_TYPES, redact, type Entity, type EntityType } from '../server/analysis/redact'
import { generateDemoTestimonies } from '../server/demo/testimonies'
import { FAMILIES, generateLabelledSet, type Family, type LabelledText } from '../tests/fixtures/redaction/generate'
import { generatePlainSet } from '../tests/fixtures/redaction/plain'
import { measurePrepare } from './bench/prepare-rows'

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '20251127' },
    count: { type: 'string', default: '2000' },
    'show-misses': { type: 'string', default: '0' },
    family: { type: 'string' },
    prepare: { type: 'boolean', default: false },
  },
})
const families: Family[] = values.family ? [values.family as Family] : ['all', 'field']
for (const f of families) if (!FAMILIES.includes(f)) throw new Error(`--family must be one of ${FAMILIES.join(', ')}`)
const showMisses = Number(values['show-misses'])
const seed = Number(values.seed)
const count = Number(values.count)

type Tally = { gold: number; found: number; exact: number; predicted: number; correct: number }
const newTally = () => new Map<EntityType, Tally>(ENTITY_TYPES.map((t) => [t, { gold: 0, found: 0, exact: 0, predicted: 0, correct: 0 }]))
const overlaps = (a: Entity, b: Entity) => a.start < b.end && b.start < a.end
const pct = (n: number, d: number) => (d === 0 ? '   -  ' : (n / d).toFixed(3).padStart(6))

function score(set: LabelledText[], results: { redacted: string; entities: Entity[] }[]) {
  const byLang = { all: newTally(), en: newTally(), es: newTally() }
  let leaked = 0
  let goldTotal = 0
  const misses: string[] = []
  const falseAlarms: string[] = []
  set.forEach((item, i) => {
    const predicted = results[i].entities
    for (const tally of [byLang.all, byLang[item.lang]]) {
      for (const g of item.entities) {
        const t = tally.get(g.type)!
        t.gold++
        const same = predicted.filter((p) => p.type === g.type && overlaps(p, g))
        if (same.length > 0) t.found++
        if (same.some((p) => p.start === g.start && p.end === g.end)) t.exact++
      }
      for (const p of predicted) {
        const t = tally.get(p.type)!
        t.predicted++
        if (item.entities.some((g) => g.type === p.type && overlaps(p, g))) t.correct++
      }
    }
    for (const g of item.entities) {
      goldTotal++
      if (!predicted.some((p) => overlaps(p, g))) leaked++
      if (!predicted.some((p) => p.type === g.type && overlaps(p, g))) misses.push(`${g.type} «${item.text.slice(g.start, g.end)}» in: ${results[i].redacted}`)
    }
    for (const p of predicted) {
      if (!item.entities.some((g) => g.type === p.type && overlaps(p, g))) falseAlarms.push(`${p.type} «${item.text.slice(p.start, p.end)}» in: ${item.text}`)
    }
  })
  return { byLang, leaked, goldTotal, misses, falseAlarms }
}

function printTable(tally: Map<EntityType, Tally>) {
  console.log('type       gold  recall  precis      F2   exact')
  for (const [type, t] of tally) {
    if (t.gold === 0 && t.predicted === 0) continue
    const r = t.gold ? t.found / t.gold : 0
    const p = t.predicted ? t.correct / t.predicted : 0
    const f2 = r + p === 0 ? 0 : (5 * p * r) / (4 * p + r)
    console.log(
      `${type.padEnd(9)} ${String(t.gold).padStart(5)}  ${pct(t.found, t.gold)}  ${pct(t.correct, t.predicted)}  ${t.gold && t.predicted ? f2.toFixed(3).padStart(6) : '   -  '}  ${pct(t.exact, t.gold)}`,
    )
  }
}

/** Some sampled lines of a list, spread over it rather than its first ones. */
function sample(lines: string[], n: number): string[] {
  if (lines.length <= n) return lines
  return Array.from({ length: n }, (_, i) => lines[Math.floor((i * lines.length) / n)])
}

for (const family of families) {
  const set = generateLabelledSet(seed, count, family)
  for (const item of set.slice(0, 200)) redact(item.text) // warm the JIT so throughput is the steady state
  const started = performance.now()
  const cpuStarted = process.cpuUsage()
  const results = set.map((item) => redact(item.text, { lang: item.lang }))
  const elapsed = (performance.now() - started) / 1000
  const cpu = process.cpuUsage(cpuStarted)
  const cpuSeconds = (cpu.user + cpu.system) / 1e6
  const { byLang, leaked, goldTotal, misses, falseAlarms } = score(set, results)

  console.log(`\n== family ${family}: ${set.length} labelled texts (seed ${seed}), ${goldTotal} gold spans`)
  for (const lang of ['all', 'en', 'es'] as const) {
    console.log(`\n-- ${lang === 'all' ? 'English and Spanish' : lang === 'en' ? 'English' : 'Spanish'}`)
    printTable(byLang[lang])
  }
  console.log(`leaked (no prediction of any type overlaps): ${leaked} of ${goldTotal}`)
  console.log(
    `throughput: ${(set.length / elapsed).toFixed(0)} texts/s wall clock (${elapsed.toFixed(2)} s for ${set.length} texts), ` +
      `${(set.length / cpuSeconds).toFixed(0)} texts per CPU second`,
  )
  if (showMisses > 0) {
    console.log('\nmisses:\n' + sample(misses, showMisses).join('\n'))
    console.log('\nfalse alarms:\n' + sample(falseAlarms, showMisses).join('\n'))
  }
}

// ---------------------------------------------------------------- plain text

type PlainSet = { name: string; texts: string[]; namesPossible: boolean }
const plainSets: PlainSet[] = []
const own = generatePlainSet(seed, 1000)
plainSets.push({ name: 'own tricky plain text (EN)', texts: own.filter((t) => t.lang === 'en').map((t) => t.text), namesPossible: false })
plainSets.push({ name: 'own tricky plain text (ES)', texts: own.filter((t) => t.lang === 'es').map((t) => t.text), namesPossible: false })
/** The demo generator plants a relative's name, a 555-01xx phone or an A000 A-number in some texts: those are left out. */
const PLANTED = /555[- ]01\d\d|A000|\b(?:[Bb]rother|[Hh]usband|[Cc]ousin|[Uu]ncle|[Dd]aughter|hermano|esposo|prima|tío|hija) \p{Lu}/u
const demo = generateDemoTestimonies({ count: 2000, seed: 77 }).filter((d) => !PLANTED.test(d.text))
plainSets.push({ name: 'demo testimony, no planted detail (EN)', texts: demo.filter((d) => d.lang === 'en').map((d) => d.text), namesPossible: false })
plainSets.push({ name: 'demo testimony, no planted detail (ES)', texts: demo.filter((d) => d.lang === 'es').map((d) => d.text), namesPossible: false })

const here = path.dirname(fileURLToPath(import.meta.url))
const dataDir = process.env.VOCES_SHARED_DATA ?? path.resolve(here, '../../shared/data')
for (const [file, name, limit] of [
  ['sib200-en.jsonl', 'SIB-200 sentences (EN)', 1004],
  ['sib200-es.jsonl', 'SIB-200 sentences (ES)', 1004],
  ['polis-civic-en.jsonl', 'Polis civic comments (EN)', 3312],
  ['stackoverflow.jsonl', 'Stack Overflow titles (EN)', 3000],
  ['agnews-test.jsonl', 'AG News (EN)', 2000],
] as const) {
  const full = path.join(dataDir, file)
  if (!existsSync(full)) {
    console.log(`\n(${file} not found in ${dataDir}: skipped)`)
    continue
  }
  const texts = readFileSync(full, 'utf8')
    .split('\n')
    .filter(Boolean)
    .slice(0, limit)
    .map((line) => (JSON.parse(line) as { text: string }).text)
  plainSets.push({ name, texts, namesPossible: true })
}

console.log('\n== false alarms on plain text (share of texts with any span; "no NAME": with any span other than NAME)')
console.log('set                                          texts   any  no NAME  spans by type')
for (const set of plainSets) {
  let any = 0
  let nonName = 0
  const byType = new Map<string, number>()
  const alarms: string[] = []
  for (const text of set.texts) {
    const { entities } = redact(text)
    if (entities.length > 0) any++
    if (entities.some((e) => e.type !== 'NAME')) nonName++
    for (const e of entities) {
      byType.set(e.type, (byType.get(e.type) ?? 0) + 1)
      alarms.push(`${e.type} «${text.slice(e.start, e.end)}» in: ${text.slice(0, 200)}`)
    }
  }
  const types = [...byType].map(([t, n]) => `${t} ${n}`).join(', ')
  console.log(`${set.name.padEnd(44)} ${String(set.texts.length).padStart(5)} ${pct(any, set.texts.length)}  ${pct(nonName, set.texts.length)}  ${types}`)
  if (showMisses > 0 && alarms.length > 0) console.log('  ' + sample(alarms, Math.min(showMisses, 15)).join('\n  '))
}

if (values.prepare) {
  const figures = measurePrepare(10_000, 3)
  const fmt = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ')
  console.log(`\n== prepareImportRow on ${figures.rows} import-bench rows, 3 rounds: ${fmt(figures.rounds)} µs/row wall, ${fmt(figures.cpuRounds)} µs/row CPU`)
  console.log(`   redaction alone (testimony and optional fields): ${fmt(figures.redactRounds)} µs/row wall, ${fmt(figures.redactCpuRounds)} µs/row CPU`)
}
