import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { createDb } from './client'
import { migrateToLatest } from './migrator'

const dir = mkdtempSync(path.join(tmpdir(), 'voces-db-test-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('embedded database (PGlite through Kysely)', () => {
  it('keeps data across restarts, and migrations do not re-run', { timeout: 120_000 }, async () => {
    const first = createDb({ dataDir: dir })
    expect(await migrateToLatest(first)).not.toHaveLength(0)
    await first.insertInto('organizations').values({ slug: 'kept', name: 'Kept' }).execute()
    await first.destroy()

    const second = createDb({ dataDir: dir })
    expect(await migrateToLatest(second)).toHaveLength(0)
    const rows = await second.selectFrom('organizations').select('slug').execute()
    expect(rows.map((r) => r.slug)).toEqual(['kept'])

    // Transactions roll back as a whole, and concurrent callers wait for the one connection.
    await expect(
      second.transaction().execute(async (trx) => {
        await trx.insertInto('organizations').values({ slug: 'lost', name: 'Lost' }).execute()
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    const [, count] = await Promise.all([
      second.transaction().execute(async (trx) => {
        await trx.insertInto('organizations').values({ slug: 'a', name: 'A' }).execute()
        await sql`select pg_sleep(0.05)`.execute(trx)
        await trx.insertInto('organizations').values({ slug: 'b', name: 'B' }).execute()
      }),
      second.selectFrom('organizations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ])
    expect([1, 3]).toContain(count.n) // before or after the transaction, never in the middle
    const slugs = (await second.selectFrom('organizations').select('slug').orderBy('slug').execute()).map((r) => r.slug)
    expect(slugs).toEqual(['a', 'b', 'kept'])
    const updated = await second.updateTable('organizations').set({ name: 'x' }).where('slug', 'in', ['a', 'b']).executeTakeFirst()
    expect(updated.numUpdatedRows).toBe(2n)
    await second.destroy()
  })
})
