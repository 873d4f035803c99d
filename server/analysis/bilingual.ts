/**
 * General Spanish→English word list, used (with the concept lexicon and cognate rules) to
 * place Spanish text in the English feature space when no machine translation is given.
 * The data is not shipped: the caller reads it from a system package (FreeDict spa-eng,
 * GPL-2+, Debian `dict-freedict-spa-eng`) and hands the text to parseDictdDictionary.
 */
import { foldWord } from './fold'

/** Folded Spanish headword → English gloss (first sense, as written). */
export type BilingualDictionary = { name: string; entries: Record<string, string> }

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
function decodeDictdNumber(s: string): number {
  let n = 0
  for (const ch of s) n = n * 64 + B64.indexOf(ch)
  return n
}

/**
 * Parses a dictd database (the .index file and the decompressed .dict text) into single-word
 * entries. Entries look like "headword /ipa/\nfirst gloss, second gloss\n".
 */
export function parseDictdDictionary(name: string, index: string, dict: string): BilingualDictionary {
  const bytes = Buffer.from(dict, 'utf8')
  const entries: Record<string, string> = {}
  for (const line of index.split('\n')) {
    const [head, off, len] = line.split('\t')
    if (!head || !off || !len || head.startsWith('00database') || head.includes(' ')) continue
    const body = bytes.subarray(decodeDictdNumber(off), decodeDictdNumber(off) + decodeDictdNumber(len)).toString('utf8')
    const lines = body.split('\n').map((l) => l.trim()).filter(Boolean)
    const gloss = lines.slice(1).join(', ').split(/[,;]/)[0]?.trim()
    if (!gloss) continue
    const key = foldWord(head)
    if (!(key in entries)) entries[key] = gloss.toLowerCase()
  }
  return { name, entries }
}
