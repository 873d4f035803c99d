/**
 * Bad input (issue 7): every procedure of the app router, for every role, gets
 * hostile input, in process (createCaller) and over HTTP (/api/trpc). A refusal
 * must be a 4xx TRPCError whose message is a translation key (`errors.*`), and
 * a refused call must leave the database as it was. Procedures are found by
 * walking the router, so procedures added later are covered without a line here.
 *
 * Seed and run counts: tests/support/fuzz.ts (FUZZ_SEED, FUZZ_RUNS).
 */
import { TRPCError } from '@trpc/server'
import { getHTTPStatusCodeFromError } from '@trpc/server/http'
import fc from 'fast-check'
import { sql } from 'kysely'
import superjson from 'superjson'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z, ZodError, type ZodType } from 'zod'
import en from '../../app/i18n/en.json'
import type { Db } from '../../db/client'
import { handleTrpcRequest, TRPC_MAX_BODY_BYTES } from '../../server/http/trpc-endpoint'
import { issueCsrfToken } from '../../server/lib/csrf'
import { appRouter } from '../../server/routers/_app'
import { ROLES, type Role } from '../../server/schemas/reference'
import type { SessionUser } from '../../server/services/auth'
import { seedDemo } from '../../server/services/seed'
import { createTestDb, testEnv } from '../support/db'
import { callerFor, makeOrganization, makeUser } from '../support/factories'
import { deeplyNested, fuzzParams, HOSTILE_FRAGMENTS, hostileString } from '../support/fuzz'

const env = testEnv()
let db: Db
let close: () => Promise<void>

type Who = Role | 'anonymous'
const WHO: Who[] = ['anonymous', ...ROLES]
const users = {} as Record<Who, SessionUser | null>
const CLIENT_ADDRESS = '203.0.113.7'

/** Values that exist in the fixture, so that hostile input also reaches rows that are there. */
const known = { uuids: [] as string[], receiptCodes: [] as string[], tokens: [] as string[], importIds: [] as string[], emails: [] as string[] }

/**
 * Tables a refused call may still write: a failed sign-in is audited and
 * counted for throttling; an intake submission is counted against the link's
 * and the address's rate limit before its text is looked at.
 */
const MAY_WRITE_WHEN_REFUSED: Record<string, string[]> = {
  'auth.login': ['audit_log', 'rate_limits'],
  'intakeLink.submit': ['rate_limits'],
}

type AnyProcedure = { _def: { type: 'query' | 'mutation' | 'subscription'; inputs: unknown[] } }
const procedures = (appRouter as unknown as { _def: { procedures: Record<string, AnyProcedure> } })._def.procedures
const paths = Object.keys(procedures).sort()

beforeAll(async () => {
  ;({ db, close } = await createTestDb())
  // A small demo world (organizations, accounts, codebook, testimonies, and whatever the seed grows into).
  await seedDemo(db, env, { testimonies: 16 })
  const org = await makeOrganization(db)
  users.anonymous = null
  for (const role of ROLES) users[role] = await makeUser(db, role, role === 'submitter' ? org.id : null)
  const as = (who: Role) => callerFor(db, env, users[who], { clientAddress: CLIENT_ADDRESS })

  const created = await as('submitter').submission.create({ text: 'Agents came to the car wash on Soto; LAPD watched.', consentQuote: true })
  known.receiptCodes.push(created.receiptCode)
  const link = await as('facilitator').intakeLink.create({ name: 'Fuzz listening session', organizationId: org.id })
  known.tokens.push(link.token)
  const viaLink = await callerFor(db, env, null, { clientAddress: CLIENT_ADDRESS }).intakeLink.submit({ token: link.token, text: 'La migra llegó a la escuela.' })
  known.receiptCodes.push(viaLink.receiptCode)
  const invitation = await as('facilitator').invitation.create({ email: 'invitee@example.test', role: 'submitter', organizationId: org.id })
  known.tokens.push(invitation.token)
  const upload = await as('submitter').import.upload({ fileName: 'fuzz.csv', content: new TextEncoder().encode('text,area\n"Agents at the park",hollenbeck\nOtro testimonio,rampart\n') })
  known.importIds.push(upload.id)

  // Every uuid and receipt code in the database, a few per column.
  const columns = await sql<{ table_name: string; column_name: string; data_type: string }>`
    select table_name, column_name, data_type from information_schema.columns
    where table_schema = current_schema() and (data_type = 'uuid' or column_name = 'receipt_code')`.execute(db)
  for (const c of columns.rows) {
    const rows = await sql<{ v: string }>`select distinct ${sql.ref(c.column_name)}::text as v from ${sql.table(c.table_name)} where ${sql.ref(c.column_name)} is not null limit 4`.execute(db)
    for (const { v } of rows.rows) (c.column_name === 'receipt_code' ? known.receiptCodes : known.uuids).push(v)
  }
  known.uuids = [...new Set(known.uuids)]
  known.receiptCodes = [...new Set(known.receiptCodes)]
  known.emails = Object.values(users).flatMap((u) => (u ? [u.email] : []))
  await installWriteLog()
}, 180_000)
afterAll(() => close())

