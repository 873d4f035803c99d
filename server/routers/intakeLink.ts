import { facilitatorProcedure, publicProcedure, router } from '../trpc'
import { IntakeLinkCreateSchema, IntakeLinkIdSchema, IntakeSubmitSchema, IntakeTokenSchema } from '../schemas/intake-link'
import { closeIntakeLink, createIntakeLink, describeIntakeLink, listLinks, submitThroughLink } from '../services/intake-link'

export const intakeLinkRouter = router({
  /** A facilitator opens a link for one listening session or campaign; the token is returned once. */
  create: facilitatorProcedure.input(IntakeLinkCreateSchema).mutation(({ ctx, input }) => createIntakeLink(ctx.db, ctx.user.id, input, ctx.now)),

  list: facilitatorProcedure.query(({ ctx }) => listLinks(ctx.db, ctx.now)),

  close: facilitatorProcedure.input(IntakeLinkIdSchema).mutation(({ ctx, input }) => closeIntakeLink(ctx.db, ctx.user.id, input.id, ctx.now)),

  /** Public: the name and state of a link, for its form page. */
  byToken: publicProcedure.input(IntakeTokenSchema).query(({ ctx, input }) => describeIntakeLink(ctx.db, input.token, ctx.now)),

  /** Public (CSRF-checked like every mutation): testimony without an account; waits in moderation. */
  submit: publicProcedure
    .input(IntakeSubmitSchema)
    .mutation(({ ctx, input }) => submitThroughLink(ctx.db, ctx.env, { clientAddress: ctx.clientAddress, now: ctx.now }, input)),
})
