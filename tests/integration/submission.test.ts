import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../db/client'
import { decryptText } from '../../server/lib/crypto'
import type { SessionUser } from '../../server/services/auth'
import { createTestDb, testEnv } from '../support/db'
import { callerFor, makeOrganization, makeUser } from '../support/factories'

const env = testEnv()
let db: Db
let close: () => Promise<void>
let submitter: SessionUser
let facilitator: SessionUser

beforeAll(async () => {
  ;({ db, close } = await createTestDb())
  const org = await makeOrganization(db, 'Boyle Heights Mutual Aid')
  submitter = await makeUser(db, 'submitter', org.id)
  facilitator = await makeUser(db, 'facilitator')
})
afterAll(() => close())

const spanish =
  'Me llamo Guadalupe Ramírez y mi teléfono es (323) 555-0142. El martes los agentes de ICE con máscaras se llevaron a mi vecino frente a la escuela y los policías del LAPD solo miraron.'

describe('submitting testimony', () => {
  it('stores the redacted text, detects Spanish, encrypts the original, and returns a receipt', async () => {
    const created = await callerFor(db, env, submitter).submission.create({
      text: spanish,
      incidentMonth: '2025-07',
      area: 'hollenbeck',
      setting: 'school',
      agencies: ['ice', 'lapd'],
      guidanceWanted: 'Que los policías nos digan quién es quién.',
      consentQuote: true,
      consentContact: false,
    })
    expect(created.receiptCode).toMatch(/^[0-9A-Z]{3}-[0-9A-Z]{3}-[0-9A-Z]{3}$/)
    expect(created.language).toBe('es')

    const row = await db.selectFrom('submissions').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow()
    expect(row.text_redacted).toContain('[PHONE]')
    expect(row.text_redacted).toContain('[NAME]')
    expect(row.text_redacted).not.toContain('555-0142')
    expect(row.text_redacted).not.toContain('Guadalupe')
    expect(row.text_redacted).toContain('LAPD') // agencies stay
    expect(Buffer.from(row.text_original_enc!).toString('utf8')).not.toContain('Guadalupe')
    expect(decryptText(row.text_original_enc!, env.encryptionKey)).toBe(spanish)
    expect(row.agencies).toEqual(['ice', 'lapd'])
    expect(row.incident_month).toBe('2025-07')

    const audit = await db.selectFrom('audit_log').selectAll().where('target_id', '=', created.id).execute()
    expect(audit.map((a) => a.action)).toContain('submission.create')
  })

  it('shows facilitators the redacted text only, never the original', async () => {
    const created = await callerFor(db, env, submitter).submission.create({ text: 'My name is Maria Lopez, call me at 213-555-0188.', agencies: [], consentQuote: false, consentContact: false })
    const detail = await callerFor(db, env, facilitator).submission.byId({ id: created.id })
    expect(detail.text).not.toContain('Maria')
    expect(detail.text).not.toContain('213-555-0188')
    expect(JSON.stringify(detail)).not.toContain('Maria')
    expect(Object.keys(detail)).not.toContain('text_original_enc')
    const list = await callerFor(db, env, facilitator).submission.list({})
    expect(JSON.stringify(list)).not.toContain('Maria')
  })

  it('rejects bad input with field messages and stores nothing', async () => {
    const before = await db.selectFrom('submissions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    const caller = callerFor(db, env, submitter)
    await expect(caller.submission.create({ text: '   ', agencies: [], consentQuote: false, consentContact: false })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    await expect(caller.submission.create({ text: 'x'.repeat(10_001), agencies: [], consentQuote: false, consentContact: false })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    await expect(caller.submission.create({ text: 'ok', incidentMonth: '2025-13', agencies: [], consentQuote: false, consentContact: false })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    // @ts-expect-error: not an LAPD Area
    await expect(caller.submission.create({ text: 'ok', area: 'narnia', agencies: [], consentQuote: false, consentContact: false })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    const after = await db.selectFrom('submissions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(Number(before.n))
  })

  it('paginates the facilitator list newest first and filters by language', async () => {
    const caller = callerFor(db, env, submitter)
    for (let i = 0; i < 6; i++) await caller.submission.create({ text: `The raid at the car wash number ${i} left families afraid to go out.`, agencies: [], consentQuote: false, consentContact: false })
    const page1 = await callerFor(db, env, facilitator).submission.list({ pageSize: 5, page: 1, language: 'en' })
    const page2 = await callerFor(db, env, facilitator).submission.list({ pageSize: 5, page: 2, language: 'en' })
    expect(page1.items).toHaveLength(5)
    expect(page1.total).toBeGreaterThanOrEqual(7)
    expect(page1.items.every((s) => s.language === 'en')).toBe(true)
    expect(new Set([...page1.items, ...page2.items].map((s) => s.id)).size).toBe(page1.items.length + page2.items.length)
    expect(new Date(page1.items[0]!.createdAt) >= new Date(page1.items[4]!.createdAt)).toBe(true)
  })
})
