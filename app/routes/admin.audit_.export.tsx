import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { createI18n } from '../i18n/i18n'
import { auditFilterFrom, AUDIT_FILTER_KEYS } from '../.server/audit'
import { requireRole } from '../.server/auth'
import { resolveLocale } from '../.server/request'
import { getCaller, toResponse } from '../.server/trpc'
import { readFormForResourceRoute } from '../.server/form'

/** The filtered audit log as CSV; a POST with the CSRF token, because the export is itself audited. */
export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireRole(request, 'admin')
  // A body that is not a form is a 415/400 page in the user's language (readForm), not a 500.
  const form = await readFormForResourceRoute(request)
  const { filter, errors } = auditFilterFrom((key) => form.get(key))
  if (Object.keys(errors).length) {
    const back = new URLSearchParams()
    for (const key of AUDIT_FILTER_KEYS) {
      const value = form.get(key)
      if (typeof value === 'string' && value) back.set(key, value)
    }
    throw redirect(`/admin/audit?${back}`)
  }
  const caller = await getCaller(request, { form })
  const locale = resolveLocale(request, user.locale) === 'es' ? 'es' : 'en'
  const result = await caller.audit.exportCsv({ filter, locale }).catch(toResponse)
  return new Response(result.csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${result.fileName}"`,
      'Cache-Control': 'no-store',
    },
  })
}

export function loader() {
  return redirect('/admin/audit')
}
