import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { fetchRequestHandler } from '@trpc/server/adapters/fetch'
import { createContext } from '../../server/context'
import { getEnv } from '../../server/env'
import { verifyCsrf } from '../../server/lib/csrf'
import { appRouter } from '../../server/routers/_app'
import { clientAddressOf } from '../.server/trpc'

/** tRPC over HTTP, for the browser and outside clients. Mutations need the x-csrf-token header. */
function handle({ request, context }: LoaderFunctionArgs | ActionFunctionArgs) {
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req: request,
    router: appRouter,
    createContext: ({ req, resHeaders }) =>
      createContext({
        request: req,
        resHeaders,
        csrfVerified: verifyCsrf(req.headers.get('cookie'), req.headers.get('x-csrf-token'), getEnv().sessionSecret),
        clientAddress: clientAddressOf(context),
      }),
    onError({ error }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') console.error('[trpc]', error)
    },
  })
}

export const loader = handle
export const action = handle
