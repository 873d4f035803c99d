import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../db/client'
import { parseCsv } from '../../server/lib/csv'
import type { SessionUser } from '../../server/services/auth'
import { AUDIT_PAGE_SIZE } from '../../server/schemas/audit'
import { createTestDb, testEnv } from '../support/db'
import { callerFor, makeOrganization, makeUser } from '../support/factories'

const env = testEnv()
let db: Db
let close: () => Promise<void>
let admin: SessionUser
let facilitator: SessionUser
let submitter: SessionUser
let receiptCode: string

beforeAll(async () => {
  ;({ db, close } = await createTestDb())
  const org = await makeOrganization(db)
  admin = await makeUser(db, 'admin')
  facilitator = await makeUser(db, 'facilitator')
  await db.updateTable('users').set({ display_name: 'Marcus' }).where('id', '=', facilitator.id).execute()
  submitter = await makeUser(db, 'submitter', org.id)
  const created = await callerFor(db, env, submitter).submission.create({ text: 'Los agentes llegaron al parque y nadie nos explicó nada de lo que pasaba.', agencies: [], consentQuote: false, consentContact: false })
  receiptCode = created.receiptCode
  // A reason a spreadsheet would run as a formula.
  await callerFor(db, env, facilitator, { now: new Date('2026-07-04T19:05:00Z') }).submission.reveal({ id: created.id, reason: '=HYPERLINK("http://evil.example","x") the caller asked' })
})
afterAll(() => close())

const search = (filter: Record<string, string>, page = 1, locale: 'en' | 'es' = 'en') => callerFor(db, env, admin).audit.search({ filter, page, locale })

describe('audit page', () => {
  it('a reveal reads as a sentence with the testimony and the reason, in Los Angeles time, EN and ES', async () => {
    const en = await search({ action: 'submission.reveal' })
    expect(en.entries).toHaveLength(1)
    expect(en.entries[0]!.text).toBe(`Marcus revealed the original of testimony ${receiptCode} — reason: =HYPERLINK("http://evil.example","x") the caller asked`)
    expect(en.entries[0]!.when).toMatch(/Jul 4, 2026.*12:05.*PM.*PDT/)
    const es = await search({ action: 'submission.reveal' }, 1, 'es')
    expect(es.entries[0]!.text).toMatch(new RegExp(`^Marcus reveló el original del testimonio ${receiptCode} — motivo: `))
    expect(en.actions).toEqual(expect.arrayContaining(['submission.create', 'submission.reveal']))
  })

  it('filters by who, action family, target (receipt code) and period in Los Angeles days', async () => {
    expect((await search({ who: 'marcus' })).entries.map((e) => e.action)).toEqual(['submission.reveal'])
    expect((await search({ action: 'submission' })).entries.map((e) => e.action).sort()).toEqual(['submission.create', 'submission.reveal'])
    expect((await search({ target: receiptCode.toLowerCase() })).entries.map((e) => e.action).sort()).toEqual(['submission.create', 'submission.reveal'])
    // 19:05 UTC on July 4 is 12:05 in Los Angeles: inside July 4, not July 5.
    expect((await search({ from: '2026-07-04', to: '2026-07-04' })).entries.map((e) => e.action)).toEqual(['submission.reveal'])
    expect((await search({ from: '2026-07-05', to: '2026-07-05' })).entries).toEqual([])
    await expect(search({ from: '2026-07-05', to: '2026-07-04' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'errors.dateOrder' })
    await expect(search({ from: 'yesterday' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'errors.date' })
  })

  it('pages through the log, newest first', async () => {
    const rows = Array.from({ length: AUDIT_PAGE_SIZE + 5 }, (_, i) => ({ actor_user_id: admin.id, action: 'test.bulk', details: JSON.stringify({ i }) }))
    await db.insertInto('audit_log').values(rows).execute()
    const first = await search({ action: 'test.bulk' })
    expect(first).toMatchObject({ total: AUDIT_PAGE_SIZE + 5, pageCount: 2, page: 1 })
    expect(first.entries).toHaveLength(AUDIT_PAGE_SIZE)
    const second = await search({ action: 'test.bulk' }, 2)
    expect(second.entries).toHaveLength(5)
    expect(Number(first.entries.at(-1)!.id)).toBeGreaterThan(Number(second.entries[0]!.id))
    expect(first.entries[0]!.text).toBe(`${admin.displayName}: test.bulk`)
  })

  it('exports the filtered log as formula-safe CSV, and the export is itself audited', async () => {
    const result = await callerFor(db, env, admin).audit.exportCsv({ filter: { target: receiptCode }, locale: 'es' })
    expect(result.count).toBe(2)
    const records = parseCsv(result.csv.replace(/^\uFEFF/, ''))
    expect(records[0]!.cells).toEqual(['Fecha y hora (Los Ángeles)', 'Quién', 'Código de acción', 'Objeto', 'Descripción', 'Detalles (JSON)'])
    const reveal = records.find((r) => r.cells[2] === 'submission.reveal')!
    expect(reveal.cells[3]).toBe(receiptCode)
    expect(reveal.cells[4]).toMatch(/^Marcus reveló el original/)
    // No cell starts with a formula character once written.
    for (const record of records) for (const cell of record.cells) expect(cell).not.toMatch(/^\s*[=+\-@]/)
    expect(reveal.cells[5]!.startsWith("'")).toBe(false)
    expect(JSON.parse(reveal.cells[5]!)).toMatchObject({ reason: expect.stringContaining('HYPERLINK') })

    const exported = await db.selectFrom('audit_log').selectAll().where('action', '=', 'audit.export').executeTakeFirstOrThrow()
    expect(exported).toMatchObject({ actor_user_id: admin.id })
    expect(exported.details).toMatchObject({ count: 2, filter: { target: receiptCode } })
    expect((await search({ action: 'audit.export' })).entries[0]!.text).toBe(`${admin.displayName} downloaded 2 audit log entries as CSV`)
  })

  it('a formula in a cell gets an apostrophe', async () => {
    await db.insertInto('audit_log').values({ actor_user_id: admin.id, action: 'test.formula', target_type: 'user', target_id: null, details: JSON.stringify({ email: '=cmd|calc' }) }).execute()
    const result = await callerFor(db, env, admin).audit.exportCsv({ filter: { action: 'test.formula' }, locale: 'en' })
    const row = parseCsv(result.csv.replace(/^\uFEFF/, ''))[1]!
    expect(row.cells[3]).toBe("'=cmd|calc")
  })
})
