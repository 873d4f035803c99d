import { initTRPC, TRPCError } from '@trpc/server'
import superjson from 'superjson'
import { ZodError } from 'zod'
import en from '../app/i18n/en.json'
import { findUnstorableText } from './lib/storable-text'
import './schemas/messages'
import type { Role } from './schemas/reference'
import type { Context } from './context'

/**
 * tRPC core: one procedure builder per role. Error messages are translation keys
 * (`errors.*` in app/i18n); the edge translates them into the user's language.
 * No error leaves without one: input that fails its schema gets its first
 * issue's key, and over HTTP any other message (tRPC's own, in English, or an
 * unexpected error's, which may name internals) is replaced by the key for its code.
 */
const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    return {
      ...shape,
      message: isErrorKey(error.message) && error.code !== 'INTERNAL_SERVER_ERROR' ? error.message : keyForCode(error.code),
      data: {
        ...shape.data,
        stack: undefined,
        fieldErrors: error.cause instanceof ZodError ? fieldErrorsOf(error.cause) : undefined,
      },
    }
  },
})

export function isErrorKey(message: unknown): message is string {
  return typeof message === 'string' && message.startsWith('errors.') && Object.hasOwn(en.errors, message.slice('errors.'.length))
}

function keyForCode(code: TRPCError['code']): string {
  switch (code) {
    case 'UNAUTHORIZED':
      return 'errors.unauthorized'
    case 'FORBIDDEN':
      return 'errors.forbidden'
    case 'NOT_FOUND':
      return 'errors.notFound'
    case 'PAYLOAD_TOO_LARGE':
      return 'errors.requestTooLarge'
    case 'TOO_MANY_REQUESTS':
      return 'errors.tooManyRequests'
    case 'INTERNAL_SERVER_ERROR':
      return 'errors.unexpected'
    default:
      return 'errors.badRequest'
  }
}

function fieldErrorsOf(error: ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_form'
    ;(out[key] ??= []).push(isErrorKey(issue.message) ? issue.message : 'errors.invalid')
  }
  return out
}

/** Input refused by its schema: the message is the first issue's translation key (fieldErrors keep them all). */
const inputErrors = t.middleware(async ({ next }) => {
  const result = await next()
  if (!result.ok && result.error.code === 'BAD_REQUEST' && result.error.cause instanceof ZodError) {
    const first = result.error.cause.issues[0]?.message
    throw new TRPCError({ code: 'BAD_REQUEST', message: isErrorKey(first) ? first : 'errors.invalid', cause: result.error.cause })
  }
  return result
})

/** Text the database cannot store (NUL, half a surrogate pair) is refused before any schema or service sees it. */
const storableInput = t.middleware(async ({ getRawInput, next }) => {
  const path = findUnstorableText(await getRawInput())
  if (path) {
    const cause = new ZodError([{ code: 'custom', path, message: 'errors.unstorableText', input: undefined }])
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'errors.unstorableText', cause })
  }
  return next()
})

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

const baseProcedure = t.procedure.use(inputErrors).use(csrfGuard)

// Who may call is decided before the input is read: the storable-text check comes after each role rule.
export const publicProcedure = baseProcedure.use(storableInput)

const signedInProcedure = baseProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'errors.unauthorized' })
  return next({ ctx: { ...ctx, user: ctx.user } })
})

export const authedProcedure = signedInProcedure.use(storableInput)

export function roleProcedure(...roles: Role[]) {
  return signedInProcedure
    .use(({ ctx, next }) => {
      if (!roles.includes(ctx.user.role)) throw new TRPCError({ code: 'FORBIDDEN', message: 'errors.forbidden' })
      return next({ ctx })
    })
    .use(storableInput)
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
