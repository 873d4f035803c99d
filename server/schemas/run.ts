import { z } from 'zod'
import { SubmissionListSchema } from './submission'

// Clustering runs (issue 5). One schema per shape: the start form and run.start share RunStartSchema.

/** The document set of a run: the workspace list's filters (period, Area, setting, agency, language, …). */
export const RunFilterSchema = SubmissionListSchema.omit({ page: true, pageSize: true })
export type RunFilter = z.infer<typeof RunFilterSchema>

export const RUN_K_MIN = 2
export const RUN_K_MAX = 50
export const RUN_SEED_MAX = 2_147_483_647

const KSchema = z.number({ error: 'errors.runK' }).int('errors.runK').min(RUN_K_MIN, 'errors.runK').max(RUN_K_MAX, 'errors.runK')
const SeedSchema = z.number({ error: 'errors.runSeed' }).int('errors.runSeed').min(0, 'errors.runSeed').max(RUN_SEED_MAX, 'errors.runSeed')

export const RunStartSchema = z.object({
  name: z.string({ error: 'errors.required' }).trim().min(1, 'errors.required').max(120, 'errors.tooLong'),
  filter: RunFilterSchema.default({}),
  /** Number of clusters; absent means chosen automatically (silhouette). */
  k: KSchema.optional(),
  seed: SeedSchema,
})
export type RunStartInput = z.infer<typeof RunStartSchema>

export const RunIdSchema = z.object({ id: z.uuid() })

export const RunListSchema = z.object({
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(5).max(100).default(20),
})

/** A cluster of a run; -1 is the unclustered bucket. */
export const RunClusterSchema = z.object({ id: z.uuid(), cluster: z.number().int().min(-1).max(10_000) })

export const RunMembersSchema = RunClusterSchema.extend({
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(5).max(100).default(25),
})

/** Split a cluster: re-cluster its members in a child run. */
export const RunSplitSchema = z.object({
  id: z.uuid(),
  cluster: z.number().int().min(0).max(10_000),
  k: KSchema.optional(),
  seed: SeedSchema.optional(),
})

/** The phases a run's job reports, in order (shown with the progress bar). */
export const RUN_PHASES = ['load', 'features', 'vectors', 'reduce', 'choose-k', 'cluster', 'describe', 'save'] as const
export type RunPhase = (typeof RUN_PHASES)[number]
