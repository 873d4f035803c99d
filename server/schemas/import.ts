import { z } from 'zod'
import './messages'

// Shapes of the CSV import. CSV rows themselves are validated with
// SubmissionInputSchema (server/schemas/submission.ts) after column mapping.

export const IMPORT_MAX_BYTES = 20 * 1024 * 1024
export const IMPORT_MAX_ROWS = 100_000

const columnIndex = z.coerce.number().int().min(0).max(500)

/** Field → column index; a field left out is not in the file. */
export const ColumnMappingSchema = z
  .object({
    text: columnIndex.optional(),
    incidentMonth: columnIndex.optional(),
    area: columnIndex.optional(),
    setting: columnIndex.optional(),
    agencies: columnIndex.optional(),
    cityResponse: columnIndex.optional(),
    guidanceWanted: columnIndex.optional(),
    consentQuote: columnIndex.optional(),
    consentContact: columnIndex.optional(),
  })
  .strict()

export const ImportUploadSchema = z.object({
  fileName: z.string().trim().min(1, 'errors.importFile').max(255, 'errors.tooLong'),
  content: z.instanceof(Uint8Array, { error: 'errors.importFile' }).refine((b) => b.length <= IMPORT_MAX_BYTES, 'errors.importTooLarge'),
  /** Facilitators choose the organization; for submitters it is always their own. */
  organizationId: z.uuid({ error: 'errors.organizationRequired' }).optional(),
})
export type ImportUploadInput = z.infer<typeof ImportUploadSchema>

export const ImportIdSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'errors.notFound') })

export const ImportPreviewSchema = ImportIdSchema.extend({
  /** Absent: guessed from the header names. */
  mapping: ColumnMappingSchema.optional(),
})
export type ImportPreviewInput = z.infer<typeof ImportPreviewSchema>

export const ImportCommitSchema = ImportIdSchema.extend({
  mapping: ColumnMappingSchema,
  /** Store the valid rows and leave out the rows with errors (still one transaction). */
  skipInvalid: z.boolean().default(false),
})
export type ImportCommitInput = z.infer<typeof ImportCommitSchema>

export const ImportErrorRowsSchema = ImportIdSchema.extend({
  mapping: ColumnMappingSchema,
  /** The language of the error column. */
  locale: z.enum(['en', 'es']).default('en'),
})
export type ImportErrorRowsInput = z.infer<typeof ImportErrorRowsSchema>

const MAPPING_FIELDS = Object.keys(ColumnMappingSchema.shape) as (keyof z.infer<typeof ColumnMappingSchema>)[]

/**
 * The mapping a form or URL carries as `map.<field>=<column index>` (empty: not
 * in the file). Without `mapped=1` there is none yet and the server guesses.
 */
export function mappingFromEntries(source: { get(name: string): unknown }): z.infer<typeof ColumnMappingSchema> | undefined {
  if (source.get('mapped') !== '1') return undefined
  const raw: Record<string, string> = {}
  for (const field of MAPPING_FIELDS) {
    const value = source.get(`map.${field}`)
    if (typeof value === 'string' && value !== '') raw[field] = value
  }
  const parsed = ColumnMappingSchema.safeParse(raw)
  return parsed.success ? parsed.data : {}
}

/** The inverse of mappingFromEntries, for links and hidden fields. */
export function mappingToEntries(mapping: z.infer<typeof ColumnMappingSchema>): [string, string][] {
  return [['mapped', '1'], ...MAPPING_FIELDS.map((f): [string, string] => [`map.${f}`, mapping[f] === undefined ? '' : String(mapping[f])])]
}
