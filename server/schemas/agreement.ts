import { z } from 'zod'
import { AREA_CODES, SETTINGS } from './reference'
import { IncidentMonthSchema } from './submission'

// Double coding for inter-coder agreement. Messages are translation keys ("errors.*").

export const SAMPLE_MIN = 2
export const SAMPLE_MAX = 200

export const SampleCreateSchema = z
  .object({
    name: z.string({ error: 'errors.required' }).trim().min(3, 'errors.tooShort').max(120, 'errors.tooLong'),
    size: z.coerce.number({ error: 'errors.sampleSize' }).int('errors.sampleSize').min(SAMPLE_MIN, 'errors.sampleSize').max(SAMPLE_MAX, 'errors.sampleSize'),
    coderA: z.uuid({ error: 'errors.chooseCoder' }),
    coderB: z.uuid({ error: 'errors.chooseCoder' }),
    /** Empty: one is drawn and stored, so the sample can be drawn again. */
    seed: z.coerce.number({ error: 'errors.seed' }).int('errors.seed').min(0, 'errors.seed').max(2_147_483_647, 'errors.seed').optional(),
    // Optional filter: which submissions the sample is drawn from (accepted ones only).
    q: z.string().trim().max(200, 'errors.tooLong').optional(),
    language: z.enum(['en', 'es', 'other'], { error: 'errors.choose' }).optional(),
    area: z.enum(AREA_CODES, { error: 'errors.choose' }).optional(),
    setting: z.enum(SETTINGS, { error: 'errors.choose' }).optional(),
    tagId: z.uuid({ error: 'errors.choose' }).optional(),
    monthFrom: IncidentMonthSchema.optional(),
    monthTo: IncidentMonthSchema.optional(),
  })
  .refine((v) => v.coderA !== v.coderB, { message: 'errors.sameCoder', path: ['coderB'] })
export type SampleCreateInput = z.infer<typeof SampleCreateSchema>

export const SampleIdSchema = z.object({ id: z.uuid() })

/** A coder's queue; `position` opens one item (default: the first not yet coded). */
export const CodingQueueSchema = SampleIdSchema.extend({
  position: z.coerce.number().int().min(0).max(SAMPLE_MAX).optional(),
})

export const CodingSaveSchema = z.object({
  sampleId: z.uuid(),
  submissionId: z.uuid(),
  /** No tags is a decision too: the coder saw nothing in the codebook here. */
  tagIds: z.array(z.uuid()).max(50, 'errors.tooMany').default([]),
})
export type CodingSaveInput = z.infer<typeof CodingSaveSchema>
