import { TRPCError } from '@trpc/server'
import { fetchRequestHandler } from '@trpc/server/adapters/fetch'
import type { Db } from '../../db/client'
import { createContext } from '../context'
import { getEnv, type Env } from '../env'
import { verifyCsrf } from '../lib/csrf'
import { appRouter } from '../routers/_app'

/**
 * /api/trpc for the browser and outside clients (app/routes/api.trpc.$trpc.ts).
 * Pages call procedures in process; over HTTP only small JSON travels (a
 * testimony is at most 10,000 characters), so a body over a megabyte is refused
 * with 413 before it is read, whether it declares its length or streams it.
 * The CSV import's files go through the import page, not this endpoint.
 */
export const TRPC_MAX_BODY_BYTES = 1024 * 1024
/** Calls in one batched request: the app's pages batch a handful at most. */
export const TRPC_MAX_BATCH = 20

export function handleTrpcRequest(request: Request, options: { clientAddress: string | null; db?: Db; env?: Env }): Promise<Response> {
  const env = options.env ?? getEnv()
  const declared = Number(request.headers.get('content-length') ?? 0)
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req: withBodyLimit(request, TRPC_MAX_BODY_BYTES),
    router: appRouter,
    maxBatchSize: TRPC_MAX_BATCH,
    createContext: ({ req, resHeaders }) => {
      // Thrown here, every call of the request gets the same 413 in tRPC's error shape.
      if (declared > TRPC_MAX_BODY_BYTES) throw tooLarge()
      return createContext({
        request: req,
        resHeaders,
        db: options.db,
        env,
        csrfVerified: verifyCsrf(req.headers.get('cookie'), req.headers.get('x-csrf-token'), env.sessionSecret, env.secureCookies),
        clientAddress: options.clientAddress,
      })
    },
    onError({ error }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') console.error('[trpc]', error)
    },
  })
}

const tooLarge = () => new TRPCError({ code: 'PAYLOAD_TOO_LARGE', message: 'errors.requestTooLarge' })

/** The request with a body that fails (with 413) as soon as more than `limit` bytes have been read. */
function withBodyLimit(request: Request, limit: number): Request {
  if (!request.body) return request
  let read = 0
  const counted = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        read += chunk.byteLength
        if (read > limit) controller.error(tooLarge())
        else controller.enqueue(chunk)
      },
    }),
  )
  return new Request(request.url, { method: request.method, headers: request.headers, signal: request.signal, body: counted, duplex: 'half' } as RequestInit)
}
