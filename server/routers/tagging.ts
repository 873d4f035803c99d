import { facilitatorProcedure, router } from '../trpc'
import { TaggingAddSchema, TaggingBulkSchema, TaggingIdSchema } from '../schemas/tagging'
import { addTagging, bulkAddTagging, removeTagging } from '../services/tagging'

export const taggingRouter = router({
  /** Tags a whole submission, or a passage of its redacted text (offsets or quoted words). */
  add: facilitatorProcedure.input(TaggingAddSchema).mutation(({ ctx, input }) => addTagging(ctx.db, ctx.user.id, input, ctx.now)),

  remove: facilitatorProcedure.input(TaggingIdSchema).mutation(({ ctx, input }) => removeTagging(ctx.db, ctx.user.id, input.id, ctx.now)),

  /** Tags a selection of submissions (whole) with one tag. */
  bulkAdd: facilitatorProcedure.input(TaggingBulkSchema).mutation(({ ctx, input }) => bulkAddTagging(ctx.db, ctx.user.id, input, ctx.now)),
})
