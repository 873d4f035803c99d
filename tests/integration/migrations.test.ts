import { readdirSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../db/client'
import { createMigrator, migrateToLatest } from '../../db/migrator'
import { createTestDb } from '../support/db'

let db: Db
let close: () => Promise<void>

beforeAll(async () => {
  ;({ db, close } = await createTestDb())
})
afterAll(() => close())

describe('migrations', () => {
  it('lists every migration file in db/migrations/index.ts', async () => {
    const files = readdirSync(path.resolve(__dirname, '../../db/migrations'))
      .filter((f) => f !== 'index.ts' && f.endsWith('.ts'))
      .map((f) => f.replace(/\.ts$/, ''))
    const listed = (await createMigrator(db).getMigrations()).map((m) => m.name)
    expect(listed.sort()).toEqual(files.sort())
  })

  it('are timestamp-named, revert cleanly and re-apply', async () => {
    const migrations = await createMigrator(db).getMigrations()
    expect(migrations.length).toBeGreaterThan(0)
    for (const m of migrations) expect(m.name).toMatch(/^\d{4}_\d{2}_\d{2}_\d{6}_[a-z0-9_]+$/)
    const migrator = createMigrator(db)
    for (let i = 0; i < migrations.length; i++) {
      const { error } = await migrator.migrateDown()
      expect(error).toBeUndefined()
    }
    const tables = await db.introspection.getTables()
    expect(tables.filter((t) => !t.name.startsWith('kysely_'))).toEqual([])
    expect(await migrateToLatest(db)).toHaveLength(migrations.length)
    expect(await migrateToLatest(db)).toHaveLength(0)
  })
})
