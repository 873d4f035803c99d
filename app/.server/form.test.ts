import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { FORM_ROUTES } from '../../tests/e2e/support/routes'
import { readForm } from './form'

const routesDir = path.resolve(__dirname, '..', 'routes')

async function refusal(request: Request): Promise<{ status: number; message: string }> {
  try {
    await readForm(request)
  } catch (thrown) {
    const response = thrown as { init: { status: number }; data: { message: string } }
    return { status: response.init.status, message: response.data.message }
  }
  throw new Error('readForm accepted it')
}

function post(contentType: string | null, body: string | null) {
  return new Request('http://localhost/login', { method: 'POST', headers: contentType ? { 'content-type': contentType } : {}, body })
}

describe('readForm (issue 13, finding 2)', () => {
  it('reads a form', async () => {
    expect((await readForm(post('application/x-www-form-urlencoded', 'a=1&b=2'))).get('b')).toBe('2')
    const multipart = '--xx\r\nContent-Disposition: form-data; name="a"\r\n\r\nhello\r\n--xx--\r\n'
    expect((await readForm(post('multipart/form-data; boundary=xx', multipart))).get('a')).toBe('hello')
  })

  it.each([
    ['text/plain', 'hello'],
    ['application/json', '{"email":"a@b.c"}'],
    [null, null],
    ['multipart/form-data', '--xx--'],
  ])('answers 415 to a body of type %s', async (type, body) => {
    expect(await refusal(post(type, body))).toEqual({ status: 415, message: 'errors.unsupportedForm' })
  })

  it.each([
    '--xx\r\nContent-Disposition: form-data; name="a"\r\n\r\nhel',
    '--xx\r\nContent-Disp',
    '',
    'garbage',
  ])('answers 400 to a damaged multipart body %j', async (body) => {
    expect(await refusal(post('multipart/form-data; boundary=xx', body))).toEqual({ status: 400, message: 'errors.badForm' })
  })
})

describe('every action reads its form through readForm', () => {
  const withActions = readdirSync(routesDir).filter((f) => /export (async function|const) action\b/.test(readFileSync(path.join(routesDir, f), 'utf8')))

  it('no route reads the body itself', () => {
    for (const file of withActions) {
      const text = readFileSync(path.join(routesDir, file), 'utf8')
      expect(text, file).not.toMatch(/request\.(formData|json|text|arrayBuffer)\(/)
      expect(text, file).not.toMatch(/parseMultipartFormData\(request/)
    }
  })

  it('the request fuzz of the browser tests (tests/e2e/support/routes.ts) covers every page route with an action', () => {
    const pages = withActions.filter((f) => !f.startsWith('api.'))
    expect(FORM_ROUTES.map((r) => r.file).sort()).toEqual(pages.sort())
  })
})
