import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireRole } from '../.server/auth'
import { exportLocale } from '../.server/reports'
import { toResponse } from '../.server/trpc'

/**
 * /reports/:id/v/:version.pdf and .csv — a published version as a download,
 * in the reader's language. The procedure writes the audit entry.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, caller } = await requireRole(request, 'commission', 'facilitator')
  const match = /^(\d{1,6})\.(pdf|csv)$/.exec(params.file ?? '')
  if (!match) throw new Response(null, { status: 404 })
  const input = { id: params.id ?? '', version: Number(match[1]), locale: exportLocale(request, user.locale) }
  const headers = (type: string, fileName: string) => ({
    'Content-Type': type,
    'Content-Disposition': `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  })
  if (match[2] === 'csv') {
    const { csv, fileName } = await caller.report.exportCsv(input).catch(toResponse)
    return new Response(csv, { headers: headers('text/csv; charset=utf-8', fileName) })
  }
  const { base64, fileName } = await caller.report.exportPdf(input).catch(toResponse)
  return new Response(Buffer.from(base64, 'base64'), { headers: headers('application/pdf', fileName) })
}
