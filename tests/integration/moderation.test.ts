import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../db/client'
import { createInnerContext } from '../../server/context'
import { createCaller } from '../../server/routers/_app'
import type { SessionUser } from '../../server/services/auth'
import { createTestDb, testEnv } from '../support/db'
import { callerFor, makeOrganization, makeUser } from '../support/factories'

const env = testEnv()
let db: Db
let close: () => Promise<void>
let facilitator: SessionUser
let submitter: SessionUser
let commission: SessionUser
let admin: SessionUser
let token: string
let n = 0

const STORY =
  'Los agentes federales llegaron al parque Hollenbeck un sábado por la mañana con máscaras y sin placas visibles, y los policías de la ciudad solo miraban desde la esquina sin decir nada a las familias'

function visitor() {
  return createCaller(createInnerContext({ db, env, user: null, csrfVerified: true, clientAddress: `10.1.0.${++n}` }))
}
async function viaLink(text: string) {
  const { receiptCode } = await visitor().intakeLink.submit({ token, text, agencies: [], consentQuote: false, consentContact: false })
  return db.selectFrom('submissions').select(['id', 'receipt_code']).where('receipt_code', '=', receiptCode).executeTakeFirstOrThrow()
}
const auditOf = (action: string, id: string) => db.selectFrom('audit_log').selectAll().where('action', '=', action).where('target_id', '=', id).execute()

beforeAll(async () => {
  ;({ db, close } = await createTestDb())
  const org = await makeOrganization(db)
  facilitator = await makeUser(db, 'facilitator')
  submitter = await makeUser(db, 'submitter', org.id)
  commission = await makeUser(db, 'commission')
  admin = await makeUser(db, 'admin')
  token = (await callerFor(db, env, facilitator).intakeLink.create({ name: 'Campaign', expiresInDays: 30 })).token
})
afterAll(() => close())

