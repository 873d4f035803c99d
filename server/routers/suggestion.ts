import { facilitatorProcedure, router } from '../trpc'
import { SuggestionIdSchema, SuggestionListSchema } from '../schemas/suggestion'
import { decideSuggestion, suggestionsFor } from '../services/suggestion'
import { modelStatus, requestTraining } from '../services/tag-model'

export const suggestionRouter = router({
  /** A submission's pending suggestions, most confident first. */
  list: facilitatorProcedure.input(SuggestionListSchema).query(({ ctx, input }) => suggestionsFor(ctx.db, input.submissionId)),

  accept: facilitatorProcedure.input(SuggestionIdSchema).mutation(({ ctx, input }) => decideSuggestion(ctx.db, ctx.user.id, { id: input.id, decision: 'accepted' }, ctx.now)),

  reject: facilitatorProcedure.input(SuggestionIdSchema).mutation(({ ctx, input }) => decideSuggestion(ctx.db, ctx.user.id, { id: input.id, decision: 'rejected' }, ctx.now)),

  /** "Retrain now": queues the background training unless one is waiting or running. */
  train: facilitatorProcedure.mutation(({ ctx }) => requestTraining(ctx.db, ctx.user.id, ctx.now)),

  /** The latest model's metrics and the training job's state. */
  model: facilitatorProcedure.query(({ ctx }) => modelStatus(ctx.db)),
})
