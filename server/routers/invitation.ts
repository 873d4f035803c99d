import { publicProcedure, router, staffProcedure } from '../trpc'
import { InvitationAcceptSchema, InvitationCreateSchema, InvitationTokenSchema } from '../schemas/auth'
import { acceptInvitation, createInvitation, describeInvitation, listInvitations } from '../services/invitation'
import { homePathFor, sessionPolicyOf } from '../services/auth'
import { cookieHeader, sessionCookieName } from '../lib/cookies'

export const invitationRouter = router({
  create: staffProcedure.input(InvitationCreateSchema).mutation(({ ctx, input }) => createInvitation(ctx.db, ctx.user, input, ctx.now)),

  list: staffProcedure.query(({ ctx }) => listInvitations(ctx.db, ctx.user)),

  byToken: publicProcedure.input(InvitationTokenSchema).query(({ ctx, input }) => describeInvitation(ctx.db, input.token, ctx.now)),

  accept: publicProcedure.input(InvitationAcceptSchema).mutation(async ({ ctx, input }) => {
    const session = await acceptInvitation(ctx.db, input, ctx.now, sessionPolicyOf(ctx.env))
    ctx.resHeaders.append(
      'Set-Cookie',
      cookieHeader(sessionCookieName(ctx.env.secureCookies), session.token, { secure: ctx.env.secureCookies, maxAgeSeconds: ctx.env.VOCES_SESSION_HOURS * 3_600 }),
    )
    return { home: homePathFor(session.role) }
  }),
})