// ---------------------------------------------------------------- the database, before and after

/**
 * Every row written (inserted, updated, deleted) in any table, counted per
 * table by a trigger in this test database only. The count is transactional:
 * a write rolled back with its transaction leaves it as it was, so "the
 * counts did not move" means "the data did not change" — and it costs one
 * small query per call, where checksumming every table would cost a scan.
 */
async function installWriteLog() {
  const tables = (
    await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db)
  ).rows.map((r) => r.table_name)
  await sql`create table fuzz_writes (table_name text primary key, n bigint not null)`.execute(db)
  await sql`
    create function fuzz_count_write() returns trigger language plpgsql as $$
    begin
      insert into fuzz_writes values (TG_TABLE_NAME, 1) on conflict (table_name) do update set n = fuzz_writes.n + 1;
      return null;
    end $$`.execute(db)
  for (const table of tables) {
    await sql`create trigger fuzz_rows after insert or update or delete on ${sql.table(table)} for each row execute function fuzz_count_write()`.execute(db)
    await sql`create trigger fuzz_truncate after truncate on ${sql.table(table)} for each statement execute function fuzz_count_write()`.execute(db)
  }
}

async function writeCounts(): Promise<Record<string, string>> {
  const rows = await sql<{ table_name: string; n: string }>`select table_name, n::text from fuzz_writes`.execute(db)
  return Object.fromEntries(rows.rows.map((r) => [r.table_name, r.n]))
}

function changedTables(before: Record<string, string>, after: Record<string, string>, allowed: string[] = []): string[] {
  return Object.keys(after).filter((t) => before[t] !== after[t] && !allowed.includes(t))
}

// ---------------------------------------------------------------- what a refusal must look like

const isKnownKey = (message: unknown) => typeof message === 'string' && message.startsWith('errors.') && message.slice('errors.'.length) in en.errors

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause = error.cause instanceof Error ? ` (cause: ${error.cause.constructor.name}: ${error.cause.message.slice(0, 300)})` : ''
  return `${error.constructor.name} ${(error as TRPCError).code ?? ''} ${error.message.slice(0, 300)}${cause}`
}

function expectClearRefusal(error: unknown, context: string) {
  const what = `${context}: ${describeError(error)}`
  expect(error instanceof TRPCError, what).toBe(true)
  const e = error as TRPCError
  expect(e.code, what).not.toBe('INTERNAL_SERVER_ERROR')
  const status = getHTTPStatusCodeFromError(e)
  expect(status >= 400 && status < 500, `${what} → HTTP ${status}`).toBe(true)
  expect(isKnownKey(e.message), `${what}: the message is not a translation key`).toBe(true)
  if (e.cause instanceof ZodError) {
    for (const issue of e.cause.issues) expect(isKnownKey(issue.message), `${what}: issue ${JSON.stringify(issue.path)} says ${JSON.stringify(issue.message)}`).toBe(true)
  }
}

// ---------------------------------------------------------------- hostile values

const ONE_MB = 1024 * 1024
/** Built once: strings of a megabyte and more, and nesting far deeper than any form. */
const HUGE_VALUES: unknown[] = [
  'a'.repeat(ONE_MB),
  '\u0000'.repeat(ONE_MB),
  '😢\u200b\u202e'.repeat(ONE_MB / 4),
  "'; drop table submissions; --".repeat(ONE_MB / 29),
  deeplyNested(1_500, 'array'),
  deeplyNested(1_500, 'object'),
  deeplyNested(10_000, 'array', '\u0000'),
  deeplyNested(10_000, 'object', { text: 'x' }),
  Array.from({ length: 100_000 }, (_, i) => i),
]
const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '', ' ', '\u0000', 'text\u200b', '$where', '0', 'length']
const hostileKey = fc.oneof(fc.constantFrom(...HOSTILE_KEYS), hostileString(3))

