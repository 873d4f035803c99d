/**
 * npm run bench:redact [-- --seed N --count N --family all|tuned|heldout --show-misses N]
 *
 * Builds the seeded labelled set (tests/fixtures/redaction/generate.ts), runs
 * the redactor, and prints per-type recall, precision and F2. A gold span
 * counts as found when a predicted span of the same type overlaps it; a
 * predicted span counts as correct when it overlaps a gold span of the same
 * type. The "exact" column is the share of gold spans matched with identical
 * offsets. "Leaked" counts gold spans that no prediction of any type touches.
 */
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import { ENTITY_TYPES, redact, type Entity, type EntityType } from '../server/analysis/redact'
import { generateLabelledSet, type Family } from '../tests/fixtures/redaction/generate'

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '20251127' },
    count: { type: 'string', default: '2000' },
    'show-misses': { type: 'string', default: '0' },
    family: { type: 'string', default: 'all' },
  },
})
const family = values.family as Family
if (!['all', 'tuned', 'heldout'].includes(family)) throw new Error('--family must be all, tuned or heldout')
const set = generateLabelledSet(Number(values.seed), Number(values.count), family)
const showMisses = Number(values['show-misses'])

type Tally = { gold: number; found: number; exact: number; predicted: number; correct: number }
const tally = new Map<EntityType, Tally>(ENTITY_TYPES.map((t) => [t, { gold: 0, found: 0, exact: 0, predicted: 0, correct: 0 }]))
const overlaps = (a: Entity, b: Entity) => a.start < b.end && b.start < a.end
let leaked = 0
let goldTotal = 0
const misses: string[] = []
const falseAlarms: string[] = []

for (const item of set.slice(0, 200)) redact(item.text) // warm the JIT so throughput is the steady state
const started = performance.now()
const cpuStarted = process.cpuUsage()
const results = set.map((item) => redact(item.text, { lang: item.lang }))
const elapsed = (performance.now() - started) / 1000
const cpu = process.cpuUsage(cpuStarted)
const cpuSeconds = (cpu.user + cpu.system) / 1e6

set.forEach((item, i) => {
  const predicted = results[i].entities
  for (const g of item.entities) {
    const t = tally.get(g.type)!
    t.gold++
    goldTotal++
    const same = predicted.filter((p) => p.type === g.type && overlaps(p, g))
    if (same.length > 0) t.found++
    else if (misses.length < showMisses * 20) misses.push(`${g.type} «${item.text.slice(g.start, g.end)}» in: ${results[i].redacted}`)
    if (same.some((p) => p.start === g.start && p.end === g.end)) t.exact++
    if (!predicted.some((p) => overlaps(p, g))) leaked++
  }
  for (const p of predicted) {
    const t = tally.get(p.type)!
    t.predicted++
    if (item.entities.some((g) => g.type === p.type && overlaps(p, g))) t.correct++
    else if (falseAlarms.length < showMisses * 20) falseAlarms.push(`${p.type} «${item.text.slice(p.start, p.end)}» in: ${item.text}`)
  }
})

const pct = (n: number, d: number) => (d === 0 ? '   -  ' : (n / d).toFixed(3).padStart(6))
console.log(`labelled texts: ${set.length} (seed ${values.seed}, family ${family}), gold spans: ${goldTotal}`)
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
console.log(`leaked (no prediction of any type overlaps): ${leaked} of ${goldTotal}`)
console.log(
  `throughput: ${(set.length / elapsed).toFixed(0)} texts/s wall clock (${elapsed.toFixed(2)} s for ${set.length} texts), ` +
    `${(set.length / cpuSeconds).toFixed(0)} texts per CPU second`,
)
if (showMisses > 0) {
  console.log('\nmisses:\n' + misses.slice(0, showMisses).join('\n'))
  console.log('\nfalse alarms:\n' + falseAlarms.slice(0, showMisses).join('\n'))
}
