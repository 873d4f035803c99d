import { facilitatorProcedure, router } from '../trpc'
import { CodingQueueSchema, CodingSaveSchema, SampleCreateSchema, SampleIdSchema } from '../schemas/agreement'
import { codingQueue, createSample, listCoders, listSamples, sampleResults, saveCoding } from '../services/agreement'

export const agreementRouter = router({
  /** Facilitators who can be asked to code a sample. */
  coders: facilitatorProcedure.query(({ ctx }) => listCoders(ctx.db)),

  list: facilitatorProcedure.query(({ ctx }) => listSamples(ctx.db, ctx.user.id)),

  /** Draws a seeded random sample of N accepted submissions for two facilitators. */
  create: facilitatorProcedure.input(SampleCreateSchema).mutation(({ ctx, input }) => createSample(ctx.db, ctx.user.id, input, ctx.now)),

  /** The caller's blind queue (coders of the sample only). */
  queue: facilitatorProcedure.input(CodingQueueSchema).query(({ ctx, input }) => codingQueue(ctx.db, ctx.user.id, input)),

  code: facilitatorProcedure.input(CodingSaveSchema).mutation(({ ctx, input }) => saveCoding(ctx.db, ctx.user.id, input, ctx.now)),

  /** Kappa per tag and overall, and the disagreements (a coder sees them once done coding). */
  results: facilitatorProcedure.input(SampleIdSchema).query(({ ctx, input }) => sampleResults(ctx.db, ctx.user.id, input.id)),
})