const hostileNumber = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 2 ** 53, -(2 ** 53) - 2, 1e308, Number.MIN_VALUE, 0.5, -1, 2 ** 31, 100_001),
)

const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ any: unknown }>((tie) => ({
  any: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    { weight: 6, arbitrary: hostileString() },
    { weight: 1, arbitrary: fc.constantFrom(...HUGE_VALUES) },
    { weight: 3, arbitrary: hostileNumber },
    { weight: 1, arbitrary: fc.bigInt() },
    { weight: 2, arbitrary: fc.constantFrom(true, false, null, undefined) },
    { weight: 1, arbitrary: fc.date({ noInvalidDate: false }) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) },
    { weight: 2, arbitrary: fc.array(tie('any'), { maxLength: 4 }) },
    { weight: 2, arbitrary: fc.dictionary(hostileKey, tie('any'), { maxKeys: 4 }) },
    { weight: 1, arbitrary: fc.array(tie('any'), { maxLength: 3 }).map((items) => new Set(items)) },
    { weight: 1, arbitrary: fc.array(fc.tuple(hostileString(2), tie('any')), { maxLength: 3 }).map((entries) => new Map(entries)) },
  ),
})).any

// ---------------------------------------------------------------- inputs shaped like each procedure's schema

type JsonSchema = {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  enum?: unknown[]
  const?: unknown
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
  format?: string
  pattern?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  minItems?: number
  maxItems?: number
}

function jsonSchemaOf(procedure: AnyProcedure): JsonSchema | null {
  const inputs = procedure._def.inputs as ZodType[]
  if (inputs.length === 0) return null
  const schemas = inputs.map((input) => {
    try {
      return z.toJSONSchema(input, { io: 'input', unrepresentable: 'any' }) as JsonSchema
    } catch {
      return {} as JsonSchema
    }
  })
  if (schemas.length === 1) return schemas[0]!
  return { type: 'object', properties: Object.assign({}, ...schemas.map((s) => s.properties ?? {})), required: schemas.flatMap((s) => s.required ?? []) }
}

/** Values the fixture has, by the name of the field: real ids, tokens and receipt codes. */
function knownFor(name: string, schema: JsonSchema): string[] {
  if (schema.format === 'uuid' || /(?:^id|Id)$/.test(name)) {
    if (schema.pattern && !schema.format && known.importIds.length) return known.importIds
    return known.uuids
  }
  if (/token/i.test(name)) return known.tokens
  if (/code$/i.test(name)) return known.receiptCodes
  if (/email/i.test(name)) return known.emails
  return []
}

/** A hostile string cut or padded to the schema's length limits, so it passes them and reaches the service. */
function fitting(schema: JsonSchema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0
  const max = Math.min(schema.maxLength ?? 200, 12_000)
  return fc.oneof(
    { weight: 8, arbitrary: hostileString() },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_FRAGMENTS).map((f) => f.repeat(Math.ceil(max / Math.max(1, f.length)))) },
  ).map((s) => {
    let out = s.slice(0, max)
    while (out.length < min) out += ' x\u0000 '.slice(0, min - out.length)
    return out
  })
}

function validish(schema: JsonSchema, name = ''): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum)
  if ('const' in schema) return fc.constant(schema.const)
  const alternatives = schema.anyOf ?? schema.oneOf
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => validish(s, name)))
  if (schema.allOf?.length) return validish(Object.assign({}, ...schema.allOf), name)
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type
  const real = knownFor(name, schema)
  switch (type) {
    case 'string': {
      const shaped = schema.pattern ? fc.stringMatching(new RegExp(schema.pattern)) : schema.format === 'uuid' ? fc.uuid() : fitting(schema)
      return real.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...real) }, { weight: 2, arbitrary: shaped }, { weight: 1, arbitrary: fitting(schema) }) : fc.oneof({ weight: 3, arbitrary: shaped }, { weight: 1, arbitrary: fitting(schema) })
    }
    // Mostly in range, so that the other fields of the input get through to the service.
    case 'integer':
      return fc.oneof({ weight: 6, arbitrary: fc.integer({ min: schema.minimum ?? -1_000_000, max: schema.maximum ?? 1_000_000 }) }, { weight: 1, arbitrary: hostileNumber })
    case 'number':
      return fc.oneof({ weight: 6, arbitrary: fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true }) }, { weight: 1, arbitrary: hostileNumber })
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    case 'array':
      return fc.array(schema.items ? validish(schema.items, name) : hostileValue, { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 6, 6) })
    case 'object': {
      const props = schema.properties ?? {}
      const record = Object.fromEntries(Object.entries(props).map(([key, s]) => [key, validish(s, key)]))
      return fc.record(record, { requiredKeys: (schema.required ?? []).filter((k) => k in props) })
    }
    default:
      // Unrepresentable in JSON Schema (a file's bytes, a Date …): bytes that look like a CSV file, or anything.
      if (/content|file|bytes/i.test(name)) return fc.oneof(csvBytes, fc.uint8Array({ maxLength: 300 }))
      return hostileValue
  }
}

