import { authedProcedure, publicProcedure, router } from '../trpc'
import { LocaleSchema, LoginSchema } from '../schemas/auth'
import { homePathFor, login, logout, logoutEverywhere } from '../services/auth'
import { setUserLocale } from '../repositories/user'
import { clearCookieHeader, cookieHeader, sessionCookieName } from '../lib/cookies'

export const authRouter = router({
  /** The signed-in user, or null. */
  me: publicProcedure.query(({ ctx }) => ctx.user),

  login: publicProcedure.input(LoginSchema).mutation(async ({ ctx, input }) => {
    const session = await login(ctx.db, ctx.env, input, { now: ctx.now, clientAddress: ctx.clientAddress, currentSessionId: ctx.sessionId })
    ctx.resHeaders.append(
      'Set-Cookie',
      cookieHeader(sessionCookieName(ctx.env.secureCookies), session.token, { secure: ctx.env.secureCookies, maxAgeSeconds: ctx.env.VOCES_SESSION_HOURS * 3_600 }),
    )
    return { home: homePathFor(session.user.role), user: session.user }
  }),

  logout: authedProcedure.mutation(async ({ ctx }) => {
    if (ctx.sessionId) await logout(ctx.db, ctx.sessionId, ctx.now)
    ctx.resHeaders.append('Set-Cookie', clearCookieHeader(sessionCookieName(ctx.env.secureCookies), ctx.env.secureCookies))
    return { ok: true }
  }),

  /** Ends every session of the signed-in user (a lost phone, a shared computer). */
  logoutEverywhere: authedProcedure.mutation(async ({ ctx }) => {
    const result = await logoutEverywhere(ctx.db, ctx.user.id, ctx.now)
    ctx.resHeaders.append('Set-Cookie', clearCookieHeader(sessionCookieName(ctx.env.secureCookies), ctx.env.secureCookies))
    return result
  }),

  setLocale: authedProcedure.input(LocaleSchema).mutation(async ({ ctx, input }) => {
    await setUserLocale(ctx.db, ctx.user.id, input.locale)
    return { locale: input.locale }
  }),
})
