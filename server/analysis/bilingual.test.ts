import { describe, expect, it } from 'vitest'
import { parseDictdDictionary } from './bilingual'

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const enc = (n: number) => {
  let s = ''
  do {
    s = B64[n % 64] + s
    n = Math.floor(n / 64)
  } while (n > 0)
  return s
}

describe('parseDictdDictionary', () => {
  it('reads single-word entries, first gloss, folded headword', () => {
    const entries = ['niño /ˈniɲo/\nboy, child\n', 'a bordo /a ˈβoɾðo/\naboard\n', 'perro /ˈpero/\ndog; hound\n']
    let dict = ''
    const index: string[] = ['00databaseinfo\tA\tB']
    for (const e of entries) {
      const offset = Buffer.byteLength(dict, 'utf8')
      dict += e
      index.push(`${e.split(' /')[0]}\t${enc(offset)}\t${enc(Buffer.byteLength(e, 'utf8'))}`)
    }
    const parsed = parseDictdDictionary('test', index.join('\n'), dict)
    expect(parsed.entries).toEqual({ nino: 'boy', perro: 'dog' })
  })
})
