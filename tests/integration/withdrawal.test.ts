import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../db/client'
import type { SessionUser } from '../../server/services/auth'
import { createTestDb, testEnv } from '../support/db'
import { callerFor, makeOrganization, makeUser } from '../support/factories'

const env = testEnv()
let db: Db
let close: () => Promise<void>
let submitter: SessionUser
let colleague: SessionUser
let otherSubmitter: SessionUser
let facilitator: SessionUser
let commission: SessionUser
let admin: SessionUser

const testimony = (text: string) => ({ text, incidentMonth: '2025-08', area: 'hollenbeck' as const, setting: 'park' as const, agencies: ['ice' as const], consentQuote: true, consentContact: true, cityResponse: 'Nadie respondió.', guidanceWanted: 'Que se identifiquen.' })

beforeAll(async () => {
  ;({ db, close } = await createTestDb())
  const org = await makeOrganization(db)
  const other = await makeOrganization(db)
  submitter = await makeUser(db, 'submitter', org.id)
  colleague = await makeUser(db, 'submitter', org.id)
  otherSubmitter = await makeUser(db, 'submitter', other.id)
  facilitator = await makeUser(db, 'facilitator')
  commission = await makeUser(db, 'commission')
  admin = await makeUser(db, 'admin')
})
afterAll(() => close())

describe('withdrawal', () => {
  it('deletes every text and keeps a tombstone with the structured fields, audited', async () => {
    const created = await callerFor(db, env, submitter).submission.create(testimony('Mi nombre es Ana López. Los agentes llegaron al parque en agosto.'))
    await db.updateTable('submissions').set({ translation_en: 'My name is [NAME]. Agents came to the park.', translation_es: 'x' }).where('id', '=', created.id).execute()
    // Any member of the same organization may withdraw it, not only its author.
    const result = await callerFor(db, env, colleague).submission.withdraw({ code: created.receiptCode })
    expect(result.withdrawnAt).toBeInstanceOf(Date)

    const row = await db.selectFrom('submissions').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      status: 'withdrawn',
      text_redacted: null,
      text_original_enc: null,
      translation_en: null,
      translation_es: null,
      city_response: null,
      guidance_wanted: null,
      incident_month: '2025-08',
      area: 'hollenbeck',
      setting: 'park',
      agencies: ['ice'],
    })
    expect(row.withdrawn_at).toBeInstanceOf(Date)
    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'submission.withdraw').where('target_id', '=', created.id).execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]!.actor_user_id).toBe(colleague.id)

    // The receipt still answers, with no text; the facilitator sees the tombstone; reveal has nothing to show.
    const receipt = await callerFor(db, env, submitter).submission.receipt({ code: created.receiptCode })
    expect(receipt).toMatchObject({ status: 'withdrawn', text: null, cityResponse: null, guidanceWanted: null, withdrawnAt: row.withdrawn_at })
    // The organization's list says when (its card reads "Withdrawn on …").
    const mine = await callerFor(db, env, submitter).submission.mine({ page: 1, pageSize: 50 })
    expect(mine.items.find((s) => s.id === created.id)).toMatchObject({ status: 'withdrawn', withdrawnAt: row.withdrawn_at })
    await expect(callerFor(db, env, facilitator).submission.reveal({ id: created.id, reason: 'Trying to read a withdrawn one' })).rejects.toMatchObject({ message: 'errors.originalWithdrawn' })
  })

  it('is idempotent: a second withdrawal changes and audits nothing', async () => {
    const created = await callerFor(db, env, submitter).submission.create(testimony('Otra historia del parque con agentes en agosto.'))
    await callerFor(db, env, submitter).submission.withdraw({ code: created.receiptCode })
    const again = await callerFor(db, env, submitter).submission.withdraw({ code: created.receiptCode })
    expect(again.withdrawnAt).toBeNull()
    const audit = await db.selectFrom('audit_log').select('id').where('action', '=', 'submission.withdraw').where('target_id', '=', created.id).execute()
    expect(audit).toHaveLength(1)
  })

  it('is refused for another organization’s submission, and to other roles', async () => {
    const created = await callerFor(db, env, submitter).submission.create(testimony('Historia que otra organización no puede retirar.'))
    await expect(callerFor(db, env, otherSubmitter).submission.withdraw({ code: created.receiptCode })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    for (const user of [facilitator, commission, admin]) {
      await expect(callerFor(db, env, user).submission.withdraw({ code: created.receiptCode })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    }
    await expect(callerFor(db, env, null).submission.withdraw({ code: created.receiptCode })).rejects.toMatchObject({ code: 'UNAUTHORIZED' })
    await expect(callerFor(db, env, submitter, { csrf: false }).submission.withdraw({ code: created.receiptCode })).rejects.toMatchObject({ message: 'errors.csrf' })
    const row = await db.selectFrom('submissions').select(['status', 'text_redacted']).where('id', '=', created.id).executeTakeFirstOrThrow()
    expect(row.status).toBe('accepted')
    expect(row.text_redacted).toBeTruthy()
  })
})