const csvBytes = fc
  .tuple(fc.constantFrom('text,area,consent quote', 'Testimonio;Área', 'text'), fc.array(fc.array(fc.oneof({ weight: 1, arbitrary: hostileString(3) }, { weight: 4, arbitrary: fc.constantFrom('Agents at the park', 'hollenbeck', 'sí', '2025-07', '"', '""', '\r\n', 'ñandú') }), { maxLength: 4 }), { minLength: 1, maxLength: 5 }), fc.constantFrom('utf-8', 'utf-16le', 'cp1252'))
  .map(([header, rows, encoding]) => {
    const text = [header, ...rows.map((r) => r.join(','))].join('\r\n')
    if (encoding === 'utf-16le') return Uint8Array.from(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))
    if (encoding === 'cp1252') return Uint8Array.from(Buffer.from(text, 'latin1'))
    return new TextEncoder().encode(text)
  })

const DELETE = Symbol('delete')

/**
 * An optional field whose value its own schema refuses is left out, so that
 * one bad filter does not stop the hostile text of another field before the
 * service: shaped inputs should mostly pass the schema and reach the database.
 */
function withoutRefusedOptionals(procedure: AnyProcedure) {
  const shape = (procedure._def.inputs[0] as { shape?: Record<string, ZodType> } | undefined)?.shape
  return (value: unknown) => {
    if (!shape || typeof value !== 'object' || value === null || Array.isArray(value)) return value
    const out: Record<string, unknown> = { ...(value as Record<string, unknown>) }
    for (const [key, field] of Object.entries(shape)) {
      if (key in out && !field.safeParse(out[key]).success && field.safeParse(undefined).success) delete out[key]
    }
    return out
  }
}

/** Shape-aware (the schema's own fields, some replaced, removed or joined by others), or anything at all. */
function inputFor(procedure: AnyProcedure): fc.Arbitrary<unknown> {
  const schema = jsonSchemaOf(procedure)
  if (!schema) return fc.oneof(fc.constant(undefined), hostileValue)
  const shaped = validish(schema).map(withoutRefusedOptionals(procedure))
  const fields = Object.keys(schema.properties ?? {})
  const edits = fc.array(fc.tuple(fc.oneof(fields.length ? fc.constantFrom(...fields) : hostileKey, hostileKey), fc.oneof({ weight: 4, arbitrary: hostileValue }, { weight: 1, arbitrary: fc.constant(DELETE) })), { minLength: 1, maxLength: 3 })
  const mutated = fc.tuple(shaped, edits).map(([value, changes]) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return changes[0]![1] === DELETE ? undefined : changes[0]![1]
    const out: Record<string, unknown> = { ...(value as Record<string, unknown>) }
    for (const [key, v] of changes) {
      if (v === DELETE) delete out[key]
      else Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true })
    }
    return out
  })
  return fc.oneof({ weight: 5, arbitrary: shaped }, { weight: 3, arbitrary: mutated }, { weight: 2, arbitrary: hostileValue }, { weight: 1, arbitrary: fc.array(shaped, { minLength: 1, maxLength: 2 }) })
}

// ---------------------------------------------------------------- calling

/** Calls the procedure at a dotted path (nested routers too) as `who`. */
async function callPath(who: Who, path: string, input: unknown): Promise<unknown> {
  const caller = callerFor(db, env, users[who], { clientAddress: CLIENT_ADDRESS }) as unknown as Record<string, unknown>
  const segments = path.split('.')
  const procedure = segments.reduce<unknown>((node, segment) => (node as Record<string, unknown>)[segment], caller) as (input?: unknown) => Promise<unknown>
  return procedure(input)
}

