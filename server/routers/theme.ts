import { facilitatorProcedure, router } from '../trpc'
import {
  ThemeFromClusterSchema,
  ThemeFromTagSchema,
  ThemeIdSchema,
  ThemeListSchema,
  ThemeMergeSchema,
  ThemeMoveSchema,
  ThemePageSchema,
  ThemeQuoteAddSchema,
  ThemeQuoteIdSchema,
  ThemeQuoteMoveSchema,
  ThemeQuoteTranslationSchema,
  ThemeRemoveMembersSchema,
  ThemeUpdateSchema,
} from '../schemas/theme'
import {
  addQuote,
  archiveTheme,
  createFromCluster,
  createFromTag,
  getQuotableMembers,
  getTheme,
  getThemeHistory,
  getThemeMembers,
  listThemesByStatus,
  mergeThemes,
  moveMembers,
  moveQuote,
  removeMembers,
  removeQuote,
  translateQuote,
  updateTheme,
  approveThemeSummary,
} from '../services/theme'

const actorOf = (ctx: { user: { id: string }; locale: 'en' | 'es' }) => ({ id: ctx.user.id, locale: ctx.locale })

export const themeRouter = router({
  list: facilitatorProcedure.input(ThemeListSchema).query(({ ctx, input }) => listThemesByStatus(ctx.db, input.status)),

  /** A theme with its sources and quotes (quotes whose consent lapsed come back without text). */
  byId: facilitatorProcedure.input(ThemeIdSchema).query(({ ctx, input }) => getTheme(ctx.db, input.id)),

  members: facilitatorProcedure.input(ThemePageSchema).query(({ ctx, input }) => getThemeMembers(ctx.db, input)),

  /** Members that may be quoted (consent, accepted) and are not quoted yet. */
  quotable: facilitatorProcedure.input(ThemePageSchema).query(({ ctx, input }) => getQuotableMembers(ctx.db, input)),

  /** The theme's own entries in the audit log. */
  history: facilitatorProcedure.input(ThemeIdSchema).query(({ ctx, input }) => getThemeHistory(ctx.db, input.id)),

  createFromCluster: facilitatorProcedure.input(ThemeFromClusterSchema).mutation(({ ctx, input }) => createFromCluster(ctx.db, actorOf(ctx), input, ctx.now)),

  createFromTag: facilitatorProcedure.input(ThemeFromTagSchema).mutation(({ ctx, input }) => createFromTag(ctx.db, actorOf(ctx), input, ctx.now)),

  merge: facilitatorProcedure.input(ThemeMergeSchema).mutation(({ ctx, input }) => mergeThemes(ctx.db, ctx.user.id, input, ctx.now)),

  moveMembers: facilitatorProcedure.input(ThemeMoveSchema).mutation(({ ctx, input }) => moveMembers(ctx.db, ctx.user.id, input, ctx.now)),

  removeMembers: facilitatorProcedure.input(ThemeRemoveMembersSchema).mutation(({ ctx, input }) => removeMembers(ctx.db, ctx.user.id, input, ctx.now)),

  update: facilitatorProcedure.input(ThemeUpdateSchema).mutation(({ ctx, input }) => updateTheme(ctx.db, ctx.user.id, input, ctx.now)),
  /** Approves the summary as it stands for reports (issue 12 §2: publishing refuses a machine draft). */
  approveSummary: facilitatorProcedure.input(ThemeIdSchema).mutation(({ ctx, input }) => approveThemeSummary(ctx.db, ctx.user.id, input, ctx.now)),

  addQuote: facilitatorProcedure.input(ThemeQuoteAddSchema).mutation(({ ctx, input }) => addQuote(ctx.db, ctx.user.id, input, ctx.now)),

  /** A person corrects a quote's translation (then marked human). */
  translateQuote: facilitatorProcedure.input(ThemeQuoteTranslationSchema).mutation(({ ctx, input }) => translateQuote(ctx.db, ctx.user.id, input, ctx.now)),

  removeQuote: facilitatorProcedure.input(ThemeQuoteIdSchema).mutation(({ ctx, input }) => removeQuote(ctx.db, ctx.user.id, input, ctx.now)),

  moveQuote: facilitatorProcedure.input(ThemeQuoteMoveSchema).mutation(({ ctx, input }) => moveQuote(ctx.db, ctx.user.id, input, ctx.now)),

  archive: facilitatorProcedure.input(ThemeIdSchema).mutation(({ ctx, input }) => archiveTheme(ctx.db, ctx.user.id, input.id, ctx.now)),
})
