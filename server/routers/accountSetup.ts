import { publicProcedure, router } from '../trpc'
import { AccountSetupCompleteSchema, AccountSetupTokenSchema } from '../schemas/auth'
import { completeSetup, describeSetup } from '../services/account-setup'
import { homePathFor, sessionPolicyOf } from '../services/auth'
import { cookieHeader, sessionCookieName } from '../lib/cookies'

/** The one-time set-up links `npm run admin` prints (first administrator, reset). */
export const accountSetupRouter = router({
  byToken: publicProcedure.input(AccountSetupTokenSchema).query(({ ctx, input }) => describeSetup(ctx.db, input.token, ctx.now)),

  complete: publicProcedure.input(AccountSetupCompleteSchema).mutation(async ({ ctx, input }) => {
    const session = await completeSetup(ctx.db, input, ctx.now, sessionPolicyOf(ctx.env))
    ctx.resHeaders.append(
      'Set-Cookie',
      cookieHeader(sessionCookieName(ctx.env.secureCookies), session.token, { secure: ctx.env.secureCookies, maxAgeSeconds: ctx.env.VOCES_SESSION_HOURS * 3_600 }),
    )
    return { home: homePathFor(session.role) }
  }),
})
