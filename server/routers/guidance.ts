import { commissionProcedure, reportReaderProcedure, router } from '../trpc'
import { GuidanceIdSchema, GuidanceInputSchema, GuidanceUpdateSchema } from '../schemas/report'
import { createGuidance, guidanceById, guidanceThemeOptions, listGuidance, updateGuidance } from '../services/guidance'

/** Guidance the Police Commission records in answer to themes; facilitators may read it. */
export const guidanceRouter = router({
  list: reportReaderProcedure.query(({ ctx }) => listGuidance(ctx.db)),
  byId: commissionProcedure.input(GuidanceIdSchema).query(({ ctx, input }) => guidanceById(ctx.db, input.id)),
  themeOptions: commissionProcedure.query(({ ctx }) => guidanceThemeOptions(ctx.db)),
  create: commissionProcedure.input(GuidanceInputSchema).mutation(({ ctx, input }) => createGuidance(ctx.db, ctx.user.id, input, ctx.now)),
  update: commissionProcedure.input(GuidanceUpdateSchema).mutation(({ ctx, input }) => updateGuidance(ctx.db, ctx.user.id, input, ctx.now)),
})
