import { roleProcedure, router } from '../trpc'
import { ImportCommitSchema, ImportErrorRowsSchema, ImportIdSchema, ImportPreviewSchema, ImportUploadSchema } from '../schemas/import'
import { commitImport, errorRowsCsv, importStatus, previewImport, uploadImport } from '../services/import'

/** Submitters import into their own organization; facilitators into any (the service checks which). */
const importerProcedure = roleProcedure('submitter', 'facilitator')

export const importRouter = router({
  upload: importerProcedure.input(ImportUploadSchema).mutation(({ ctx, input }) => uploadImport(ctx.db, ctx.env, ctx.user, input, ctx.now)),

  preview: importerProcedure.input(ImportPreviewSchema).query(({ ctx, input }) => previewImport(ctx.db, ctx.env, ctx.user, input, ctx.now)),

  errorRows: importerProcedure.input(ImportErrorRowsSchema).query(({ ctx, input }) => errorRowsCsv(ctx.db, ctx.env, ctx.user, input, ctx.now)),

  commit: importerProcedure.input(ImportCommitSchema).mutation(({ ctx, input }) => commitImport(ctx.db, ctx.env, ctx.user, input, ctx.now, ctx.sessionId)),

  status: importerProcedure.input(ImportIdSchema).query(({ ctx, input }) => importStatus(ctx.db, ctx.user, input.id)),
})
