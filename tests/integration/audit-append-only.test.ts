import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../db/client'
import { appendAudit } from '../../server/repositories/audit'
import { createTestDb } from '../support/db'

let db: Db
let close: () => Promise<void>

beforeAll(async () => {
  ;({ db, close } = await createTestDb())
})
afterAll(() => close())

describe('the audit log', () => {
  it('accepts new entries but refuses any update, delete or truncate, in the database itself', async () => {
    await appendAudit(db, { actorUserId: null, action: 'test.entry', details: { n: 1 } })
    const before = await db.selectFrom('audit_log').selectAll().execute()
    expect(before).toHaveLength(1)
    await expect(db.updateTable('audit_log').set({ action: 'test.rewritten' }).execute()).rejects.toThrow(/append-only/)
    await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/)
    await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/)
    // Even inside a transaction that would otherwise commit.
    await expect(
      db.transaction().execute(async (trx) => {
        await appendAudit(trx, { actorUserId: null, action: 'test.inside' })
        await trx.deleteFrom('audit_log').where('action', '=', 'test.entry').execute()
      }),
    ).rejects.toThrow(/append-only/)
    expect(await db.selectFrom('audit_log').selectAll().execute()).toEqual(before)
  })
})
