import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database, GuidanceStatus } from '../../db/schema'

type Handle = Kysely<Database> | Transaction<Database>

const columns = ['g.id', 'g.text_en as textEn', 'g.text_es as textEs', 'g.status', 'g.decided_on as decidedOn', 'g.created_at as createdAt', 'g.updated_at as updatedAt'] as const

/** Every guidance item, newest decision first, with the themes it answers. */
export async function listGuidance(db: Handle) {
  const items = await db.selectFrom('guidance_items as g').select(columns).orderBy('g.decided_on', 'desc').orderBy('g.created_at', 'desc').execute()
  const links = items.length
    ? await db
        .selectFrom('guidance_themes as gt')
        .innerJoin('themes as t', 't.id', 'gt.theme_id')
        .select(['gt.guidance_id as guidanceId', 't.id', 't.title'])
        .where(
          'gt.guidance_id',
          'in',
          items.map((i) => i.id),
        )
        .orderBy('t.title')
        .execute()
    : []
  return items.map((item) => ({ ...item, themes: links.filter((l) => l.guidanceId === item.id).map(({ id, title }) => ({ id, title })) }))
}

export async function findGuidance(db: Handle, id: string) {
  const item = await db.selectFrom('guidance_items as g').select(columns).where('g.id', '=', id).executeTakeFirst()
  if (!item) return null
  const themes = await db.selectFrom('guidance_themes').select('theme_id').where('guidance_id', '=', id).execute()
  return { ...item, themeIds: themes.map((t) => t.theme_id) }
}

export function lockGuidance(db: Transaction<Database>, id: string) {
  return db.selectFrom('guidance_items').select(['id', 'status', 'text_en', 'text_es', 'decided_on']).where('id', '=', id).forUpdate().executeTakeFirst()
}

type GuidanceValues = { textEn: string; textEs: string; status: GuidanceStatus; decidedOn: string }

export function insertGuidance(db: Handle, values: GuidanceValues & { by: string; now: Date }) {
  return db
    .insertInto('guidance_items')
    .values({ text_en: values.textEn, text_es: values.textEs, status: values.status, decided_on: values.decidedOn, created_by: values.by, created_at: values.now, updated_by: values.by, updated_at: values.now })
    .returning('id')
    .executeTakeFirstOrThrow()
}

export async function updateGuidance(db: Handle, id: string, values: GuidanceValues & { by: string; now: Date }) {
  await db
    .updateTable('guidance_items')
    .set({ text_en: values.textEn, text_es: values.textEs, status: values.status, decided_on: values.decidedOn, updated_by: values.by, updated_at: values.now })
    .where('id', '=', id)
    .execute()
}

export async function replaceGuidanceThemes(db: Handle, guidanceId: string, themeIds: string[]) {
  await db.deleteFrom('guidance_themes').where('guidance_id', '=', guidanceId).execute()
  if (themeIds.length) await db.insertInto('guidance_themes').values(themeIds.map((theme_id) => ({ guidance_id: guidanceId, theme_id }))).execute()
}

/** Themes the Commission can answer: those in a report, as a draft or in a published version. */
export function reportedThemes(db: Handle) {
  return db
    .selectFrom('themes as t')
    .select(['t.id', 't.title'])
    .where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom('report_themes as rt').select('rt.theme_id').whereRef('rt.theme_id', '=', 't.id')),
        eb.exists(
          eb
            .selectFrom('report_versions as v')
            .select('v.id')
            .where(sql<boolean>`v.snapshot -> 'themes' @> jsonb_build_array(jsonb_build_object('themeId', t.id::text))`),
        ),
      ]),
    )
    .orderBy('t.title')
    .execute()
}
