import { facilitatorProcedure, router } from '../trpc'
import { SubmissionIdSchema } from '../schemas/submission'
import { ModerationHideSchema, ModerationIdSchema, ModerationMergeSchema, ModerationQueueSchema } from '../schemas/moderation'
import { acceptSubmission, hideSubmission, mergeSubmission, moderationQueue, moderationState } from '../services/moderation'

export const moderationRouter = router({
  /** Intake-link submissions and flagged near-duplicates waiting for a decision (redacted). */
  queue: facilitatorProcedure.input(ModerationQueueSchema).query(({ ctx, input }) => moderationQueue(ctx.db, input)),

  state: facilitatorProcedure.input(SubmissionIdSchema).query(({ ctx, input }) => moderationState(ctx.db, input.id)),

  accept: facilitatorProcedure.input(ModerationIdSchema).mutation(({ ctx, input }) => acceptSubmission(ctx.db, ctx.user.id, input.id, ctx.now)),

  hide: facilitatorProcedure.input(ModerationHideSchema).mutation(({ ctx, input }) => hideSubmission(ctx.db, ctx.user.id, input, ctx.now)),

  merge: facilitatorProcedure.input(ModerationMergeSchema).mutation(({ ctx, input }) => mergeSubmission(ctx.db, ctx.user.id, input, ctx.now)),
})
