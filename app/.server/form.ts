import { data } from '@remix-run/node'
import { refusalHtml } from '../../server/http/refusal'
import { isFormContentType } from '../../server/http/request-guard'
import { resolveLocale } from './request'

/**
 * The submitted form of an action, or a 4xx page in the reader's language
 * (issue 13, finding 2): 415 when the body is not a form (JSON, plain text, no
 * body), 400 when it is one but cannot be read (truncated multipart, a bad
 * boundary). The server refuses most of these before Remix
 * (server/http/request-guard.ts); this is the same rule where the body is read,
 * so no action turns a damaged form into a 500. Every action reads its form
 * through here (app/.server/form.test.ts checks it).
 */
export async function readForm(request: Request, parse: (request: Request) => Promise<FormData> = (r) => r.formData()): Promise<FormData> {
  if (!isFormContentType(request.headers.get('content-type') ?? undefined)) throw data({ message: 'errors.unsupportedForm' }, { status: 415 })
  try {
    return await parse(request)
  } catch (error) {
    if (error instanceof TypeError || error instanceof SyntaxError || isMalformedMultipart(error)) throw data({ message: 'errors.badForm' }, { status: 400 })
    throw error
  }
}

/** Remix's multipart parser reports a damaged body with a plain Error ("malformed multipart-form data: …"). */
function isMalformedMultipart(error: unknown): boolean {
  return error instanceof Error && /^malformed multipart/i.test(error.message)
}

/**
 * readForm for a route without a page (/logout, /set-language): Remix would
 * answer its thrown refusal as JSON, so the same short page as the server's
 * refusals is sent instead, in the reader's language.
 */
export async function readFormForResourceRoute(request: Request): Promise<FormData> {
  try {
    return await readForm(request)
  } catch (thrown) {
    const refusal = thrown as { init?: { status?: number }; data?: { message?: unknown } }
    const status = refusal.init?.status
    const key = refusal.data?.message
    if (typeof status !== 'number' || typeof key !== 'string') throw thrown
    throw new Response(refusalHtml(resolveLocale(request, null), status, key), { status, headers: { 'content-type': 'text/html; charset=utf-8' } })
  }
}
