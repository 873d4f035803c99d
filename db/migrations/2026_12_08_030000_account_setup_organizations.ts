import { sql, type Kysely } from 'kysely'

// Frozen in time: never import app code here; fix mistakes with a new migration.
// Issue 13: one-time set-up links (the first administrator, a locked-out account's reset),
// and organizations that admins describe and can deactivate.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('account_setups')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique()) // sha-256 of the link's token
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute()
  await db.schema.createIndex('account_setups_user_idx').on('account_setups').column('user_id').execute()

  await sql`alter table organizations add column description text not null default ''`.execute(db)
  await sql`alter table organizations add column deactivated_at timestamptz`.execute(db)
  await sql`alter table organizations add constraint organizations_kind_check
    check (kind in ('community', 'labor', 'faith', 'legal', 'school', 'other'))`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table organizations drop constraint organizations_kind_check`.execute(db)
  await sql`alter table organizations drop column deactivated_at`.execute(db)
  await sql`alter table organizations drop column description`.execute(db)
  await db.schema.dropTable('account_setups').execute()
}
