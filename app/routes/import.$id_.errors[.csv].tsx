import type { LoaderFunctionArgs } from '@remix-run/node'
import { mappingFromEntries } from '../../server/schemas/import'
import { requireRole } from '../.server/auth'
import { resolveLocale } from '../.server/request'
import { toResponse } from '../.server/trpc'

/** The rows with errors, as uploaded, with an error column in the user's language. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, caller } = await requireRole(request, 'submitter', 'facilitator')
  const mapping = mappingFromEntries(new URL(request.url).searchParams) ?? {}
  const locale = resolveLocale(request, user.locale)
  const result = await caller.import.errorRows({ id: params.id!, mapping, locale: locale === 'es' ? 'es' : 'en' }).catch(toResponse)
  return new Response(result.csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="errors.csv"; filename*=UTF-8''${encodeURIComponent(result.fileName)}`,
      'Cache-Control': 'no-store',
    },
  })
}