describe('moderation', () => {
  it('intake-link submissions wait in the queue; member submissions do not', async () => {
    const pending = await viaLink('Vimos camionetas sin placas frente a la biblioteca del barrio.')
    const member = await callerFor(db, env, submitter).submission.create({ text: 'A member testimony about the courthouse steps.', agencies: [], consentQuote: false, consentContact: false })
    const queue = await callerFor(db, env, facilitator).moderation.queue({})
    const ids = queue.items.map((i) => i.id)
    expect(ids).toContain(pending.id)
    expect(ids).not.toContain(member.id)
    expect(queue.items.find((i) => i.id === pending.id)).toMatchObject({ status: 'pending', intakeLinkName: 'Campaign' })
  })

  it('flags near-duplicates at intake (similarity ≥ 0.8), even when redacted differently', async () => {
    const original = await callerFor(db, env, submitter).submission.create({ text: `Me llamo Ana Pérez. ${STORY}.`, agencies: [], consentQuote: false, consentContact: false })
    const copy = await viaLink(`Soy Luisa Gómez, mi teléfono es 213-555-0101. ${STORY}!`)
    const different = await viaLink('Un texto completamente distinto sobre la escuela y los niños que tenían miedo de salir al recreo por la tarde.')
    const queue = await callerFor(db, env, facilitator).moderation.queue({})
    const flagged = queue.items.find((i) => i.id === copy.id)!
    expect(flagged.duplicateOfId).toBe(original.id)
    expect(flagged.duplicateOfCode).toBe(original.receiptCode)
    expect(flagged.duplicateSimilarity).toBeGreaterThanOrEqual(0.8)
    expect(flagged.flaggedAt).toBeInstanceOf(Date)
    expect(await callerFor(db, env, facilitator).moderation.state({ id: copy.id })).toMatchObject({ duplicateOfCode: original.receiptCode, duplicateOfId: original.id })
    expect(queue.items.find((i) => i.id === different.id)!.duplicateOfId).toBeNull()

    // A member submission that duplicates one is flagged too, so it enters the queue although accepted.
    const memberCopy = await callerFor(db, env, submitter).submission.create({ text: STORY, agencies: [], consentQuote: false, consentContact: false })
    const again = await callerFor(db, env, facilitator).moderation.queue({})
    expect(again.items.find((i) => i.id === memberCopy.id)).toMatchObject({ status: 'accepted' })
  })

  it('accept: status accepted, leaves the queue, audited', async () => {
    const s = await viaLink('Una testimonio para aceptar sobre los agentes en la escuela primaria.')
    await callerFor(db, env, facilitator).moderation.accept({ id: s.id })
    const row = await db.selectFrom('submissions').select(['status', 'moderated_by', 'flagged_at']).where('id', '=', s.id).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ status: 'accepted', moderated_by: facilitator.id, flagged_at: null })
    expect((await callerFor(db, env, facilitator).moderation.queue({})).items.map((i) => i.id)).not.toContain(s.id)
    const audit = await auditOf('moderation.accept', s.id)
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ actor_user_id: facilitator.id })
    expect(audit[0]!.details).toMatchObject({ previousStatus: 'pending' })
  })

  it('hide with a reason: status hidden, reason kept and audited; unknown reasons refused', async () => {
    const s = await viaLink('Compre relojes baratos en nuestra tienda en línea ahora mismo.')
    await expect(callerFor(db, env, facilitator).moderation.hide({ id: s.id, reason: 'boring' as never })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    await callerFor(db, env, facilitator).moderation.hide({ id: s.id, reason: 'spam' })
    const row = await db.selectFrom('submissions').select(['status', 'hidden_reason']).where('id', '=', s.id).executeTakeFirstOrThrow()
    expect(row).toEqual({ status: 'hidden', hidden_reason: 'spam' })
    const audit = await auditOf('moderation.hide', s.id)
    expect(audit[0]!.details).toMatchObject({ reason: 'spam', previousStatus: 'pending' })
  })

  it('merge into the kept submission: status merged, pointing at it, audited; bad targets refused', async () => {
    const kept = await callerFor(db, env, submitter).submission.create({ text: 'The kept testimony about the day-labor corner on Monday.', agencies: [], consentQuote: false, consentContact: false })
    const dup = await viaLink('The kept testimony about the day-labor corner on Monday, sent again.')
    await expect(callerFor(db, env, facilitator).moderation.merge({ id: dup.id, intoCode: dup.receipt_code })).rejects.toMatchObject({ message: 'errors.mergeTargetInvalid' })
    await expect(callerFor(db, env, facilitator).moderation.merge({ id: dup.id, intoCode: 'ZZZ-ZZZ-ZZZ' })).rejects.toMatchObject({ message: 'errors.mergeTargetMissing' })
    await callerFor(db, env, facilitator).moderation.merge({ id: dup.id, intoCode: kept.receiptCode.toLowerCase() })
    const row = await db.selectFrom('submissions').select(['status', 'merged_into_id']).where('id', '=', dup.id).executeTakeFirstOrThrow()
    expect(row).toEqual({ status: 'merged', merged_into_id: kept.id })
    const audit = await auditOf('moderation.merge', dup.id)
    expect(audit[0]!.details).toMatchObject({ intoId: kept.id })
    // A merged submission takes no further decision, and cannot be merged into.
    await expect(callerFor(db, env, facilitator).moderation.accept({ id: dup.id })).rejects.toMatchObject({ code: 'CONFLICT' })
    const other = await viaLink('Yet another testimony that someone tries to merge into a merged one.')
    await expect(callerFor(db, env, facilitator).moderation.merge({ id: other.id, intoCode: dup.receipt_code })).rejects.toMatchObject({ message: 'errors.mergeTargetInvalid' })
    // The detail page links the code to the kept submission.
    expect(await callerFor(db, env, facilitator).moderation.state({ id: dup.id })).toMatchObject({ mergedIntoCode: kept.receiptCode, mergedIntoId: kept.id })
  })

  it('withdrawn submissions take no decision', async () => {
    const s = await callerFor(db, env, submitter).submission.create({ text: 'A testimony the organization withdraws before moderation.', agencies: [], consentQuote: false, consentContact: false })
    await callerFor(db, env, submitter).submission.withdraw({ code: s.receiptCode })
    await expect(callerFor(db, env, facilitator).moderation.hide({ id: s.id, reason: 'spam' })).rejects.toMatchObject({ code: 'CONFLICT', message: 'errors.moderationClosed' })
  })

  it('role rules: only facilitators see the queue and decide', async () => {
    const s = await viaLink('A testimony that only facilitators may moderate at all.')
    for (const user of [submitter, commission, admin]) {
      const caller = callerFor(db, env, user)
      await expect(caller.moderation.queue({})).rejects.toMatchObject({ code: 'FORBIDDEN' })
      await expect(caller.moderation.state({ id: s.id })).rejects.toMatchObject({ code: 'FORBIDDEN' })
      await expect(caller.moderation.accept({ id: s.id })).rejects.toMatchObject({ code: 'FORBIDDEN' })
      await expect(caller.moderation.hide({ id: s.id, reason: 'abuse' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
      await expect(caller.moderation.merge({ id: s.id, intoCode: s.receipt_code })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    }
    await expect(callerFor(db, env, null).moderation.queue({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' })
    await expect(callerFor(db, env, facilitator, { csrf: false }).moderation.accept({ id: s.id })).rejects.toMatchObject({ message: 'errors.csrf' })
    const row = await db.selectFrom('submissions').select('status').where('id', '=', s.id).executeTakeFirstOrThrow()
    expect(row.status).toBe('pending')
  })
})