describe('correcting structured fields', () => {
  it('changes month, area, setting, agencies and consent, and audits what changed', async () => {
    const created = await callerFor(db, env, submitter).submission.create(testimony('Los agentes llegaron a la escuela por la mañana.'))
    const result = await callerFor(db, env, submitter).submission.correct({
      code: created.receiptCode,
      incidentMonth: '2025-07',
      area: 'rampart',
      setting: 'school',
      agencies: ['ice', 'lapd'],
      consentQuote: false,
      consentContact: true,
    })
    expect(result.changed.sort()).toEqual(['agencies', 'area', 'consentQuote', 'incidentMonth', 'setting'])
    const row = await db.selectFrom('submissions').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ incident_month: '2025-07', area: 'rampart', setting: 'school', agencies: ['ice', 'lapd'], consent_quote: false, consent_contact: true })
    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'submission.correct').where('target_id', '=', created.id).executeTakeFirstOrThrow()
    expect(audit.actor_user_id).toBe(submitter.id)
    expect(audit.details).toMatchObject({ area: { from: 'hollenbeck', to: 'rampart' } })
  })

  it('clears optional fields that are left empty, and audits nothing when nothing changed', async () => {
    const created = await callerFor(db, env, submitter).submission.create(testimony('Una historia sobre el transporte público.'))
    const cleared = await callerFor(db, env, submitter).submission.correct({ code: created.receiptCode, agencies: [], consentQuote: true, consentContact: true })
    expect(cleared.changed.sort()).toEqual(['agencies', 'area', 'incidentMonth', 'setting'])
    const same = await callerFor(db, env, submitter).submission.correct({ code: created.receiptCode, agencies: [], consentQuote: true, consentContact: true })
    expect(same.changed).toEqual([])
    const audit = await db.selectFrom('audit_log').select('id').where('action', '=', 'submission.correct').where('target_id', '=', created.id).execute()
    expect(audit).toHaveLength(1)
  })

  it('refuses withdrawn submissions, other organizations and other roles', async () => {
    const created = await callerFor(db, env, submitter).submission.create(testimony('Historia que se retira y luego no se corrige.'))
    const input = { code: created.receiptCode, agencies: [], consentQuote: false, consentContact: false }
    await expect(callerFor(db, env, otherSubmitter).submission.correct(input)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    for (const user of [facilitator, commission, admin]) {
      await expect(callerFor(db, env, user).submission.correct(input)).rejects.toMatchObject({ code: 'FORBIDDEN' })
    }
    await expect(callerFor(db, env, null).submission.correct(input)).rejects.toMatchObject({ code: 'UNAUTHORIZED' })
    await callerFor(db, env, submitter).submission.withdraw({ code: created.receiptCode })
    await expect(callerFor(db, env, submitter).submission.correct(input)).rejects.toMatchObject({ code: 'CONFLICT', message: 'errors.withdrawnCannotChange' })
  })
})
