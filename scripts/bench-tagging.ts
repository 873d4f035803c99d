/**
 * npm run bench:tagging — the tag-suggestion model on generated demo testimony.
 *
 *   npm run bench:tagging                      360 testimonies, two thirds tagged (as the demo seed)
 *   npm run bench:tagging -- --count 20000     larger corpus
 *   npm run bench:tagging -- --count 20000 --job   also the whole background job on PGlite
 *                                               (train, store, suggest for every submission)
 *
 * Prints training time by stage, the longest stretch without handing back the event loop,
 * cross-validated precision, precision and mean confidence on the untagged third (which the
 * generator labels, so it can be checked), and scoring speed.
 */
import { loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import { createDb } from '../db/client'
import { migrateToLatest } from '../db/migrator'
import { createTagPredictor, trainTagModelSteps, type LabelledDocument } from '../server/analysis/classify'
import { generateDemoTestimonies } from '../server/demo/testimonies'
import { seedCodebook } from '../server/services/seed'
import { runTagModelJob } from '../server/services/tag-model'

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '360' },
    seed: { type: 'string', default: '2025' },
    job: { type: 'boolean', default: false },
  },
})
const count = Number(values.count)
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`

async function main() {
  const testimonies = generateDemoTestimonies({ count, seed: Number(values.seed) })
  const docs: LabelledDocument[] = testimonies.map((t, i) => ({ id: String(i), text: t.text, lang: t.lang, tags: [t.theme, ...t.secondaryThemes] }))
  const tagged = docs.filter((_, i) => i % 3 !== 2)
  const untagged = docs.filter((_, i) => i % 3 === 2)
  console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`)
  console.log(`${count} testimonies: ${tagged.length} tagged (training), ${untagged.length} held back`)

  const started = performance.now()
  const stageEnds: Record<string, number> = {}
  let longest = 0
  let sliceStart = performance.now()
  const steps = trainTagModelSteps(tagged, { seed: 2026 })
  let step = steps.next()
  while (!step.done) {
    const now = performance.now()
    longest = Math.max(longest, now - sliceStart)
    stageEnds[step.value.stage] = now - started
    sliceStart = now
    step = steps.next()
  }
  longest = Math.max(longest, performance.now() - sliceStart)
  const total = performance.now() - started
  const { model, metrics } = step.value
  console.log(
    `training: ${seconds(total)} (features done at ${seconds(stageEnds.features ?? 0)}, cross-validation at ${seconds(stageEnds['cross-validate'] ?? 0)}); longest slice ${longest.toFixed(0)} ms`,
  )
  console.log(`learned ${model.tags.length} tags from ${metrics.documents} documents; ${model.terms.length} features; model JSON ${(JSON.stringify(model).length / 1e6).toFixed(2)} MB`)
  const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`)
  console.log(`cross-validated precision (${metrics.folds} folds): ${pct(metrics.overall.precision)} of ${metrics.overall.suggested} suggestions`)

  const predictor = createTagPredictor(model)
  predictor.suggest(untagged[0]!) // warm: the analyzer builds its word lists on first use
  let made = 0
  let right = 0
  let confidence = 0
  const scoreStart = performance.now()
  for (const doc of untagged) {
    for (const s of predictor.suggest(doc)) {
      made++
      confidence += s.confidence
      if (doc.tags.includes(s.tagId)) right++
    }
  }
  const scoreMs = performance.now() - scoreStart
  console.log(
    `held-back third: precision ${pct(made ? right / made : null)} of ${made} suggestions, mean confidence ${pct(made ? confidence / made : null)}; ${(made / untagged.length).toFixed(2)} suggestions per document; scoring ${Math.round(untagged.length / (scoreMs / 1000))} documents/s`,
  )

  if (values.job) {
    const db = createDb({ dataDir: 'memory://' })
    await migrateToLatest(db)
    const tagIds = await seedCodebook(db)
    for (let offset = 0; offset < testimonies.length; offset += 2000) {
      const slice = testimonies.slice(offset, offset + 2000)
      const rows = await db
        .insertInto('submissions')
        .values(slice.map((t, i) => ({ receipt_code: `T${(offset + i).toString(36).toUpperCase().padStart(8, '0')}`, text_redacted: t.text, language: t.lang, status: 'accepted' })))
        .returning('id')
        .execute()
      const taggings = slice.flatMap((t, i) =>
        (offset + i) % 3 === 2 ? [] : [t.theme, ...t.secondaryThemes].filter((slug) => tagIds.has(slug)).map((slug) => ({ submission_id: rows[i]!.id, tag_id: tagIds.get(slug)!, source: 'seed' })),
      )
      if (taggings.length) await db.insertInto('submission_tags').values(taggings).execute()
    }
    const job = await db.insertInto('jobs').values({ kind: 'train-tag-model' }).returningAll().executeTakeFirstOrThrow()
    const phases: Record<string, number> = {}
    const jobStart = performance.now()
    await runTagModelJob(db, {
      job,
      progress: async (phase) => {
        phases[phase] ??= performance.now() - jobStart
      },
    })
    const jobMs = performance.now() - jobStart
    const suggestions = await db.selectFrom('tag_suggestions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    console.log(
      `background job on PGlite: ${seconds(jobMs)} in all (training from ${seconds(phases.train ?? 0)}, suggesting from ${seconds(phases.suggest ?? 0)}); ${Number(suggestions.n)} pending suggestions written`,
    )
    await db.destroy()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
