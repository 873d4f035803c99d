import { z } from 'zod'
import './messages'

export const HIDE_REASONS = ['spam', 'abuse', 'off-topic', 'duplicate'] as const
export type HideReasonCode = (typeof HIDE_REASONS)[number]

export const ModerationIdSchema = z.object({ id: z.uuid() })

export const ModerationHideSchema = z.object({
  id: z.uuid(),
  reason: z.enum(HIDE_REASONS, { error: 'errors.choose' }),
})

/** Merge a duplicate into the submission that is kept, named by its receipt code. */
export const ModerationMergeSchema = z.object({
  id: z.uuid(),
  intoCode: z
    .string({ error: 'errors.required' })
    .trim()
    .toUpperCase()
    .regex(/^[0-9A-Z]{3}-[0-9A-Z]{3}-[0-9A-Z]{3}$/, 'errors.receipt'),
})

export const ModerationQueueSchema = z.object({
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(5).max(100).default(25),
})
