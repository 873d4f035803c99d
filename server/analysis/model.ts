/**
 * A clustering run's model, as JSON the app can store and later use to place new
 * submissions in the run's clusters (assignToClusters) without clustering again.
 */
import { z } from 'zod'

export const MODEL_VERSION = 1

export const ClusterModelSchema = z.object({
  version: z.literal(MODEL_VERSION),
  lexiconVersion: z.number().int(),
  analyzer: z.object({
    bigrams: z.boolean(),
    concepts: z.boolean(),
    pivotSpanish: z.boolean(),
    /** Name of the bilingual word list used, if any; pass the same one to assignToClusters. */
    dictionary: z.string().nullable(),
  }),
  /** Feature strings, sorted; position = feature id. */
  terms: z.array(z.string()),
  idf: z.array(z.number()),
  /**
   * Unit-length cluster centres in TF-IDF space (one weight per term), in cluster-id order,
   * each as little-endian float32, base64.
   */
  centroids: z.array(z.string()),
  /** Documents no more similar than this to every centre are left unclustered (-1). */
  minSimilarity: z.number(),
})

export type ClusterModel = z.infer<typeof ClusterModelSchema>

export function encodeFloats(values: Float64Array): string {
  const f32 = Float32Array.from(values)
  return Buffer.from(f32.buffer, f32.byteOffset, f32.byteLength).toString('base64')
}

export function decodeFloats(encoded: string): Float64Array {
  const bytes = Buffer.from(encoded, 'base64')
  const copy = new Uint8Array(bytes.length)
  copy.set(bytes)
  return Float64Array.from(new Float32Array(copy.buffer, 0, Math.floor(bytes.length / 4)))
}