/** Role middleware answers before any input is read: a denied role needs few runs. */
async function isDenied(who: Who, path: string): Promise<boolean> {
  try {
    await callPath(who, path, undefined)
    return false
  } catch (error) {
    return error instanceof TRPCError && ((error.code === 'UNAUTHORIZED' && error.message === 'errors.unauthorized') || (error.code === 'FORBIDDEN' && error.message === 'errors.forbidden'))
  }
}

const RUNS_ALLOWED = 20
const RUNS_DENIED = 2

describe('every procedure, every role, hostile input (in process)', () => {
  it('walks the whole router, and sees writes', async () => {
    expect(paths.length).toBeGreaterThan(30)
    const before = await writeCounts()
    await callPath('admin', 'auth.setLocale', { locale: 'es' })
    expect(changedTables(before, await writeCounts())).toEqual(['users'])
  })

  for (const path of paths) {
    it(`${path}: refusals are clear 4xx errors and change nothing`, async () => {
      const allowed = MAY_WRITE_WHEN_REFUSED[path] ?? []
      let baseline = await writeCounts()
      for (const who of WHO) {
        const denied = await isDenied(who, path)
        baseline = await writeCounts()
        await fc.assert(
          fc.asyncProperty(inputFor(procedures[path]!), async (input) => {
            let refused: unknown = null
            try {
              await callPath(who, path, input)
            } catch (error) {
              refused = error
            }
            const after = await writeCounts()
            if (refused) {
              expectClearRefusal(refused, `${path} as ${who}`)
              expect(changedTables(baseline, after, allowed), `${path} as ${who} was refused (${describeError(refused)}) but changed`).toEqual([])
            }
            baseline = after
          }),
          fuzzParams(denied ? RUNS_DENIED : RUNS_ALLOWED),
        )
      }
    })
  }
})

// ---------------------------------------------------------------- over HTTP, with raw bodies

function csrfHeaders(): Record<string, string> {
  const token = issueCsrfToken(env.sessionSecret)
  return { cookie: `voces_csrf=${token}`, 'x-csrf-token': token }
}

function trpc(path: string, init: RequestInit = {}, query = '') {
  return handleTrpcRequest(new Request(`http://localhost/api/trpc/${path}${query}`, init), { clientAddress: CLIENT_ADDRESS, db, env })
}

async function expectHttpRefusal(res: Response, context: string) {
  const body = await res.text()
  // 207: a batch whose calls ended differently (some answered, some refused).
  const ok = (res.status >= 400 && res.status < 500) || res.status === 207
  expect(ok, `${context} → ${res.status} ${body.slice(0, 300)}`).toBe(true)
  // The body is tRPC's error shape (one, or one per call of a batch), and says nothing but translation keys.
  const parsed = JSON.parse(body) as unknown
  for (const item of Array.isArray(parsed) ? parsed : [parsed]) {
    if (!(item as { error?: unknown }).error) continue
    const error = superjson.deserialize<{ message: string; data: { httpStatus: number; fieldErrors?: Record<string, string[]>; stack?: string } }>((item as { error: never }).error)
    expect(error.data.httpStatus, `${context}: ${error.message}`).toBeLessThan(500)
    expect(isKnownKey(error.message), `${context}: message ${JSON.stringify(error.message)}`).toBe(true)
    expect(error.data.stack).toBeUndefined()
    for (const messages of Object.values(error.data.fieldErrors ?? {})) for (const m of messages) expect(isKnownKey(m), `${context}: field error ${JSON.stringify(m)}`).toBe(true)
  }
}

const mutationPaths = () => paths.filter((p) => procedures[p]!._def.type === 'mutation')
const queryPaths = () => paths.filter((p) => procedures[p]!._def.type === 'query')

