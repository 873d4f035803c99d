import { z } from 'zod'

// The codebook: hierarchical tags with English and Spanish names and descriptions, a colour.
// Messages are translation keys ("errors.*").

export const TAG_NAME_MAX = 80
export const TAG_DESCRIPTION_MAX = 500
export const DEFAULT_TAG_COLOR = '#5b6b7f'

const name = z.string({ error: 'errors.required' }).trim().min(1, 'errors.required').max(TAG_NAME_MAX, 'errors.tooLong')
const description = z
  .string()
  .trim()
  .max(TAG_DESCRIPTION_MAX, 'errors.tooLong')
  .optional()
  .transform((v) => v ?? '')

export const TagColorSchema = z
  .string({ error: 'errors.color' })
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'errors.color')
  .transform((v) => v.toLowerCase())

export const TagIdSchema = z.object({ id: z.uuid() })

export const TagCreateSchema = z.object({
  nameEn: name,
  nameEs: name,
  descriptionEn: description,
  descriptionEs: description,
  color: TagColorSchema.default(DEFAULT_TAG_COLOR),
  /** Empty: a top-level tag. */
  parentId: z.uuid({ error: 'errors.choose' }).optional(),
})
export type TagCreateInput = z.infer<typeof TagCreateSchema>

/** Rename, describe, recolour; the slug (a stable identifier) never changes. */
export const TagUpdateSchema = TagIdSchema.extend({
  nameEn: name,
  nameEs: name,
  descriptionEn: description,
  descriptionEs: description,
  color: TagColorSchema,
})
export type TagUpdateInput = z.infer<typeof TagUpdateSchema>

export const TagMoveSchema = TagIdSchema.extend({
  /** Empty: move to the top level. */
  parentId: z.uuid({ error: 'errors.choose' }).optional(),
})
export type TagMoveInput = z.infer<typeof TagMoveSchema>

/** Merge `id` into `intoId`: its taggings move, duplicates collapse, and it is retired. */
export const TagMergeSchema = TagIdSchema.extend({
  intoId: z.uuid({ error: 'errors.chooseTag' }),
})
export type TagMergeInput = z.infer<typeof TagMergeSchema>
