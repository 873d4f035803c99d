import { facilitatorProcedure, router } from '../trpc'
import { TagCreateSchema, TagIdSchema, TagMergeSchema, TagMoveSchema, TagUpdateSchema } from '../schemas/tag'
import { codebook, createTag, listTags, mergeTags, moveTag, retireTag, unretireTag, updateTag } from '../services/tag'

export const tagRouter = router({
  /** The codebook in tree order (parents before their sub-tags), retired tags marked. */
  list: facilitatorProcedure.query(({ ctx }) => listTags(ctx.db)),

  /** The codebook page: tags with counts, held-out precision of suggestions, model status. */
  codebook: facilitatorProcedure.query(({ ctx }) => codebook(ctx.db)),

  create: facilitatorProcedure.input(TagCreateSchema).mutation(({ ctx, input }) => createTag(ctx.db, ctx.user.id, input, ctx.now)),

  /** Rename, describe in English and Spanish, recolour. */
  update: facilitatorProcedure.input(TagUpdateSchema).mutation(({ ctx, input }) => updateTag(ctx.db, ctx.user.id, input, ctx.now)),

  move: facilitatorProcedure.input(TagMoveSchema).mutation(({ ctx, input }) => moveTag(ctx.db, ctx.user.id, input, ctx.now)),

  /** Moves every tagging of one tag to another, collapses duplicates, retires the merged tag. */
  merge: facilitatorProcedure.input(TagMergeSchema).mutation(({ ctx, input }) => mergeTags(ctx.db, ctx.user.id, input, ctx.now)),

  retire: facilitatorProcedure.input(TagIdSchema).mutation(({ ctx, input }) => retireTag(ctx.db, ctx.user.id, input.id, ctx.now)),

  unretire: facilitatorProcedure.input(TagIdSchema).mutation(({ ctx, input }) => unretireTag(ctx.db, ctx.user.id, input.id, ctx.now)),
})
