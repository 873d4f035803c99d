import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { createDb, type Db } from '../../db/client'
import { migrateToLatest } from '../../db/migrator'
import { decryptText } from '../../server/lib/crypto'
import { backupPglite, backupPostgres, BackupError, restorePglite, restorePostgres } from '../../server/services/backup'
import { seedDemo } from '../../server/services/seed'
import { testEnv } from '../support/db'

const env = testEnv()
const key = env.encryptionKey
const folders: string[] = []
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true })
})

/** Some of everything: the demo content (organizations, users, testimonies with encrypted originals, tags), a theme, audit entries. */
async function fill(db: Db) {
  await migrateToLatest(db)
  await seedDemo(db, env, { testimonies: 40 })
  const submissions = await db.selectFrom('submissions').select('id').limit(5).execute()
  const theme = await db.insertInto('themes').values({ title: 'Masked agents at work sites' }).returning('id').executeTakeFirstOrThrow()
  await db.insertInto('theme_members').values(submissions.map((s) => ({ theme_id: theme.id, submission_id: s.id }))).execute()
  const tag = await db.selectFrom('tags').select('id').limit(1).executeTakeFirstOrThrow()
  await db.insertInto('submission_tags').values({ submission_id: submissions[0]!.id, tag_id: tag.id }).onConflict((oc) => oc.doNothing()).execute()
}

/** Everything a restore must bring back, in a comparable form. */
async function contents(db: Db) {
  const rows = async (table: 'submissions' | 'tags' | 'themes' | 'theme_members' | 'submission_tags' | 'audit_log' | 'users' | 'organizations') =>
    (await sql<{ r: string; n: number }>`select md5(string_agg(t::text, '|' order by t::text)) as r, count(*)::int as n from ${sql.table(table)} t`.execute(db)).rows[0]
  const originals = await db.selectFrom('submissions').select(['id', 'text_original_enc']).where('text_original_enc', 'is not', null).orderBy('id').execute()
  return {
    submissions: await rows('submissions'),
    tags: await rows('tags'),
    themes: await rows('themes'),
    themeMembers: await rows('theme_members'),
    taggings: await rows('submission_tags'),
    audit: await rows('audit_log'),
    users: await rows('users'),
    organizations: await rows('organizations'),
    originals: originals.map((o) => decryptText(o.text_original_enc!, key)),
  }
}

describe('backup and restore', () => {
  it('an embedded database comes back whole: every submission, tag, theme and audit entry, originals readable', async () => {
    const source = mkdtempSync(path.join(tmpdir(), 'voces-backup-src-'))
    const target = mkdtempSync(path.join(tmpdir(), 'voces-backup-dst-'))
    folders.push(source, target)
    const db = createDb({ dataDir: source })
    await fill(db)
    const before = await contents(db)
    expect(before.submissions!.n).toBe(40)
    expect(before.themes!.n).toBeGreaterThanOrEqual(1)
    expect(before.audit!.n).toBeGreaterThan(0)
    await expect(backupPglite(source, key)).rejects.toThrow(BackupError) // open by the app: refused
    await db.destroy()

    const file = await backupPglite(source, key)
    expect(file.toString('utf8', 0, 15)).toBe('VOCES-BACKUP 1\n')
    // Nothing readable without the key.
    expect(file.includes(Buffer.from('Masked agents'))).toBe(false)
    await expect(restorePglite(file, path.join(target, 'x'), randomBytes(32))).rejects.toThrow(/wrong VOCES_ENCRYPTION_KEY/)

    const { header } = await restorePglite(file, path.join(target, 'pglite'), key)
    expect(header.kind).toBe('pglite')
    const restored = createDb({ dataDir: path.join(target, 'pglite') })
    expect(await contents(restored)).toEqual(before)
    expect(await migrateToLatest(restored)).toEqual([]) // same schema version
    await restored.destroy()
  }, 180_000)

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))('a PostgreSQL database comes back whole into an empty database', async () => {
    const serverUrl = process.env.TEST_DATABASE_URL!
    const admin = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: serverUrl, max: 1 }) }) })
    const names = [`voces_backup_src_${randomBytes(4).toString('hex')}`, `voces_backup_dst_${randomBytes(4).toString('hex')}`]
    const urlOf = (name: string) => Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString()
    for (const name of names) await sql`create database ${sql.id(name)}`.execute(admin)
    try {
      const db = createDb({ databaseUrl: urlOf(names[0]!), dataDir: '' })
      await fill(db)
      const before = await contents(db)
      const file = await backupPostgres(urlOf(names[0]!), key)
      await db.destroy()
      await restorePostgres(file, urlOf(names[1]!), key)
      const restored = createDb({ databaseUrl: urlOf(names[1]!), dataDir: '' })
      expect(await contents(restored)).toEqual(before)
      // The audit log is still append-only after a restore.
      await expect(restored.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/)
      await expect(restorePostgres(file, urlOf(names[1]!), key)).rejects.toThrow(/not empty/)
      await restored.destroy()
    } finally {
      for (const name of names) await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin)
      await admin.destroy()
    }
  }, 180_000)
})
