import { z } from 'zod'
import './messages'
import { AGENCIES, AREA_CODES, BUREAUS, SETTINGS, SUBMISSION_STATUSES, type Bureau } from './reference'
import { storableString } from './text'

// One schema per shape: the form, the procedure and the CSV import all use these.
// Messages are translation keys ("errors.*").

export const TESTIMONY_MAX = 10_000

const optionalText = (max: number) =>
  storableString()
    .trim()
    .max(max, 'errors.tooLong')
    .optional()
    .transform((v) => (v ? v : undefined))

/** The earliest month accepted anywhere (incidents, report periods, samples). */
export const EARLIEST_MONTH = '2000-01'

export const IncidentMonthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'errors.month')
  .refine((v) => v >= EARLIEST_MONTH, 'errors.monthTooEarly')

/** The current month where the incidents happen (the server may run in UTC): "YYYY-MM". */
export function currentMonthInLosAngeles(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Los_Angeles', year: 'numeric', month: '2-digit' }).formatToParts(now)
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`
}

/** An incident has happened: no later than this month in Los Angeles. */
const PastIncidentMonthSchema = IncidentMonthSchema.refine((v) => v <= currentMonthInLosAngeles(), 'errors.monthFuture')

export const SubmissionInputSchema = z.object({
  text: storableString({ error: 'errors.required' })
    .trim()
    .min(1, 'errors.required')
    .max(TESTIMONY_MAX, 'errors.tooLong'),
  incidentMonth: PastIncidentMonthSchema.optional(),
  area: z.enum(AREA_CODES, { error: 'errors.choose' }).optional(),
  setting: z.enum(SETTINGS, { error: 'errors.choose' }).optional(),
  agencies: z.array(z.enum(AGENCIES, { error: 'errors.choose' })).max(AGENCIES.length).default([]),
  cityResponse: optionalText(2000),
  guidanceWanted: optionalText(2000),
  consentQuote: z.boolean().default(false),
  consentContact: z.boolean().default(false),
})
export type SubmissionInput = z.infer<typeof SubmissionInputSchema>

export const SubmissionIdSchema = z.object({ id: z.uuid() })
export const ReceiptSchema = z.object({ code: z.string().trim().toUpperCase().regex(/^[0-9A-Z]{3}-[0-9A-Z]{3}-[0-9A-Z]{3}$/, 'errors.receipt') })

/** Filters of the submissions list; they live in the page URL so a view can be shared. */
export const SubmissionListSchema = z.object({
  q: z.string().trim().max(200, 'errors.tooLong').optional(),
  status: z.enum(SUBMISSION_STATUSES).optional(),
  language: z.enum(['en', 'es', 'other']).optional(),
  area: z.enum(AREA_CODES).optional(),
  bureau: z.enum(Object.keys(BUREAUS) as [Bureau, ...Bureau[]]).optional(),
  setting: z.enum(SETTINGS).optional(),
  agency: z.enum(AGENCIES).optional(),
  organizationId: z.uuid().optional(),
  monthFrom: IncidentMonthSchema.optional(),
  monthTo: IncidentMonthSchema.optional(),
  tagId: z.uuid().optional(),
  untagged: z.boolean().optional(),
  /** Members of a clustering run, or of one of its clusters (-1 = unclustered). */
  runId: z.uuid().optional(),
  cluster: z.number().int().min(-1).max(1000).optional(),
  themeId: z.uuid().optional(),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(5).max(100).default(25),
})
export type SubmissionListInput = z.infer<typeof SubmissionListSchema>

/** The same filters without paging: what the facet counts are computed over. */
export const SubmissionFilterSchema = SubmissionListSchema.omit({ page: true, pageSize: true })
export type SubmissionFilterInput = z.infer<typeof SubmissionFilterSchema>
