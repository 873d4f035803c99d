/**
 * Offline machine translation through Debian's Apertium (apt-get install apertium-eng-spa;
 * GPL-2, run as a separate process, never linked). Many texts go through one process,
 * separated by sentinel paragraphs that Apertium passes through untouched.
 * Not pure (spawns a process): lives outside server/analysis on purpose.
 */
import { spawn, spawnSync } from 'node:child_process'

export type TranslationPair = 'spa-eng' | 'eng-spa'

let modes: Set<string> | null = null

function installedModes(): Set<string> {
  if (!modes) {
    const listed = spawnSync('apertium', ['-l'], { encoding: 'utf8', timeout: 10_000 })
    modes = new Set(listed.error || listed.status !== 0 ? [] : listed.stdout.split(/\s+/).filter(Boolean))
  }
  return modes
}

/** True when `apertium` is on PATH and has the pair's mode installed. */
export function isApertiumAvailable(pair: TranslationPair = 'spa-eng'): boolean {
  return installedModes().has(pair)
}

/**
 * The mode to run: American spelling for English output when installed ("neighbor", not
 * "neighbour"), since the testimony and the English side of every corpus use it.
 */
function modeFor(pair: TranslationPair): string {
  return pair === 'spa-eng' && installedModes().has('spa-eng_US') ? 'spa-eng_US' : pair
}

const sentinel = (i: number) => `⟦VQX${i}⟧`
const SENTINEL = /\s*⟦VQX(\d+)⟧\s*/g

/**
 * Redaction placeholders ([NAME], [A-NUMBER], [IP], and bracketed capitals imported data may carry,
 * such as [PHONE_NUMBER]) are not words: Apertium translated "[A-NUMBER]" to "[To-NUMBER]" and
 * "[ADDRESS]" to "[ALOCUCIÓN]". Each is swapped for a numbered mark that Apertium passes through
 * untouched (as it does the batch sentinels) before translation, and put back after it.
 */
const PLACEHOLDER = /\[\p{Lu}[\p{Lu}\p{N}_ -]*\]/gu
const MARK = /⟦VQP(\d+)⟧/g

export type ProtectedText = { text: string; placeholders: string[] }

export function protectPlaceholders(text: string): ProtectedText {
  const placeholders: string[] = []
  const protectedText = text.replace(PLACEHOLDER, (p) => `⟦VQP${placeholders.push(p) - 1}⟧`)
  return { text: protectedText, placeholders }
}

/** The translation with each mark replaced by its placeholder, or null if any mark was lost or changed. */
export function restorePlaceholders(translated: string, placeholders: readonly string[]): string | null {
  const seen = new Array<boolean>(placeholders.length).fill(false)
  let intact = true
  const out = translated.replace(MARK, (mark, n: string) => {
    const i = Number(n)
    if (i >= placeholders.length || seen[i]) {
      intact = false
      return mark
    }
    seen[i] = true
    return placeholders[i]
  })
  return intact && seen.every(Boolean) ? out : null
}

export type TextTranslator = (texts: string[], pair: TranslationPair) => Promise<string[]>

/**
 * Wraps any translator so that placeholders come back exactly as they went in. A text whose marks
 * do not all come back is translated again on its own; if they still do not, the text is returned
 * untranslated rather than with a placeholder lost or altered.
 */
export function protectingPlaceholders(translator: TextTranslator): TextTranslator {
  return async (texts, pair) => {
    const guarded = texts.map(protectPlaceholders)
    const translated = await translator(
      guarded.map((g) => g.text),
      pair,
    )
    const out: string[] = []
    for (const [i, g] of guarded.entries()) {
      let restored = restorePlaceholders(translated[i] ?? '', g.placeholders)
      if (restored === null) {
        const [again] = await translator([g.text], pair)
        restored = restorePlaceholders(again ?? '', g.placeholders)
      }
      out.push(restored ?? texts[i])
    }
    return out
  }
}

function run(input: string, mode: string): Promise<string> {
  return new Promise((resolve, reject) => {
    // apertium reopens /dev/stdin, which fails on the socket Node gives a child as stdin;
    // `cat |` hands it a real pipe.
    const child = spawn('sh', ['-c', 'cat | apertium -u "$0"', mode], { stdio: ['pipe', 'pipe', 'pipe'] })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (b: Buffer) => out.push(b))
    child.stderr.on('data', (b: Buffer) => err.push(b))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'))
      else reject(new Error(`apertium ${mode} exited with ${code}: ${Buffer.concat(err).toString('utf8').slice(0, 500)}`))
    })
    child.stdin.on('error', reject)
    child.stdin.end(input, 'utf8')
  })
}

/**
 * Translates each text (same order, same length), redaction placeholders unchanged. Texts are
 * sent in batches of `batchSize` per process; if a batch's sentinels do not come back intact,
 * its texts are translated one by one instead.
 */
export async function translate(texts: readonly string[], pair: TranslationPair, batchSize = 2000): Promise<string[]> {
  const cleaned = texts.map((t) => t.replace(/[⟦⟧]/g, ' ').trim())
  return protectingPlaceholders((batch) => translateRaw(batch, pair, batchSize))(cleaned, pair)
}

/** translate() without placeholder protection: texts in batches through Apertium, sentinels checked. */
async function translateRaw(texts: readonly string[], pair: TranslationPair, batchSize: number): Promise<string[]> {
  const result: string[] = new Array(texts.length)
  const mode = modeFor(pair)
  for (let start = 0; start < texts.length; start += batchSize) {
    const batch = texts.slice(start, start + batchSize)
    const input = batch.map((t, i) => `${t}\n\n${sentinel(i)}\n\n`).join('')
    const output = await run(input, mode)
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
    else for (let i = 0; i < batch.length; i++) result[start + i] = (await run(batch[i], mode)).trim()
  }
  return result
}
