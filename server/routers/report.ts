import { commissionProcedure, facilitatorProcedure, reportReaderProcedure, router } from '../trpc'
import {
  ReportCommentSchema,
  ReportCreateSchema,
  ReportExportSchema,
  ReportIdSchema,
  ReportMoveThemeSchema,
  ReportQuoteReviewSchema,
  ReportReplySchema,
  ReportThemeSchema,
  ReportThemeSummarySchema,
  ReportUpdateSchema,
  ReportViewSchema,
} from '../schemas/report'
import {
  addReportTheme,
  commentOnTheme,
  createReport,
  exportReportCsv,
  exportReportPdf,
  listPublishedReports,
  listReports,
  moveReportTheme,
  printReport,
  publishReport,
  removeReportTheme,
  replyToComment,
  reportDraft,
  reviewQuote,
  updateReport,
  updateReportTheme,
  viewReport,
} from '../services/report'

/**
 * Theme reports. Facilitators build and publish them (the builder shows live,
 * unsuppressed counts: it is inside the workspace); commission staff and
 * facilitators read them with small counts suppressed; commission staff comment
 * on a theme and facilitators answer. Every change, publication and export is audited.
 */
export const reportRouter = router({
  listPublished: reportReaderProcedure.query(({ ctx }) => listPublishedReports(ctx.db)),
  list: reportReaderProcedure.query(({ ctx }) => listReports(ctx.db)),
  view: reportReaderProcedure.input(ReportViewSchema).query(({ ctx, input }) => viewReport(ctx.db, input, ctx.env.VOCES_MIN_CELL)),

  create: facilitatorProcedure.input(ReportCreateSchema).mutation(({ ctx, input }) => createReport(ctx.db, ctx.user.id, input, ctx.now)),
  draft: facilitatorProcedure.input(ReportIdSchema).query(({ ctx, input }) => reportDraft(ctx.db, input.id, ctx.env.VOCES_MIN_CELL)),
  update: facilitatorProcedure.input(ReportUpdateSchema).mutation(({ ctx, input }) => updateReport(ctx.db, ctx.user.id, input, ctx.now)),
  addTheme: facilitatorProcedure.input(ReportThemeSchema).mutation(({ ctx, input }) => addReportTheme(ctx.db, ctx.user.id, input, ctx.now)),
  removeTheme: facilitatorProcedure.input(ReportThemeSchema).mutation(({ ctx, input }) => removeReportTheme(ctx.db, ctx.user.id, input, ctx.now)),
  moveTheme: facilitatorProcedure.input(ReportMoveThemeSchema).mutation(({ ctx, input }) => moveReportTheme(ctx.db, ctx.user.id, input, ctx.now)),
  updateTheme: facilitatorProcedure.input(ReportThemeSummarySchema).mutation(({ ctx, input }) => updateReportTheme(ctx.db, ctx.user.id, input, ctx.now)),
  reviewQuote: facilitatorProcedure.input(ReportQuoteReviewSchema).mutation(({ ctx, input }) => reviewQuote(ctx.db, ctx.user.id, input, ctx.now)),
  publish: facilitatorProcedure.input(ReportIdSchema).mutation(({ ctx, input }) => publishReport(ctx.db, ctx.user, input.id, ctx.env.VOCES_MIN_CELL, ctx.now)),

  // Exports read a published version and append to the audit log.
  exportCsv: reportReaderProcedure.input(ReportExportSchema).query(({ ctx, input }) => exportReportCsv(ctx.db, ctx.user.id, input, ctx.now)),
  exportPdf: reportReaderProcedure.input(ReportExportSchema).query(({ ctx, input }) => exportReportPdf(ctx.db, ctx.user.id, input, ctx.now)),
  print: reportReaderProcedure.input(ReportExportSchema).query(({ ctx, input }) => printReport(ctx.db, ctx.user.id, input, ctx.now)),

  comment: commissionProcedure.input(ReportCommentSchema).mutation(({ ctx, input }) => commentOnTheme(ctx.db, ctx.user.id, input, ctx.now)),
  reply: reportReaderProcedure.input(ReportReplySchema).mutation(({ ctx, input }) => replyToComment(ctx.db, ctx.user.id, input, ctx.now)),
})
