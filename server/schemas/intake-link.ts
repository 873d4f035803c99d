import { z } from 'zod'
import './messages'
import { SubmissionInputSchema } from './submission'
import { storableString } from './text'

// Intake links: created by facilitators for one listening session or campaign.
// Messages are translation keys ("errors.*").

export const INTAKE_LINK_MAX_DAYS = 90

export const IntakeLinkCreateSchema = z.object({
  name: storableString({ error: 'errors.required' }).trim().min(3, 'errors.tooShort').max(120, 'errors.tooLong'),
  organizationId: z.uuid({ error: 'errors.choose' }).optional(),
  expiresInDays: z.coerce
    .number({ error: 'errors.days' })
    .int('errors.days')
    .min(1, 'errors.days')
    .max(INTAKE_LINK_MAX_DAYS, 'errors.days')
    .default(14),
  maxSubmissions: z.coerce.number({ error: 'errors.cap' }).int('errors.cap').min(1, 'errors.cap').max(100_000, 'errors.cap').optional(),
})
export type IntakeLinkCreateInput = z.infer<typeof IntakeLinkCreateSchema>

export const IntakeLinkIdSchema = z.object({ id: z.uuid() })

export const IntakeTokenSchema = z.object({ token: z.string().min(20).max(100) })

/**
 * The public form: exactly the member form's fields, plus the link token and a
 * honeypot (`website`) that people never see. A filled honeypot is accepted by
 * the schema on purpose: the service pretends success and stores nothing.
 */
export const IntakeSubmitSchema = SubmissionInputSchema.extend({
  token: IntakeTokenSchema.shape.token,
  website: z.string().max(500).optional(),
})
export type IntakeSubmitInput = z.infer<typeof IntakeSubmitSchema>

export const INTAKE_LINK_STATES = ['open', 'expired', 'closed', 'full'] as const
export type IntakeLinkState = (typeof INTAKE_LINK_STATES)[number]
