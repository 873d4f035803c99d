/**
 * A signed-out or signed-in client over plain HTTP (no browser): keeps its
 * cookies, reads the CSRF token from a page, posts forms without following
 * redirects. For the request-level checks of issue 13.
 */
export class HttpClient {
  readonly cookies = new Map<string, string>()
  constructor(readonly baseURL: string, readonly headers: Record<string, string> = {}) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  private remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const at = pair!.indexOf('=')
      const name = pair!.slice(0, at)
      const value = pair!.slice(at + 1)
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const response = await fetch(this.baseURL + path, { redirect: 'manual', headers: { ...this.headers, cookie: this.cookieHeader, ...headers } })
    this.remember(response)
    return response
  }

  /** The CSRF token the pages give this client (the hidden field of the public page, signed in or out). */
  async csrf(): Promise<string> {
    const html = await (await this.get('/you-said-we-did')).text()
    const token = /name="csrf" value="([^"]+)"/.exec(html)?.[1]
    if (!token) throw new Error('no CSRF token on the page')
    return token
  }

  async post(path: string, body: BodyInit | null, headers: Record<string, string> = {}): Promise<Response> {
    const response = await fetch(this.baseURL + path, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...this.headers, cookie: this.cookieHeader, ...headers },
      body,
    })
    this.remember(response)
    return response
  }

  async postForm(path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
    return this.post(path, new URLSearchParams(fields).toString(), { 'content-type': 'application/x-www-form-urlencoded', ...headers })
  }

  async signIn(email: string, password: string): Promise<void> {
    const csrf = await this.csrf()
    const response = await this.postForm('/login', { email, password, csrf })
    if (response.status !== 302) throw new Error(`sign-in failed: ${response.status}`)
  }
}
