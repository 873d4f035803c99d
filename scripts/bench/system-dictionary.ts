/**
 * Loads the FreeDict Spanish→English word list from Debian's dict-freedict-spa-eng when it is
 * installed (GPL-2+; read at run time, never copied into the project). Null otherwise.
 */
import { existsSync, readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { parseDictdDictionary, type BilingualDictionary } from '../../server/analysis/bilingual'

const BASE = '/usr/share/dictd/freedict-spa-eng'

export function loadSystemDictionary(base = BASE): BilingualDictionary | null {
  if (!existsSync(`${base}.index`) || !existsSync(`${base}.dict.dz`)) return null
  const index = readFileSync(`${base}.index`, 'utf8')
  const dict = gunzipSync(readFileSync(`${base}.dict.dz`)).toString('utf8')
  return parseDictdDictionary('freedict-spa-eng', index, dict)
}
