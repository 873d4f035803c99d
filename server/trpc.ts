import { initTRPC, TRPCError } from '@trpc/server'
import superjson from 'superjson'
import { ZodError } from 'zod'
import type { Role } from './schemas/reference'
import type { Context } from './context'

/**
 * tRPC core: one procedure builder per role. Error messages are translation keys
 * (`errors.*` in app/i18n); the edge translates them into the user's language.
 */
const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    return {
      ...shape,
      data: {
        ...shape.data,
        stack: undefined,
        fieldErrors: error.cause instanceof ZodError ? fieldErrorsOf(error.cause) : undefined,
      },
    }
  },
})

function fieldErrorsOf(error: ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_form'
    ;(out[key] ??= []).push(issue.message)
  }
  return out
}

export const router = t.router
export const createCallerFactory = t.createCallerFactory
export const middleware = t.middleware

/** Every mutation must come with a verified CSRF token (form field or x-csrf-token header). */
const csrfGuard = t.middleware(({ ctx, type, next }) => {
  if (type === 'mutation' && !ctx.csrfVerified) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'errors.csrf' })
  }
  return next()
})

export const publicProcedure = t.procedure.use(csrfGuard)

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'errors.unauthorized' })
  return next({ ctx: { ...ctx, user: ctx.user } })
})

export function roleProcedure(...roles: Role[]) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.user.role)) throw new TRPCError({ code: 'FORBIDDEN', message: 'errors.forbidden' })
    return next({ ctx })
  })
}

/** Submitters act for their own organization only; the org id is put in ctx. */
export const submitterProcedure = roleProcedure('submitter').use(({ ctx, next }) => {
  const organizationId = ctx.user.organizationId
  if (!organizationId) throw new TRPCError({ code: 'FORBIDDEN', message: 'errors.forbidden' })
  return next({ ctx: { ...ctx, organizationId } })
})
export const facilitatorProcedure = roleProcedure('facilitator')
export const commissionProcedure = roleProcedure('commission')
export const adminProcedure = roleProcedure('admin')
/** Working-group staff who manage people: admins, and facilitators for community members. */
export const staffProcedure = roleProcedure('admin', 'facilitator')
/** Readers of theme reports: commission staff, and the facilitators who draft them. */
export const reportReaderProcedure = roleProcedure('commission', 'facilitator')
