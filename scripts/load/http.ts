/**
 * A small HTTP client for the scripts: keep-alive, a cookie jar per simulated
 * person, form posts with the CSRF token (the signed double-submit cookie echoed
 * in the `csrf` field, as the app's forms do), and the time each request took.
 */
import http from 'node:http'
import { performance } from 'node:perf_hooks'

export type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string; ms: number }

export class Client {
  readonly cookies = new Map<string, string>()
  constructor(
    readonly base: string,
    readonly agent: http.Agent = new http.Agent({ keepAlive: true }),
    /** Sent as X-Forwarded-For: the app trusts it from loopback (VOCES_TRUST_PROXY=loopback). */
    public clientAddress: string | null = null,
  ) {}

  /** The app's cookie of this name: `__Host-` prefixed where cookies are Secure (production), plain otherwise. */
  cookieNamed(name: string): [string, string] | null {
    for (const key of [`__Host-${name}`, name]) {
      const value = this.cookies.get(key)
      if (value !== undefined) return [key, value]
    }
    return null
  }

  get csrf(): string {
    const token = this.cookieNamed('voces_csrf')?.[1]
    if (!token) throw new Error('no CSRF cookie yet: GET a page first')
    return token
  }

  request(method: string, path: string, options: { body?: Buffer | string; contentType?: string; headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<Reply> {
    const url = new URL(path, this.base)
    const headers: Record<string, string> = { accept: 'text/html,application/json', ...options.headers }
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    if (this.clientAddress) headers['x-forwarded-for'] = this.clientAddress
    const body = options.body === undefined ? undefined : Buffer.isBuffer(options.body) ? options.body : Buffer.from(options.body)
    if (body) {
      headers['content-type'] = options.contentType ?? 'application/x-www-form-urlencoded'
      headers['content-length'] = String(body.length)
    }
    const started = performance.now()
    return new Promise((resolve, reject) => {
      const req = http.request(url, { method, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('error', reject)
        res.on('end', () => {
          for (const cookie of [res.headers['set-cookie'] ?? []].flat()) {
            const [pair] = cookie.split(';')
            const eq = pair!.indexOf('=')
            const name = pair!.slice(0, eq).trim()
            const value = pair!.slice(eq + 1).trim()
            if (/max-age=0|expires=thu, 01 jan 1970/i.test(cookie) || value === '') this.cookies.delete(name)
            else this.cookies.set(name, value)
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started })
        })
      })
      req.setTimeout(options.timeoutMs ?? 120_000, () => req.destroy(new Error(`timeout after ${options.timeoutMs ?? 120_000} ms: ${method} ${path}`)))
      req.on('error', reject)
      req.end(body)
    })
  }

  get(path: string, options?: { headers?: Record<string, string>; timeoutMs?: number }) {
    return this.request('GET', path, options)
  }

  /** A form post with this client's CSRF token added. */
  post(path: string, fields: Record<string, string | string[]>, options?: { headers?: Record<string, string>; timeoutMs?: number }) {
    const form = new URLSearchParams()
    for (const [key, value] of Object.entries({ csrf: this.csrf, ...fields })) for (const v of [value].flat()) form.append(key, v)
    return this.request('POST', path, { body: form.toString(), ...options })
  }

  /** A multipart form post (file upload) with this client's CSRF token added. */
  postMultipart(path: string, fields: Record<string, string>, file: { field: string; name: string; type: string; content: Buffer }, options?: { timeoutMs?: number }) {
    const boundary = `----voces${Math.random().toString(16).slice(2)}`
    const parts: Buffer[] = []
    for (const [key, value] of Object.entries({ csrf: this.csrf, ...fields })) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`))
    }
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.content, Buffer.from(`\r\n--${boundary}--\r\n`))
    return this.request('POST', path, { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}`, ...options })
  }

  /** Signs in through the login form; throws unless it redirects. */
  async login(email: string, password: string): Promise<void> {
    await this.get('/login')
    const reply = await this.post('/login', { email, password })
    if (reply.status !== 302 && reply.status !== 303) throw new Error(`login as ${email} failed: ${reply.status}`)
    // As a browser does, open the page the sign-in leads to: it carries the CSRF token bound to the
    // new session (the token of the sign-in form is a signed-out visitor's and no longer counts).
    await this.get(String(reply.headers.location ?? '/'))
  }
}

/** Percentile of sorted numbers (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}
