import { randomBytes } from 'node:crypto'
import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDb, type Db } from '../../db/client'
import { migrateAsOwner, tablesOwnedByCurrentRole } from '../../db/roles'
import { appendAudit } from '../../server/repositories/audit'
import { makeUser } from '../support/factories'

/**
 * Issue 13, finding 4, on PostgreSQL (CI sets TEST_DATABASE_URL to a PostgreSQL 15
 * superuser): migrations as an owner role, the app as a role that owns nothing.
 * PGlite has one role, a superuser; docs/threat-model.md says what holds there.
 */
const serverUrl = process.env.TEST_DATABASE_URL
const suffix = randomBytes(4).toString('hex')
const ownerRole = `voces_owner_${suffix}`
const appRole = `voces_app_${suffix}`
const dbName = `voces_roles_${suffix}`
let admin: Kysely<any>
let app: Db
let ownerUrl: string
let appUrl: string

function urlFor(role: string): string {
  const url = new URL(serverUrl!)
  url.username = role
  url.password = 'roles-test-password'
  url.pathname = `/${dbName}`
  return url.toString()
}

describe.skipIf(!serverUrl)('two PostgreSQL roles', () => {
  beforeAll(async () => {
    admin = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: serverUrl, max: 1 }) }) })
    await sql`create role ${sql.id(ownerRole)} login password 'roles-test-password'`.execute(admin)
    await sql`create role ${sql.id(appRole)} login password 'roles-test-password'`.execute(admin)
    await sql`create database ${sql.id(dbName)} owner ${sql.id(ownerRole)}`.execute(admin)
    ownerUrl = urlFor(ownerRole)
    appUrl = urlFor(appRole)
    // The schema belongs to the owner, as `.ci/run` and docs/deploy.md set it up (PostgreSQL 15: public is owned by pg_database_owner).
    await migrateAsOwner(ownerUrl, appUrl)
    app = createDb({ databaseUrl: appUrl, dataDir: '' })
  })

  afterAll(async () => {
    await app?.destroy()
    await sql`drop database if exists ${sql.id(dbName)} with (force)`.execute(admin)
    await sql`drop role if exists ${sql.id(appRole)}`.execute(admin)
    await sql`drop role if exists ${sql.id(ownerRole)}`.execute(admin)
    await admin.destroy()
  })

  it('the app role owns nothing and does its work: reads, writes, appends to the audit log', async () => {
    expect(await tablesOwnedByCurrentRole(app)).toBe(0)
    const user = await makeUser(app, 'facilitator')
    await app.updateTable('users').set({ display_name: 'Renamed' }).where('id', '=', user.id).execute()
    await appendAudit(app, { actorUserId: user.id, action: 'test.entry' })
    expect(await app.selectFrom('audit_log').select('action').where('actor_user_id', '=', user.id).execute()).toEqual([{ action: 'test.entry' }])
  })

  it('the app role cannot disable the append-only trigger, nor update, delete or truncate the audit log', async () => {
    await expect(sql`alter table audit_log disable trigger all`.execute(app)).rejects.toThrow(/must be owner/)
    await expect(sql`alter table audit_log disable trigger audit_log_no_update_or_delete`.execute(app)).rejects.toThrow(/must be owner/)
    await expect(sql`drop trigger audit_log_no_truncate on audit_log`.execute(app)).rejects.toThrow(/must be owner/)
    await expect(sql`update audit_log set action = 'rewritten'`.execute(app)).rejects.toThrow(/permission denied/)
    await expect(sql`delete from audit_log`.execute(app)).rejects.toThrow(/permission denied/)
    await expect(sql`truncate audit_log`.execute(app)).rejects.toThrow(/permission denied/)
  })

  it('why two roles: the owner (what the app used to connect as) can switch the trigger off', async () => {
    const owner = createDb({ databaseUrl: ownerUrl, dataDir: '' })
    try {
      // Rolled back: only shows that the trigger alone does not hold against the owner.
      await expect(
        owner.transaction().execute(async (trx) => {
          await sql`alter table audit_log disable trigger audit_log_no_update_or_delete`.execute(trx)
          await sql`delete from audit_log`.execute(trx)
          throw new Error('rolled back after deleting')
        }),
      ).rejects.toThrow('rolled back after deleting')
    } finally {
      await owner.destroy()
    }
  })

  it('the app role runs no DDL and cannot truncate any table', async () => {
    await expect(sql`create table intruder (id int)`.execute(app)).rejects.toThrow(/permission denied/)
    await expect(sql`drop table users`.execute(app)).rejects.toThrow(/must be owner/)
    await expect(sql`alter table users add column intruder text`.execute(app)).rejects.toThrow(/must be owner/)
    await expect(sql`truncate users cascade`.execute(app)).rejects.toThrow(/permission denied/)
    await expect(sql`delete from kysely_migration`.execute(app)).rejects.toThrow(/permission denied/)
  })

  it('migrating again (as at every start) keeps the grants, and the owner still cannot rewrite the audit log through the trigger', async () => {
    expect(await migrateAsOwner(ownerUrl, appUrl)).toEqual([])
    await appendAudit(app, { actorUserId: null, action: 'test.after-restart' })
    const owner = createDb({ databaseUrl: ownerUrl, dataDir: '' })
    try {
      await expect(sql`delete from audit_log`.execute(owner)).rejects.toThrow(/append-only/)
    } finally {
      await owner.destroy()
    }
  })
})