describe('/api/trpc with raw hostile bodies', () => {
  const rawBodies: [string, string | Uint8Array<ArrayBuffer>][] = [
    ['invalid UTF-8', Uint8Array.from([0x7b, 0x22, 0x6a, 0x73, 0x6f, 0x6e, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0xfe, 0x22, 0x7d])],
    ['NUL bytes', Uint8Array.from([0x7b, 0x00, 0x00, 0x7d])],
    ['NUL inside a JSON string', JSON.stringify({ json: { email: 'a\u0000@example.test', password: 'x\u0000', text: '\u0000' } })],
    ['a lone surrogate, escaped', '{"json":{"text":"\\ud800 abc","name":"\\udfff","reason":"\\ud800\\ud800\\ud800\\ud800\\ud800\\ud800"}}'],
    ['not JSON', 'text=hello&consent=1'],
    ['truncated JSON', '{"json":{"text":"abc'],
    ['JSON null', 'null'],
    ['a JSON string', '"hello"'],
    ['a JSON array', '[1,2,3]'],
    ['JSON nested 10,000 deep', '['.repeat(10_000) + ']'.repeat(10_000)],
    ['superjson meta nested 10,000 deep', `{"json":{"a":1},"meta":{"values":{"a":${'['.repeat(10_000)}"undefined"${']'.repeat(10_000)}}}}`],
    ['superjson prototype pollution', '{"json":{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}},"meta":{"values":{"__proto__.admin":["undefined"]}}}'],
    ['superjson with an unknown type', '{"json":{"a":"x"},"meta":{"values":{"a":["class","Nope"]}}}'],
    ['superjson NaN, Infinity and BigInt', JSON.stringify(superjson.serialize({ text: NaN, page: Infinity, pageSize: -Infinity, limit: 10n ** 30n, id: new Date(NaN) }))],
    ['SQL in every field', JSON.stringify({ json: { text: "'; drop table submissions; --", id: "' or 1=1 --", q: '%\'; select pg_sleep(10); --', token: "x' union select * from users --".padEnd(30, 'x') } })],
    ['HTML and script', JSON.stringify({ json: { text: '<script>alert(1)</script>', name: '<img src=x onerror=alert(1)>', reason: '"><svg onload=alert(1)>' } })],
    ['RTL and zero-width', JSON.stringify({ json: { text: '\u202e\u200b\u200d\u2066abc\u2069', name: '\u200f\u200f\u200f', email: '\u202eadmin@example.test' } })],
  ]

  it('every procedure answers hostile raw bodies with a 4xx and a translation key, never a 5xx', async () => {
    for (const path of paths) {
      const isMutation = procedures[path]!._def.type === 'mutation'
      for (const [label, body] of rawBodies) {
        const res = isMutation
          ? await trpc(path, { method: 'POST', headers: { 'content-type': 'application/json', ...csrfHeaders() }, body })
          : await trpc(path, { method: 'GET' }, `?input=${encodeURIComponent(typeof body === 'string' ? body : new TextDecoder().decode(body))}`)
        if (res.status === 200) continue // a procedure without input, or one that took the value as valid
        await expectHttpRefusal(res, `${path} with ${label}`)
      }
    }
  })

  it('refuses a body over the limit with 413, whether or not it says its length', async () => {
    const big = new Uint8Array(TRPC_MAX_BODY_BYTES + 1).fill(0x20)
    const declared = await trpc('auth.login', { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(20 * ONE_MB), ...csrfHeaders() }, body: '{}' })
    expect(declared.status).toBe(413)
    await expectHttpRefusal(declared, 'declared 20 MB')
    // 20 MB streamed without Content-Length: refused once the limit is crossed, without reading the rest.
    let sent = 0
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 20 * ONE_MB) return controller.close()
        sent += ONE_MB
        controller.enqueue(new Uint8Array(ONE_MB).fill(0x20))
      },
    })
    const streamed = await trpc('auth.login', { method: 'POST', headers: { 'content-type': 'application/json', ...csrfHeaders() }, body: stream, duplex: 'half' } as RequestInit)
    expect(streamed.status).toBe(413)
    expect(sent).toBeLessThan(20 * ONE_MB)
    await expectHttpRefusal(streamed, 'streamed 20 MB')
    // A declared length is refused before anything else, even who is asking.
    const justOver = await trpc('submission.create', { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(big.length), ...csrfHeaders() }, body: big })
    expect(justOver.status).toBe(413)
    const atLimit = await trpc('auth.login', { method: 'POST', headers: { 'content-type': 'application/json', ...csrfHeaders() }, body: big.subarray(1) })
    expect(atLimit.status).toBe(400) // read whole, then refused as not JSON
  })

  it('refuses wrong methods, content types, paths and batches with a 4xx', async () => {
    const [mutation] = mutationPaths()
    const [query] = queryPaths()
    const cases: [string, Promise<Response>][] = [
      ['GET on a mutation', trpc(mutation!, { method: 'GET' })],
      ['POST on a query', trpc(query!, { method: 'POST', headers: { 'content-type': 'application/json', ...csrfHeaders() }, body: '{}' })],
      ['PUT', trpc(query!, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' })],
      ['DELETE', trpc(query!, { method: 'DELETE' })],
      ['text/plain', trpc(mutation!, { method: 'POST', headers: { 'content-type': 'text/plain', ...csrfHeaders() }, body: '{}' })],
      ['no content type', trpc(mutation!, { method: 'POST', headers: csrfHeaders(), body: new Uint8Array([0x7b, 0x7d]) })],
      ['form-encoded', trpc(mutation!, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...csrfHeaders() }, body: 'a=1' })],
      ['multipart', trpc(mutation!, { method: 'POST', headers: csrfHeaders(), body: (() => { const f = new FormData(); f.set('text', '\u0000'); return f })() })],
      ['octet-stream', trpc(mutation!, { method: 'POST', headers: { 'content-type': 'application/octet-stream', ...csrfHeaders() }, body: new Uint8Array([0, 1, 2]) })],
      ['an unknown procedure', trpc('nope.nothing', { method: 'GET' })],
      ['a path of hostile characters', trpc(encodeURIComponent('../../\u0000%00<script>'), { method: 'GET' })],
      ['__proto__ as a path', trpc('__proto__.constructor', { method: 'GET' })],
      ['a batch of garbage', trpc(`${query},${query},nope`, { method: 'GET' }, `?batch=1&input=${encodeURIComponent('{"0":{"json":1},"1":"garbage","2":null}')}`)],
      ['a batch whose input is not an object', trpc(`${query},${query}`, { method: 'GET' }, `?batch=1&input=${encodeURIComponent('[1,2]')}`)],
      ['a batch of 500 calls', trpc(Array(500).fill(query).join(','), { method: 'GET' }, '?batch=1')],
      ['a batch mixing queries and mutations', trpc(`${query},${mutation}`, { method: 'POST', headers: { 'content-type': 'application/json', ...csrfHeaders() }, body: '{}' }, '?batch=1')],
      ['a malformed input parameter', trpc(query!, { method: 'GET' }, '?input=%E0%A4%A')],
    ]
    for (const [label, pending] of cases) await expectHttpRefusal(await pending, label)
  })

  it('hostile cookies and headers give 4xx (or an anonymous answer), never a 5xx', async () => {
    const cookies = ['voces_session=\u0000', 'voces_session=' + 'x'.repeat(8_000), 'voces_session=%E0%A4%A; voces_csrf=%00', 'voces_session="; drop table sessions; --', 'voces_csrf=a; voces_csrf=b', '=;=;;']
    for (const cookie of cookies) {
      for (const path of ['auth.me', queryPaths().find((p) => p !== 'auth.me')!]) {
        // Header values are bytes: what a client can send for a NUL is its percent-encoding or a Latin-1 byte.
        const res = await trpc(path, { method: 'GET', headers: { cookie: cookie.replace('\u0000', '%00'), 'x-csrf-token': 'ÿ%00' } })
        expect(res.status, `${path} with cookie ${JSON.stringify(cookie)}`).toBeLessThan(500)
      }
    }
  })

  it('superjson-encoded hostile values for every procedure give 200 or a clear 4xx', async () => {
    for (const path of paths) {
      const isMutation = procedures[path]!._def.type === 'mutation'
      await fc.assert(
        fc.asyncProperty(inputFor(procedures[path]!), async (input) => {
          let body: string
          try {
            body = JSON.stringify(superjson.serialize(input))
          } catch {
            return // not serialisable by a client (a 10,000-deep value, an invalid Date): nothing to send
          }
          if (body.length > TRPC_MAX_BODY_BYTES) return
          const res = isMutation
            ? await trpc(path, { method: 'POST', headers: { 'content-type': 'application/json', ...csrfHeaders() }, body })
            : await trpc(path, { method: 'GET' }, `?input=${encodeURIComponent(body)}`)
          if (res.status !== 200) await expectHttpRefusal(res, `${path} over HTTP`)
        }),
        fuzzParams(4),
      )
    }
  })
})
