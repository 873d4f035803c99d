import type { Db } from '../../db/client'
import { isApertiumAvailable, protectingPlaceholders, translate } from '../lib/apertium'
import { translatePending, type Translator } from '../services/translation'
import { startPeriodicJob } from './periodic'

export const TRANSLATION_INTERVAL_MS = 15_000

const apertium: Translator = (texts, pair) => translate(texts, pair)

/**
 * When Debian's Apertium is installed, translates new testimony in the
 * background every few seconds (and whatever an import or a restart left),
 * so intake never waits on it. Without Apertium it does nothing. Redaction
 * placeholders are protected from the translator, whichever it is.
 * Returns a function that stops the timer.
 */
export function startTranslationJob(db: Db, options: { intervalMs?: number; translator?: Translator; log?: (message: string) => void } = {}) {
  const chosen = options.translator ?? (isApertiumAvailable('spa-eng') && isApertiumAvailable('eng-spa') ? apertium : null)
  if (!chosen) return () => {}
  // Whatever translates, placeholders come back as they went in ("[A-NUMBER]", never "[To-NUMBER]").
  const translator: Translator = protectingPlaceholders(chosen)
  const log = options.log ?? ((message: string) => console.log(message))
  return startPeriodicJob('machine translation', options.intervalMs ?? TRANSLATION_INTERVAL_MS, async () => {
    let total = 0
    for (let batch = await translatePending(db, translator); batch > 0; batch = await translatePending(db, translator)) total += batch
    if (total > 0) log(`[voces] translation: ${total} submission${total === 1 ? '' : 's'} machine-translated`)
  })
}
