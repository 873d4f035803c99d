/**
 * Offline machine translation through Debian's Apertium (apt-get install apertium-eng-spa;
 * GPL-2, run as a separate process, never linked). Many texts go through one process,
 * separated by sentinel paragraphs that Apertium passes through untouched.
 * Not pure (spawns a process): lives outside server/analysis on purpose.
 */
import { spawn, spawnSync } from 'node:child_process'

export type TranslationPair = 'spa-eng' | 'eng-spa'

let available: Map<TranslationPair, boolean> | null = null

/** True when `apertium` is on PATH and has the pair's mode installed. */
export function isApertiumAvailable(pair: TranslationPair = 'spa-eng'): boolean {
  if (!available) {
    available = new Map()
    const listed = spawnSync('apertium', ['-l'], { encoding: 'utf8', timeout: 10_000 })
    const modes = listed.error || listed.status !== 0 ? [] : listed.stdout.split(/\s+/)
    for (const p of ['spa-eng', 'eng-spa'] as const) available.set(p, modes.includes(p))
  }
  return available.get(pair) ?? false
}

const sentinel = (i: number) => `⟦VQX${i}⟧`
const SENTINEL = /\s*⟦VQX(\d+)⟧\s*/g

function run(input: string, pair: TranslationPair): Promise<string> {
  return new Promise((resolve, reject) => {
    // apertium reopens /dev/stdin, which fails on the socket Node gives a child as stdin;
    // `cat |` hands it a real pipe.
    const child = spawn('sh', ['-c', 'cat | apertium -u "$0"', pair], { stdio: ['pipe', 'pipe', 'pipe'] })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (b: Buffer) => out.push(b))
    child.stderr.on('data', (b: Buffer) => err.push(b))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'))
      else reject(new Error(`apertium ${pair} exited with ${code}: ${Buffer.concat(err).toString('utf8').slice(0, 500)}`))
    })
    child.stdin.on('error', reject)
    child.stdin.end(input, 'utf8')
  })
}

/**
 * Translates each text (same order, same length). Texts are sent in batches of `batchSize`
 * per process; if a batch's sentinels do not come back intact, its texts are translated one
 * by one instead.
 */
export async function translate(texts: readonly string[], pair: TranslationPair, batchSize = 2000): Promise<string[]> {
  const result: string[] = new Array(texts.length)
  for (let start = 0; start < texts.length; start += batchSize) {
    const batch = texts.slice(start, start + batchSize).map((t) => t.replace(/[⟦⟧]/g, ' ').trim())
    const input = batch.map((t, i) => `${t}\n\n${sentinel(i)}\n\n`).join('')
    const output = await run(input, pair)
    const parts: string[] = []
    let last = 0
    let expected = 0
    let intact = true
    for (const m of output.matchAll(SENTINEL)) {
      if (Number(m[1]) !== expected) {
        intact = false
        break
      }
      parts.push(output.slice(last, m.index).trim())
      last = m.index! + m[0].length
      expected++
    }
    if (intact && parts.length === batch.length) parts.forEach((p, i) => (result[start + i] = p))
    else for (let i = 0; i < batch.length; i++) result[start + i] = (await run(batch[i], pair)).trim()
  }
  return result
}
