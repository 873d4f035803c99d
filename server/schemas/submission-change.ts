import { z } from 'zod'
import './messages'
import { storableString } from './text'
import { ReceiptSchema, SubmissionIdSchema, SubmissionInputSchema } from './submission'

// Changes to a stored submission: a facilitator's audited reveal of the original,
// and a submitter's withdrawal or correction of structured fields.

export const REVEAL_REASON_MIN = 10

export const RevealSchema = SubmissionIdSchema.extend({
  reason: storableString({ error: 'errors.required' }).trim().min(REVEAL_REASON_MIN, 'errors.revealReason').max(500, 'errors.tooLong'),
})
export type RevealInput = z.infer<typeof RevealSchema>

export const WithdrawSchema = ReceiptSchema

/** The structured fields a submitter may correct; the text itself is never edited. */
export const CorrectSchema = ReceiptSchema.extend(
  SubmissionInputSchema.pick({ incidentMonth: true, area: true, setting: true, agencies: true, consentQuote: true, consentContact: true }).shape,
)
export type CorrectInput = z.infer<typeof CorrectSchema>
