import { z } from 'zod'
import { IncidentMonthSchema } from './submission'
import { AGENCIES, AREA_CODES, BUREAUS, LANGUAGES, SETTINGS, type Bureau } from './reference'

// Theme reports, their comments and the guidance loop: one schema per shape,
// shared by forms and procedures. Messages are translation keys ("errors.*").

export const REPORT_MAX_MONTHS = 60
export const COMMENT_MAX = 4000
export const PUBLIC_SUMMARY_MAX = 2000

const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1

const optionalChoice = <T extends string>(values: readonly T[]) =>
  z
    .enum(values as [T, ...T[]], { error: 'errors.choose' })
    .optional()
    .or(z.literal('').transform(() => undefined))

/** A kind of organization as stored (`community`, `labor`, …). */
export const OrganizationKindSchema = z.string().trim().regex(/^[a-z][a-z0-9-]{0,39}$/, 'errors.choose')

export const ReportFiltersSchema = z.object({
  bureau: optionalChoice(Object.keys(BUREAUS) as [Bureau, ...Bureau[]]),
  area: optionalChoice(AREA_CODES),
  setting: optionalChoice(SETTINGS),
  agency: optionalChoice(AGENCIES),
  language: optionalChoice(LANGUAGES),
  organizationKind: OrganizationKindSchema.optional().or(z.literal('').transform(() => undefined)),
})
export type ReportFiltersInput = z.infer<typeof ReportFiltersSchema>

const periodFields = {
  title: z.string({ error: 'errors.required' }).trim().min(3, 'errors.tooShort').max(200, 'errors.tooLong'),
  periodStart: IncidentMonthSchema,
  periodEnd: IncidentMonthSchema,
}

function checkPeriod(value: { periodStart: string; periodEnd: string }, ctx: z.RefinementCtx) {
  const span = monthIndex(value.periodEnd) - monthIndex(value.periodStart)
  if (span < 0) ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'errors.periodOrder' })
  else if (span >= REPORT_MAX_MONTHS) ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'errors.periodTooLong' })
}

export const ReportCreateSchema = z.object(periodFields).superRefine(checkPeriod)
export type ReportCreateInput = z.infer<typeof ReportCreateSchema>

/** The builder's settings form: title, period and filters. */
export const ReportUpdateSchema = z
  .object({ id: z.uuid(), ...periodFields, ...ReportFiltersSchema.shape })
  .superRefine(checkPeriod)
export type ReportUpdateInput = z.infer<typeof ReportUpdateSchema>

export const ReportIdSchema = z.object({ id: z.uuid() })

export const ReportThemeSchema = z.object({ id: z.uuid(), themeId: z.uuid({ error: 'errors.chooseReportTheme' }) })

/** Issue 12 §4: a facilitator reviewed a flagged quote of a theme for re-identification, for this report. */
export const ReportQuoteReviewSchema = z.object({ id: z.uuid(), themeId: z.uuid(), submissionId: z.uuid() })

export const ReportMoveThemeSchema = ReportThemeSchema.extend({ direction: z.enum(['up', 'down']) })

const publicSummary = z.string().trim().max(PUBLIC_SUMMARY_MAX, 'errors.tooLong').default('')
export const ReportThemeSummarySchema = ReportThemeSchema.extend({ publicSummaryEn: publicSummary, publicSummaryEs: publicSummary })

/** A version to read: a published one, or 0 for the current draft; absent means the latest published (or the draft). */
export const ReportViewSchema = z.object({ id: z.uuid(), version: z.number().int().min(0).max(100_000).optional() })

export const ReportExportSchema = z.object({
  id: z.uuid(),
  version: z.number().int().min(1).max(100_000),
  locale: z.enum(['en', 'es']).default('en'),
})

const commentBody = z.string({ error: 'errors.required' }).trim().min(1, 'errors.required').max(COMMENT_MAX, 'errors.tooLong')
export const ReportCommentSchema = z.object({ id: z.uuid(), themeId: z.uuid(), version: z.number().int().min(0).max(100_000).default(0), body: commentBody })
export const ReportReplySchema = z.object({ commentId: z.uuid(), body: commentBody })

export const GUIDANCE_STATUSES = ['proposed', 'adopted', 'published'] as const
export type GuidanceStatusCode = (typeof GUIDANCE_STATUSES)[number]

const DateSchema = z
  .string({ error: 'errors.date' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'errors.date')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'errors.date')

export const GuidanceInputSchema = z.object({
  textEn: z.string({ error: 'errors.required' }).trim().min(10, 'errors.tooShort').max(4000, 'errors.tooLong'),
  textEs: z.string().trim().max(4000, 'errors.tooLong').default(''),
  status: z.enum(GUIDANCE_STATUSES, { error: 'errors.choose' }),
  decidedOn: DateSchema,
  themeIds: z.array(z.uuid({ error: 'errors.chooseTheme' }), { error: 'errors.chooseTheme' }).min(1, 'errors.chooseTheme').max(50),
})
export type GuidanceInput = z.infer<typeof GuidanceInputSchema>
export const GuidanceUpdateSchema = GuidanceInputSchema.extend({ id: z.uuid() })
export const GuidanceIdSchema = z.object({ id: z.uuid() })

/** The dimensions a theme is broken down by, in the order reports show them. */
export const REPORT_DIMENSIONS = ['trend', 'bureaus', 'areas', 'settings', 'agencies', 'organizationKinds'] as const
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number]

type Translate = (key: string, options?: Record<string, unknown>) => string

/** The label of one category of a breakdown, in the reader's language. */
export function cellLabel(t: Translate, dimension: ReportDimension, key: string): string {
  if (key === 'not-given') return t('common.notGiven')
  switch (dimension) {
    case 'trend':
      return key
    case 'bureaus':
      return key in BUREAUS ? t(`bureau.${key}`) : t(`area.${key}`)
    case 'areas':
      return t(`area.${key}`)
    case 'settings':
      return t(`setting.${key}`)
    case 'agencies':
      return t(`agency.${key}`)
    case 'organizationKinds':
      return key === 'none' ? t('reports.noOrganization') : t(`orgKind.${key}`, { defaultValue: key })
  }
}

/** A figure as words: the count, "fewer than 5", or "withheld". */
export function figureText(t: Translate, figure: { n: number } | { lt: number } | { withheld: true }, locale?: string): string {
  if ('n' in figure) return locale ? figure.n.toLocaleString(locale) : String(figure.n)
  if ('lt' in figure) return t('figure.fewer', { n: figure.lt })
  return t('figure.withheld')
}
