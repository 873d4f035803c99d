import http from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseEnv } from '../env'
import { allowedHostGuard, hostName, requestGuard } from './request-guard'

let server: http.Server
let port: number

beforeAll(async () => {
  const app = express()
  app.use(allowedHostGuard(['localhost', '127.0.0.1', '[::1]', 'voces.example.org']))
  app.use(requestGuard())
  // Stands for Remix: says which Origin it was handed.
  app.all('*', (req, res) => res.json({ origin: req.get('origin') ?? null, forwardedHost: req.get('x-forwarded-host') ?? null }))
  server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  port = (server.address() as AddressInfo).port
})
afterAll(() => new Promise((resolve) => server.close(resolve)))

/** A raw request, with whatever Host a DNS-rebinding page or a hostile client would send. */
function send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method, headers, setHost: !('host' in headers) }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => (text += c))
      res.on('end', () => resolve({ status: res.statusCode!, text }))
    })
    req.on('error', reject)
    if (body) req.write(body)
    req.end()
  })
}

const form = { 'content-type': 'application/x-www-form-urlencoded' }

describe('allowed hosts (issue 13, finding 6)', () => {
  it('answers 421 to a Host that is not this deployment’s, even when the Origin matches it', async () => {
    const rebinding = await send('POST', '/intake/abc', { ...form, host: 'evil.example', origin: 'http://evil.example', 'accept-language': 'es' }, 'text=hola')
    expect(rebinding.status).toBe(421)
    expect(rebinding.text).toContain('Este servidor no responde a esa dirección')
    expect((await send('GET', '/', { host: 'evil.example:3000' })).status).toBe(421)
    expect((await send('GET', '/', { host: 'voces.example.org.evil.example' })).status).toBe(421)
  })

  it('lets the deployment’s names through, with any port and in any case', async () => {
    for (const host of ['localhost:3000', '127.0.0.1', '[::1]:3000', 'Voces.Example.org', 'voces.example.org:443']) expect((await send('GET', '/', { host })).status, host).toBe(200)
  })

  it('keeps /healthz open to monitors that use an address', async () => {
    expect((await send('GET', '/healthz', { host: '10.0.0.5:3000' })).status).toBe(200)
  })

  it('ignores X-Forwarded-Host from a proxy that is not trusted', async () => {
    const reply = await send('POST', '/login', { ...form, host: 'voces.example.org', 'x-forwarded-host': 'evil.example', origin: 'http://voces.example.org' }, 'a=b')
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.text)).toEqual({ origin: 'http://voces.example.org', forwardedHost: null })
    expect((await send('GET', '/', { host: 'evil.example', 'x-forwarded-host': 'voces.example.org' })).status).toBe(421)
  })

  it('reads host names', () => {
    expect(hostName('Voces.Example.org:8443')).toBe('voces.example.org')
    expect(hostName('[::1]:3000')).toBe('[::1]')
    expect(hostName('a:b:c')).toBeNull()
    expect(hostName(undefined)).toBeNull()
  })

  it('defaults to the localhost names, HOST when it names one host, and the host name of VOCES_ORIGIN', () => {
    expect(parseEnv({ NODE_ENV: 'test', VOCES_SESSION_SECRET: 's'.repeat(40), VOCES_ENCRYPTION_KEY: 'a'.repeat(64) }).allowedHosts).toEqual(['localhost', '127.0.0.1', '[::1]'])
    expect(parseEnv({ NODE_ENV: 'test', HOST: 'voces.internal', VOCES_SESSION_SECRET: 's'.repeat(40), VOCES_ENCRYPTION_KEY: 'a'.repeat(64) }).allowedHosts).toContain('voces.internal')
    expect(parseEnv({ NODE_ENV: 'test', HOST: '0.0.0.0', VOCES_SESSION_SECRET: 's'.repeat(40), VOCES_ENCRYPTION_KEY: 'a'.repeat(64) }).allowedHosts).toEqual(['localhost', '127.0.0.1', '[::1]'])
    expect(parseEnv({ NODE_ENV: 'test', VOCES_ORIGIN: 'https://Voces.Example.org', VOCES_SESSION_SECRET: 's'.repeat(40), VOCES_ENCRYPTION_KEY: 'a'.repeat(64) }).allowedHosts).toEqual(['localhost', '127.0.0.1', '[::1]', 'voces.example.org'])
    expect(parseEnv({ NODE_ENV: 'test', VOCES_ALLOWED_HOSTS: 'Voces.Example.org, voces.lacity.example', VOCES_SESSION_SECRET: 's'.repeat(40), VOCES_ENCRYPTION_KEY: 'a'.repeat(64) }).allowedHosts).toEqual(['voces.example.org', 'voces.lacity.example'])
  })
})

describe('form posts before Remix (issue 13, finding 2)', () => {
  it('refuses Origin: null unless the browser says same-origin, then restores the real origin', async () => {
    expect((await send('POST', '/login', { ...form, host: 'localhost:3000', origin: 'null' }, 'a=b')).status).toBe(403)
    const restored = await send('POST', '/login', { ...form, host: 'localhost:3000', origin: 'null', 'sec-fetch-site': 'same-origin' }, 'a=b')
    expect(JSON.parse(restored.text).origin).toBe('http://localhost:3000')
  })

  it('lets /api/ bodies through to tRPC, which answers them itself', async () => {
    expect((await send('POST', '/api/trpc/auth.login', { 'content-type': 'application/json', host: 'localhost' }, '{}')).status).toBe(200)
    expect((await send('POST', '/login', { 'content-type': 'application/json', host: 'localhost' }, '{}')).status).toBe(415)
  })
})
