import type { Db } from '../../db/client'
import type { Env } from '../env'
import { DEMO_ORGANIZATIONS as DEMO_ORG_PROFILES, generateDemoTestimonies } from '../demo/testimonies'
import { STARTER_CODEBOOK, type CodebookEntry, type Role } from '../schemas/reference'
import { insertUser } from '../repositories/user'
import { hashPassword } from './auth'
import { createSubmission } from './submission'
import { TRAIN_TAG_MODEL_JOB } from './tag-model'
import { enqueueJob } from '../jobs/queue'
import { seedDemoReports } from './seed-reports'

export const DEMO_ACCOUNTS: { email: string; password: string; role: Role; displayName: string; org: number | null }[] = [
  { email: 'submitter@voces.demo', password: 'demo-submitter-2026', role: 'submitter', displayName: 'Rosa (demo community member)', org: 0 },
  { email: 'facilitator@voces.demo', password: 'demo-facilitator-2026', role: 'facilitator', displayName: 'Marcus (demo facilitator)', org: null },
  // A second facilitator, so a double-coded sample (two coders) can be tried.
  { email: 'cofacilitator@voces.demo', password: 'demo-cofacilitator-2026', role: 'facilitator', displayName: 'Inés (demo co-facilitator)', org: null },
  { email: 'commission@voces.demo', password: 'demo-commission-2026', role: 'commission', displayName: 'Lena (demo Commission staff)', org: null },
  { email: 'admin@voces.demo', password: 'demo-admin-2026', role: 'admin', displayName: 'Sam (demo admin)', org: null },
]

/** The generator's organizations (index 0 and 1), with the slugs and kinds the app stores. */
export const DEMO_ORGANIZATIONS = [
  { slug: 'demo-eastside-workers', name: DEMO_ORG_PROFILES[0].name, kind: 'labor' },
  { slug: 'demo-valley-rapid-response', name: DEMO_ORG_PROFILES[1].name, kind: 'community' },
]

export const DEMO_TESTIMONY_COUNT = 360

/** One colour per top-level starter tag (sub-tags take their parent's), so the tree reads at a glance. */
const STARTER_COLORS = ['#1d4e89', '#b3541e', '#2e7d32', '#8e24aa', '#c62828', '#00838f', '#6d4c41', '#ad1457', '#3949ab', '#558b2f', '#ef6c00', '#5e35b1', '#00695c', '#827717', '#4e342e', '#37474f']

/** Writes the starter codebook (idempotent by slug). Returns slug → id. */
export async function seedCodebook(db: Db): Promise<Map<string, string>> {
  const ids = new Map<string, string>()
  const existing = await db.selectFrom('tags').select(['id', 'slug']).execute()
  for (const row of existing) ids.set(row.slug, row.id)
  let order = 0
  let color = STARTER_COLORS[0]!
  const insert = async (entry: CodebookEntry, parentId: string | null) => {
    order++
    if (parentId === null) color = STARTER_COLORS[STARTER_CODEBOOK.indexOf(entry) % STARTER_COLORS.length]!
    if (!ids.has(entry.slug)) {
      const row = await db
        .insertInto('tags')
        .values({
          slug: entry.slug,
          parent_id: parentId,
          name_en: entry.en,
          name_es: entry.es,
          description_en: entry.descriptionEn,
          description_es: entry.descriptionEs,
          color,
          sort_order: order,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      ids.set(entry.slug, row.id)
    }
    for (const child of entry.children ?? []) await insert(child, ids.get(entry.slug)!)
  }
  for (const entry of STARTER_CODEBOOK) await insert(entry, null)
  return ids
}

/**
 * Demo content for a new database: two organizations, one account per role, the
 * starter codebook and demo testimonies (all marked is_demo), then demo themes,
 * a published demo report and demo guidance. Does nothing when any organization
 * exists, so starting twice never duplicates it; a demo database seeded before
 * reports existed gets the demo report once.
 */
export async function seedDemo(db: Db, env: Pick<Env, 'encryptionKey' | 'VOCES_MIN_CELL'>, options: { testimonies?: number } = {}): Promise<boolean> {
  const already = await db.selectFrom('organizations').select('id').limit(1).executeTakeFirst()
  if (already) return seedDemoReports(db, env)

  const orgIds = await db.transaction().execute(async (trx) => {
    const ids: string[] = []
    for (const org of DEMO_ORGANIZATIONS) {
      const row = await trx.insertInto('organizations').values({ ...org, is_demo: true }).returning('id').executeTakeFirstOrThrow()
      ids.push(row.id)
    }
    for (const account of DEMO_ACCOUNTS) {
      await insertUser(trx, {
        email: account.email,
        display_name: account.displayName,
        password_hash: await hashPassword(account.password),
        role: account.role,
        organization_id: account.org === null ? null : ids[account.org]!,
        is_demo: true,
      })
    }
    return ids
  })

  const tagIds = await seedCodebook(db)
  const submitter = await db.selectFrom('users').select('id').where('email', '=', DEMO_ACCOUNTS[0]!.email).executeTakeFirstOrThrow()
  const testimonies = generateDemoTestimonies({ count: options.testimonies ?? DEMO_TESTIMONY_COUNT, seed: 2025 })
  for (const [index, t] of testimonies.entries()) {
    const created = await createSubmission(
      db,
      env,
      { userId: t.organization === 0 ? submitter.id : null, organizationId: orgIds[t.organization]! },
      {
        text: t.text,
        incidentMonth: t.incidentMonth,
        area: t.area,
        setting: t.setting,
        agencies: t.agencies,
        cityResponse: t.cityResponse ?? undefined,
        guidanceWanted: t.guidanceWanted ?? undefined,
        consentQuote: t.consentQuote,
        consentContact: t.consentContact,
      },
      { isDemo: true, status: 'accepted' },
    )
    // Facilitators' earlier coding: about two in three demo testimonies arrive tagged.
    if (index % 3 !== 2) {
      const slugs = [t.theme, ...t.secondaryThemes].filter((slug) => tagIds.has(slug))
      if (slugs.length > 0) {
        await db
          .insertInto('submission_tags')
          .values(slugs.map((slug) => ({ submission_id: created.id, tag_id: tagIds.get(slug)!, source: 'seed' })))
          .execute()
      }
    }
  }
  // The first suggestion model, trained on the seeded tagging by the app's job worker.
  await enqueueJob(db, { kind: TRAIN_TAG_MODEL_JOB, payload: { reason: 'seed' } })
  await seedDemoReports(db, env)
  return true
}
