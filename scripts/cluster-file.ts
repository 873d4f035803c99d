/**
 * npm run --silent cluster -- --input <file.jsonl|file.csv> [--k N] [--seed S]
 *   [--dims N] [--no-translate] [--no-dictionary]
 * Writes {"id","cluster"} per document to stdout, in input order (-1: unclustered);
 * progress and a summary of the clusters go to stderr.
 */
import { parseArgs } from 'node:util'
import { clusterDocuments, type InputDocument } from '../server/analysis/index'
import { createThreadRunner } from '../server/analysis/parallel'
import { guessLanguage } from '../server/analysis/tokenize'
import { isApertiumAvailable, translate } from '../server/lib/apertium'
import { readDocuments } from './bench/read-documents'
import { loadSystemDictionary } from './bench/system-dictionary'

const { values } = parseArgs({
  options: {
    input: { type: 'string' },
    k: { type: 'string' },
    seed: { type: 'string', default: '0' },
    dims: { type: 'string' },
    'no-translate': { type: 'boolean', default: false },
    'no-dictionary': { type: 'boolean', default: false },
  },
})

const log = (message: string) => process.stderr.write(message + '\n')

function integer(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < min) {
    log(`--${name} must be an integer ≥ ${min}`)
    process.exit(2)
  }
  return n
}

async function main() {
  if (!values.input) {
    log('usage: npm run --silent cluster -- --input <file.jsonl|file.csv> [--k N] [--seed S]')
    process.exit(2)
  }
  const k = integer('k', values.k, 1)
  const seed = integer('seed', values.seed, 0)!
  const dims = integer('dims', values.dims, 0)
  const started = performance.now()
  const rows = readDocuments(values.input)
  log(`read ${rows.length} documents from ${values.input}`)
  const docs: InputDocument[] = rows.map((r) => ({ id: r.id, text: r.text, lang: r.lang ?? guessLanguage(r.text) }))

  if (!values['no-translate'] && isApertiumAvailable('spa-eng')) {
    const spanish = docs.filter((d) => d.lang === 'es')
    const english = docs.filter((d) => d.lang !== 'es')
    if (spanish.length > 0) {
      log(`translating ${spanish.length} Spanish documents with Apertium (spa-eng)…`)
      const toEnglish = await translate(spanish.map((d) => d.text), 'spa-eng')
      spanish.forEach((d, i) => (d.translation = toEnglish[i]))
      // In a mixed set every document carries both languages (decision 012).
      if (english.length > 0 && isApertiumAvailable('eng-spa')) {
        log(`translating ${english.length} English documents with Apertium (eng-spa)…`)
        const toSpanish = await translate(english.map((d) => d.text), 'eng-spa')
        english.forEach((d, i) => (d.translation = toSpanish[i]))
      }
    }
  } else log('Apertium not used: Spanish is matched through the lexicon, word list and cognates')
  const dictionary = values['no-dictionary'] ? undefined : (loadSystemDictionary() ?? undefined)
  if (dictionary) log(`word list: ${dictionary.name} (${Object.keys(dictionary.entries).length} entries)`)

  // A helper thread when a core is idle (same output either way).
  const runner = createThreadRunner()
  const result = clusterDocuments(docs, {
    seed,
    runner,
    k,
    dims,
    dictionary,
    onProgress: (p) => log(`  ${p.stage}${p.total > 1 ? ` ${p.done}/${p.total}` : ''}`),
  })
  await runner.close()
  process.stdout.write(result.assignments.map((a) => JSON.stringify({ id: a.id, cluster: a.cluster })).join('\n') + (docs.length ? '\n' : ''))

  log(`\n${result.k} clusters, ${result.unclustered} unclustered, ${((performance.now() - started) / 1000).toFixed(1)} s`)
  if (result.kScores) log(`k chosen by silhouette: ${result.kScores.map((s) => `${s.k}:${s.silhouette.toFixed(3)}`).join(' ')}`)
  for (const c of result.clusters) {
    const terms = [c.keyTerms.en.slice(0, 8).join(', '), c.keyTerms.es.slice(0, 6).join(', ')].filter(Boolean).join(' | ')
    log(`  #${c.id} (${c.size}; en ${c.languageMix.en}, es ${c.languageMix.es}): ${terms}`)
  }
}

main().catch((error) => {
  log(error instanceof Error ? error.message : String(error))
  process.exit(1)
})
