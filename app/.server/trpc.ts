import { data, redirect } from '@remix-run/node'
import { TRPCError } from '@trpc/server'
import { getHTTPStatusCodeFromError } from '@trpc/server/http'
import { createContext } from '../../server/context'
import { getEnv } from '../../server/env'
import { verifyCsrf } from '../../server/lib/csrf'
import { createCaller } from '../../server/routers/_app'

/**
 * The bridge from Remix loaders and actions to tRPC: procedures are called in
 * process, with the same context (user, CSRF proof) as over HTTP.
 * Actions pass the submitted form so its CSRF token can be checked, and a
 * Headers object to collect Set-Cookie from procedures.
 */
export async function getCaller(request: Request, options: { form?: FormData; resHeaders?: Headers; clientAddress?: string | null } = {}) {
  const csrfVerified = options.form ? verifyCsrf(request.headers.get('cookie'), options.form.get('csrf'), getEnv().sessionSecret, getEnv().secureCookies) : false
  const ctx = await createContext({ request, resHeaders: options.resHeaders, csrfVerified, clientAddress: options.clientAddress })
  return createCaller(ctx)
}

/** Turns a procedure's TRPCError into the HTTP response a route should give. */
export function toResponse(error: unknown): never {
  if (error instanceof TRPCError) {
    if (error.code === 'UNAUTHORIZED') throw redirect('/login')
    // An unexpected error's message may name internals (SQL, paths): logged here, never sent to the page.
    if (error.code === 'INTERNAL_SERVER_ERROR') {
      console.error('[trpc]', error)
      throw data({ message: 'errors.unexpected' }, { status: 500 })
    }
    throw data({ message: error.message }, { status: getHTTPStatusCodeFromError(error) })
  }
  throw error
}

/** The translation key of a procedure error, for showing beside a form; rethrows anything else. */
export function formErrorOf(error: unknown): string {
  if (error instanceof TRPCError && error.code !== 'INTERNAL_SERVER_ERROR') return error.message
  throw error
}

declare module '@remix-run/node' {
  interface AppLoadContext {
    /** The client's address from Express (`req.ip`), set in server/main.ts getLoadContext. */
    clientAddress?: string
  }
}

/** The client address the Express server passed in the load context, if any. */
export function clientAddressOf(context: { clientAddress?: string } | undefined): string | null {
  return typeof context?.clientAddress === 'string' && context.clientAddress ? context.clientAddress : null
}
