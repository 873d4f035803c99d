import { z } from 'zod'

// Themes (issue 5): shaped by facilitators from clusters and tags. Messages are translation keys.

export const THEME_STATUSES = ['active', 'merged', 'archived'] as const
export type ThemeStatus = (typeof THEME_STATUSES)[number]

const page = z.number().int().min(1).max(100_000).default(1)
const optionalTitle = z
  .string()
  .trim()
  .max(200, 'errors.tooLong')
  .optional()
  .transform((v) => (v ? v : undefined))
const submissionIds = z.array(z.uuid(), { error: 'errors.themeChooseMembers' }).min(1, 'errors.themeChooseMembers').max(100, 'errors.themeTooManyMembers')

export const ThemeIdSchema = z.object({ id: z.uuid() })

export const ThemeListSchema = z.object({ status: z.enum([...THEME_STATUSES, 'all']).default('active') })

export const ThemePageSchema = z.object({
  id: z.uuid(),
  page,
  pageSize: z.number().int().min(5).max(100).default(25),
})

export const ThemeFromClusterSchema = z.object({
  runId: z.uuid(),
  cluster: z.number({ error: 'errors.notFound' }).int().min(0).max(10_000),
  title: optionalTitle,
})

export const ThemeFromTagSchema = z.object({
  tagId: z.uuid({ error: 'errors.themeChooseTag' }),
  title: optionalTitle,
})

/** The sources become `merged` into the target; their members, sources and quotes go to it. */
export const ThemeMergeSchema = z.object({
  targetId: z.uuid(),
  sourceIds: z.array(z.uuid(), { error: 'errors.themeChooseMerge' }).min(1, 'errors.themeChooseMerge').max(50, 'errors.themeChooseMerge'),
})

export const ThemeMoveSchema = z.object({
  fromThemeId: z.uuid(),
  toThemeId: z.uuid({ error: 'errors.themeChooseDestination' }),
  submissionIds,
})

export const ThemeRemoveMembersSchema = z.object({ themeId: z.uuid(), submissionIds })

export const ThemeUpdateSchema = z.object({
  id: z.uuid(),
  title: z.string({ error: 'errors.required' }).trim().min(1, 'errors.required').max(200, 'errors.tooLong'),
  summary: z
    .string()
    .trim()
    .max(5000, 'errors.tooLong')
    .optional()
    .transform((v) => v ?? ''),
})
export type ThemeUpdateInput = z.infer<typeof ThemeUpdateSchema>

export const ThemeQuoteAddSchema = z.object({ themeId: z.uuid(), submissionId: z.uuid() })

export const ThemeQuoteIdSchema = z.object({ quoteId: z.uuid() })

/** A person's correction of a quote's translation (then marked human). */
export const ThemeQuoteTranslationSchema = z.object({
  quoteId: z.uuid(),
  translation: z.string({ error: 'errors.required' }).trim().min(1, 'errors.required').max(10_000, 'errors.tooLong'),
})

export const ThemeQuoteMoveSchema = z.object({ quoteId: z.uuid(), direction: z.enum(['up', 'down']) })
