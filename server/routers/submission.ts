import { facilitatorProcedure, router, submitterProcedure } from '../trpc'
import { ReceiptSchema, SubmissionIdSchema, SubmissionInputSchema, SubmissionListSchema } from '../schemas/submission'
import { createSubmission, getForWorkspace, getReceipt, listForOrganization, listForWorkspace } from '../services/submission'

export const submissionRouter = router({
  /** A community organization member submits testimony for their organization. */
  create: submitterProcedure
    .input(SubmissionInputSchema)
    .mutation(({ ctx, input }) =>
      createSubmission(ctx.db, ctx.env, { userId: ctx.user.id, organizationId: ctx.organizationId }, input),
    ),

  /** The submitter's organization's own submissions (redacted). */
  mine: submitterProcedure.input(SubmissionListSchema).query(({ ctx, input }) => listForOrganization(ctx.db, ctx.organizationId, input)),

  receipt: submitterProcedure.input(ReceiptSchema).query(({ ctx, input }) => getReceipt(ctx.db, ctx.organizationId, input.code)),

  /** Facilitators' list of every submission (redacted). */
  list: facilitatorProcedure.input(SubmissionListSchema).query(({ ctx, input }) => listForWorkspace(ctx.db, input)),

  byId: facilitatorProcedure.input(SubmissionIdSchema).query(({ ctx, input }) => getForWorkspace(ctx.db, input.id)),
})
