import http from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { IMPORT_MAX_BYTES } from '../schemas/import'
import { DEFAULT_BODY_LIMIT, requestBodyLimit } from './body-limit'

let server: http.Server
let port: number

beforeAll(async () => {
  const app = express()
  app.use(requestBodyLimit())
  // Stands for Remix: reads the whole body and says how much it got.
  app.all('*', (req, res) => {
    let size = 0
    req.on('data', (chunk: Buffer) => (size += chunk.length))
    req.on('end', () => res.json({ size }))
  })
  server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  port = (server.address() as AddressInfo).port
})
afterAll(() => new Promise((resolve) => server.close(resolve)))

/** A raw request: the declared length may differ from what is sent, as a hostile client's would. */
function send(path: string, headers: Record<string, string>, body: Buffer | null): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => (text += c))
      res.on('end', () => resolve({ status: res.statusCode!, text }))
    })
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? resolve({ status: 0, text: '' }) : reject(error)))
    if (body) req.write(body)
    req.end()
  })
}

describe('request body limit', () => {
  it('lets a form post under the limit through', async () => {
    const body = Buffer.alloc(200_000, 'a')
    const res = await send('/org/submit', { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(body.length) }, body)
    expect(res).toEqual({ status: 200, text: JSON.stringify({ size: 200_000 }) })
  })

  it('refuses a declared length over the limit with 413, in the reader’s language, before reading it', async () => {
    const res = await send('/org/submit', { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(20 * 1024 * 1024), 'accept-language': 'es-MX,es;q=0.9' }, Buffer.alloc(1024, 'a'))
    expect(res.status).toBe(413)
    expect(res.text).toContain('<html lang="es">')
    expect(res.text).toContain('Lo que se envió es demasiado grande')
    expect((await send('/api/trpc/submission.create', { 'content-length': String(DEFAULT_BODY_LIMIT + 1) }, Buffer.alloc(10))).status).toBe(413)
  })

  it('takes a CSV upload up to its own limit on the import page only', async () => {
    const body = Buffer.alloc(5 * 1024 * 1024, 'a')
    expect((await send('/import', { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(body.length) }, body)).status).toBe(200)
    const over = await send('/import', { 'content-length': String(2 * IMPORT_MAX_BYTES + 1) }, Buffer.alloc(10))
    expect(over.status).toBe(413)
    expect(over.text).toContain('larger than 20 MB')
  })

  it('applies the same limit to the path Remix posts to with JavaScript (/import.data)', async () => {
    const body = Buffer.alloc(5 * 1024 * 1024, 'a')
    expect((await send('/import.data?index', { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(body.length) }, body)).status).toBe(200)
    expect((await send('/import.data', { 'content-length': String(2 * IMPORT_MAX_BYTES + 1) }, Buffer.alloc(10))).status).toBe(413)
    // Other routes' .data paths keep the default limit.
    expect((await send('/org/submit.data', { 'content-length': String(DEFAULT_BODY_LIMIT + 1) }, Buffer.alloc(10))).status).toBe(413)
  })

  it('refuses a body without a length (chunked) with 411', async () => {
    const res = await send('/login', { 'transfer-encoding': 'chunked' }, Buffer.from('email=a'))
    expect(res.status).toBe(411)
  })
})
