import type { LoaderFunctionArgs } from '@remix-run/node'
import { runningImportStatusFor } from '../.server/import-status'
import { getCaller, toResponse } from '../.server/trpc'

/** JSON progress of a running commit, polled by the preview page while it waits. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const status = runningImportStatusFor(request, params.id!) ?? (await (await getCaller(request)).import.status({ id: params.id! }).catch(toResponse))
  return Response.json(status, { headers: { 'Cache-Control': 'no-store' } })
}
