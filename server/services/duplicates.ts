import { sql, type Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import { findNearDuplicates, lshKeys, minhash } from '../analysis/dedupe'

/** Jaccard similarity of word shingles at or above which a new submission is flagged for moderation. */
export const DUPLICATE_THRESHOLD = 0.8

/**
 * MinHash size and LSH bands of the stored signatures: 16 bands of 4 hashes.
 * Two texts with word-shingle Jaccard similarity J share a key with
 * probability 1 − (1 − J⁴)¹⁶: 0.9998 at the 0.8 threshold, 0.988 at 0.7; each
 * candidate is then checked exactly. Each key is also key b of the 32-band,
 * 128-hash signatures stored before (same salts, 4 hashes a band), so old and
 * new rows still find each other. Half the keys of those: an import of 50,000
 * rows writes 800,000 GIN entries rather than 1.6 million (about 5 s on PGlite).
 */
const SIGNATURE = { numHashes: 64, bands: 16 }

/** The MinHash LSH keys stored for a submission (submission_signatures): from its redacted text only. */
export function signatureKeys(redactedText: string): string[] {
  return lshKeys(minhash(redactedText, { numHashes: SIGNATURE.numHashes }), SIGNATURE.bands)
}

/**
 * Stores the MinHash LSH keys of a new submission's redacted text and, when an
 * earlier submission sharing a key is at least DUPLICATE_THRESHOLD similar,
 * flags the new one for the moderation queue, pointing at the most similar.
 * Only redacted text is compared: the original is never decrypted for this.
 */
export async function indexAndFlagDuplicates(trx: Transaction<Database>, submissionId: string, redactedText: string, now: Date) {
  const keys = signatureKeys(redactedText)
  const candidates = await trx
    .selectFrom('submission_signatures as sig')
    .innerJoin('submissions as s', 's.id', 'sig.submission_id')
    .select(['s.id', 's.text_redacted'])
    .where(sql<boolean>`sig.lsh_keys && ${keys}::text[]`)
    .where('s.id', '!=', submissionId)
    .where('s.status', 'not in', ['withdrawn', 'merged'])
    .where('s.text_redacted', 'is not', null)
    .limit(200)
    .execute()
  await trx.insertInto('submission_signatures').values({ submission_id: submissionId, lsh_keys: keys }).execute()
  const [best] = findNearDuplicates(
    redactedText,
    candidates.map((c) => ({ id: c.id, text: c.text_redacted ?? '' })),
    DUPLICATE_THRESHOLD,
  )
  if (!best) return null
  await trx
    .updateTable('submissions')
    .set({ duplicate_of_id: best.id, duplicate_similarity: best.similarity, flagged_at: now })
    .where('id', '=', submissionId)
    .execute()
  return best
}
