import { z } from 'zod'

// Tagging a submission: the whole of it, or a passage of its redacted text.
// Messages are translation keys ("errors.*").

export const QUOTE_MAX = 2000
export const BULK_TAG_MAX = 100

const offset = z.coerce.number({ error: 'errors.spanInvalid' }).int('errors.spanInvalid').min(0, 'errors.spanInvalid').max(1_000_000, 'errors.spanInvalid')

/**
 * A passage is given by its offsets in the redacted text (the page sets them from a
 * selection), by its words (`quote`, which the server finds in the text), or both: the
 * offsets win when the text there matches the quote.
 */
export const TaggingAddSchema = z.object({
  submissionId: z.uuid(),
  tagId: z.uuid({ error: 'errors.chooseTag' }),
  quote: z.string().trim().max(QUOTE_MAX, 'errors.tooLong').optional(),
  spanStart: offset.optional(),
  spanEnd: offset.optional(),
})
export type TaggingAddInput = z.infer<typeof TaggingAddSchema>

export const TaggingIdSchema = z.object({ id: z.uuid() })

export const TaggingBulkSchema = z.object({
  submissionIds: z
    .array(z.uuid({ error: 'errors.chooseSubmissions' }), { error: 'errors.chooseSubmissions' })
    .min(1, 'errors.chooseSubmissions')
    .max(BULK_TAG_MAX, 'errors.tooMany'),
  tagId: z.uuid({ error: 'errors.chooseTag' }),
})
export type TaggingBulkInput = z.infer<typeof TaggingBulkSchema>
