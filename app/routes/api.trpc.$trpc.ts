import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { handleTrpcRequest } from '../../server/http/trpc-endpoint'
import { clientAddressOf } from '../.server/trpc'

/** tRPC over HTTP, for the browser and outside clients. Mutations need the x-csrf-token header; bodies are limited (server/http/trpc-endpoint.ts). */
function handle({ request, context }: LoaderFunctionArgs | ActionFunctionArgs) {
  return handleTrpcRequest(request, { clientAddress: clientAddressOf(context) })
}

export const loader = handle
export const action = handle
