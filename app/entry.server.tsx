/**
 * Remix's default Node entry, plus the CSP nonce: every inline script Remix
 * writes (hydration data, streamed loader data, the module loader) carries the
 * request's nonce. The nonce comes from the Express server via the load context.
 */
import { PassThrough } from 'node:stream'
import type { AppLoadContext, EntryContext } from '@remix-run/node'
import { createReadableStreamFromReadable } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { renderToPipeableStream } from 'react-dom/server'
import { resolveLocale } from './.server/request'
import { NonceContext } from './nonce'
import { RequestLocaleContext } from './request-locale'

const ABORT_DELAY = 5_000

declare module '@remix-run/node' {
  interface AppLoadContext {
    /** The Content-Security-Policy nonce of this response (server/main.ts). */
    cspNonce?: string
  }
}

export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext, loadContext: AppLoadContext) {
  const nonce = loadContext.cspNonce ?? ''
  // Crawlers and the SPA build wait for everything; browsers get the page as soon as its shell is ready.
  const waitForAll = remixContext.isSpaMode || /bot|crawl|spider|slurp/i.test(request.headers.get('user-agent') ?? '')
  return new Promise((resolve, reject) => {
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RequestLocaleContext.Provider value={resolveLocale(request, null)}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </RequestLocaleContext.Provider>
      </NonceContext.Provider>,
      {
        nonce,
        [waitForAll ? 'onAllReady' : 'onShellReady']() {
          shellRendered = true
          const body = new PassThrough()
          responseHeaders.set('Content-Type', 'text/html')
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }))
          pipe(body)
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          // Errors while rendering the shell reject and are logged by Remix; later ones are logged here.
          if (shellRendered) console.error(error)
        },
      },
    )
    setTimeout(abort, ABORT_DELAY)
  })
}
