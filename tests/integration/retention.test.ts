import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../db/client'
import { startRetentionJob } from '../../server/jobs/retention'
import { purgeExpiredOriginals } from '../../server/services/retention'
import { createSubmission } from '../../server/services/submission'
import { createTestDb, testEnv } from '../support/db'
import { makeOrganization } from '../support/factories'

const env = testEnv()
let db: Db
let close: () => Promise<void>
let orgId: string
const DAY = 86_400_000

async function submissionAt(createdAt: Date, text: string) {
  const created = await createSubmission(db, env, { userId: null, organizationId: orgId }, { text, agencies: [], consentQuote: false, consentContact: false, cityResponse: undefined, guidanceWanted: undefined })
  await db.updateTable('submissions').set({ created_at: createdAt } as never).where('id', '=', created.id).execute()
  return created.id
}

beforeAll(async () => {
  ;({ db, close } = await createTestDb())
  orgId = (await makeOrganization(db)).id
})
afterAll(() => close())

describe('retention purge', () => {
  it('purges originals older than the retention period, keeps the redacted text, and audits one entry with the count', async () => {
    const now = new Date('2026-06-01T12:00:00Z')
    const old1 = await submissionAt(new Date(now.getTime() - 91 * DAY), 'Me llamo Pedro Gómez, llegaron al mercado.')
    const old2 = await submissionAt(new Date(now.getTime() - 200 * DAY), 'Agents came to the school on Monday morning.')
    const recent = await submissionAt(new Date(now.getTime() - 89 * DAY), 'Agents came to the library this week.')

    const result = await purgeExpiredOriginals(db, { now, retentionDays: 90 })
    expect(result.purged).toBe(2)
    const rows = await db.selectFrom('submissions').select(['id', 'text_original_enc', 'original_purged_at', 'text_redacted']).where('id', 'in', [old1, old2, recent]).execute()
    const byId = new Map(rows.map((r) => [r.id, r]))
    for (const id of [old1, old2]) {
      expect(byId.get(id)!.text_original_enc).toBeNull()
      expect(byId.get(id)!.original_purged_at?.toISOString()).toBe(now.toISOString())
      expect(byId.get(id)!.text_redacted).toBeTruthy()
    }
    expect(byId.get(recent)!.text_original_enc).not.toBeNull()
    expect(byId.get(recent)!.original_purged_at).toBeNull()

    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'retention.purge').execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]!.details).toMatchObject({ count: 2, retentionDays: 90 })
    expect(audit[0]!.actor_user_id).toBeNull()
  })

  it('is idempotent, and safe when two runs overlap: each original is purged and counted once', async () => {
    const now = new Date('2026-09-01T12:00:00Z')
    // Moving time forward: the "recent" one above is now old too, plus two more.
    await submissionAt(new Date(now.getTime() - 120 * DAY), 'A fourth testimony about the park.')
    await submissionAt(new Date(now.getTime() - 95 * DAY), 'A fifth testimony about the courthouse.')
    const [a, b] = await Promise.all([purgeExpiredOriginals(db, { now, retentionDays: 90 }), purgeExpiredOriginals(db, { now, retentionDays: 90 })])
    expect(a.purged + b.purged).toBe(3)
    expect((await purgeExpiredOriginals(db, { now, retentionDays: 90 })).purged).toBe(0)
    const audit = await db.selectFrom('audit_log').select('details').where('action', '=', 'retention.purge').orderBy('id').execute()
    expect(audit.map((e) => (e.details as { count: number }).count).reduce((x, y) => x + y, 0)).toBe(5)
  })

  it('follows VOCES_RETENTION_DAYS', async () => {
    const now = new Date()
    const id = await submissionAt(new Date(now.getTime() - 10 * DAY), 'A testimony kept for a short retention period.')
    expect((await purgeExpiredOriginals(db, { now, retentionDays: 30 })).purged).toBe(0)
    expect((await purgeExpiredOriginals(db, { now, retentionDays: 7 })).purged).toBe(1)
    const row = await db.selectFrom('submissions').select('text_original_enc').where('id', '=', id).executeTakeFirstOrThrow()
    expect(row.text_original_enc).toBeNull()
    expect(testEnv().VOCES_RETENTION_DAYS).toBe(90)
    expect(testEnv({ VOCES_RETENTION_DAYS: '30' }).VOCES_RETENTION_DAYS).toBe(30)
  })

  it('the scheduled job runs at start and stops cleanly', async () => {
    const id = await submissionAt(new Date(Date.now() - 3 * DAY), 'A testimony for the scheduled job.')
    const messages: string[] = []
    const stop = startRetentionJob(db, { VOCES_RETENTION_DAYS: 1 }, { intervalMs: 60_000, log: (m) => messages.push(m) })
    for (let i = 0; i < 100 && messages.length === 0; i++) await new Promise((r) => setTimeout(r, 50))
    stop()
    expect(messages[0]).toMatch(/purged 1 original/)
    const row = await db.selectFrom('submissions').select('text_original_enc').where('id', '=', id).executeTakeFirstOrThrow()
    expect(row.text_original_enc).toBeNull()
  })
})
