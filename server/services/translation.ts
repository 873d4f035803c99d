import { sql } from 'kysely'
import type { Db } from '../../db/client'

/** Translates many texts in order; Apertium in production, a fake in tests. */
export type Translator = (texts: string[], pair: 'spa-eng' | 'eng-spa') => Promise<string[]>

/**
 * Machine-translates redacted testimony that has none yet: Spanish → English
 * (for the analysis engine and English readers) and English → Spanish (for
 * Spanish readers). Works from the redacted text only, so a translation never
 * holds what redaction removed. Returns how many submissions got a translation.
 *
 * Safe to run again or in two processes: a row is only written while its
 * translation is still empty and its text is unchanged (not withdrawn meanwhile).
 */
export async function translatePending(db: Db, translate: Translator, options: { limit?: number } = {}): Promise<number> {
  const limit = options.limit ?? 200
  let done = 0
  for (const [language, column, pair] of [
    ['es', 'translation_en', 'spa-eng'],
    ['en', 'translation_es', 'eng-spa'],
  ] as const) {
    const rows = await db
      .selectFrom('submissions')
      .select(['id', 'text_redacted'])
      .where('language', '=', language)
      .where(column, 'is', null)
      .where('text_redacted', 'is not', null)
      .where('status', '<>', 'withdrawn')
      .orderBy('created_at')
      .limit(limit)
      .execute()
    if (rows.length === 0) continue
    const translations = await translate(
      rows.map((r) => r.text_redacted!),
      pair,
    )
    await db.transaction().execute(async (trx) => {
      for (const [i, row] of rows.entries()) {
        const text = translations[i]?.trim()
        if (!text) continue
        const updated = await trx
          .updateTable('submissions')
          .set({ [column]: text, updated_at: sql`now()` })
          .where('id', '=', row.id)
          .where(column, 'is', null)
          .where('text_redacted', '=', row.text_redacted)
          .executeTakeFirst()
        done += Number(updated.numUpdatedRows)
      }
    })
  }
  return done
}
