import { facilitatorProcedure, router, submitterProcedure } from '../trpc'
import { ReceiptSchema, SubmissionFilterSchema, SubmissionIdSchema, SubmissionInputSchema, SubmissionListSchema } from '../schemas/submission'
import { CorrectSchema, RevealSchema, WithdrawSchema } from '../schemas/submission-change'
import { revealOriginal } from '../services/reveal'
import { createSubmission, facetsForWorkspace, getForWorkspace, getReceipt, listForOrganization, listForWorkspace } from '../services/submission'
import { correctSubmission, withdrawSubmission } from '../services/withdrawal'

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

  /** Counts per filter value over the current selection (the list's facets). */
  facets: facilitatorProcedure.input(SubmissionFilterSchema).query(({ ctx, input }) => facetsForWorkspace(ctx.db, input)),

  byId: facilitatorProcedure.input(SubmissionIdSchema).query(({ ctx, input }) => getForWorkspace(ctx.db, input.id)),

  /** The only procedure that returns original text: a facilitator's reveal, with a reason, audited in the same transaction. */
  reveal: facilitatorProcedure.input(RevealSchema).mutation(({ ctx, input }) => revealOriginal(ctx.db, ctx.env, ctx.user.id, input, ctx.now)),

  /** A submitter withdraws their organization's submission: texts deleted, a tombstone kept. */
  withdraw: submitterProcedure
    .input(WithdrawSchema)
    .mutation(({ ctx, input }) => withdrawSubmission(ctx.db, { userId: ctx.user.id, organizationId: ctx.organizationId }, input.code, ctx.now)),

  /** A submitter corrects the structured fields of their organization's submission. */
  correct: submitterProcedure
    .input(CorrectSchema)
    .mutation(({ ctx, input }) => correctSubmission(ctx.db, { userId: ctx.user.id, organizationId: ctx.organizationId }, input, ctx.now)),
})
