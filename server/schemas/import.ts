import { z } from 'zod'

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
