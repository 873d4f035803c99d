import { sql } from 'kysely'
import type { Db } from '../../db/client'
import type { Env } from '../env'
import { reportCounts } from '../repositories/report'
import { quoteAllowed, type RawTheme } from '../reports/snapshot'
import { createGuidance } from './guidance'
import { addReportTheme, commentOnTheme, createReport, publishReport, replyToComment, reviewQuote, updateReportTheme } from './report'

/**
 * Demo themes, a published demo report and demo guidance, built from the demo
 * testimonies so that a fresh install shows a non-empty Commission home and
 * public page. Every title carries the [DEMO] marker.
 */
export const DEMO_REPORT = { title: '[DEMO] June–December 2025: what communities saw', periodStart: '2025-06', periodEnd: '2025-12' }

export const DEMO_THEMES = [
  {
    tag: 'federal-agents-identification',
    title: '[DEMO] Agents who would not identify themselves',
    summary: 'Testimony describes federal agents in masks, without visible badges, using unmarked vehicles, and officers at the scene who could not say who they were.',
    publicEn: 'Many people told us they could not tell who the agents were: masks, no badges, unmarked cars. They asked that LAPD officers at a scene say clearly who they are and who they are not.',
    publicEs: 'Muchas personas nos dijeron que no podían saber quiénes eran los agentes: máscaras, sin placas, carros sin marcas. Pidieron que los policías del LAPD en el lugar digan claramente quiénes son y quiénes no son.',
  },
  {
    tag: 'lapd-role-at-scenes',
    title: '[DEMO] What LAPD officers did at enforcement scenes',
    summary: 'Testimony about LAPD officers present while federal enforcement was under way: directing traffic, holding perimeters, answering or not answering questions.',
    publicEn: 'People described LAPD officers standing by, closing streets or directing traffic while federal agents made arrests, and asked what officers are there to do.',
    publicEs: 'La gente describió a policías del LAPD presentes, cerrando calles o dirigiendo el tráfico mientras agentes federales arrestaban, y preguntó para qué están ahí los policías.',
  },
  {
    tag: 'schools-children',
    title: '[DEMO] Enforcement near schools and children',
    summary: 'Testimony about enforcement near schools and its effect on children: drop-off and pick-up, absences, fear.',
    publicEn: 'Parents told us about agents near schools at drop-off and pick-up, and children afraid to go to class.',
    publicEs: 'Madres y padres nos hablaron de agentes cerca de las escuelas a la hora de entrada y salida, y de niños con miedo de ir a clase.',
  },
  {
    tag: 'workplaces-day-labor',
    title: '[DEMO] Raids at workplaces and day-labor sites',
    summary: 'Testimony about raids at car washes, stores and day-labor corners.',
    publicEn: 'Workers described raids at car washes, stores and day-labor corners, and asked how City staff and police respond.',
    publicEs: 'Trabajadores describieron redadas en lavados de carros, tiendas y esquinas de jornaleros, y preguntaron cómo responden el personal de la Ciudad y la policía.',
  },
] as const

const DEMO_GUIDANCE = [
  {
    theme: 0,
    status: 'published' as const,
    decidedOn: '2026-01-20',
    textEn: 'Officers at a scene where federal agents are working identify themselves as LAPD, explain that LAPD does not take part in civil immigration enforcement, and give their name and serial number when asked.',
    textEs: 'Los policías presentes donde trabajan agentes federales se identifican como LAPD, explican que el LAPD no participa en operativos migratorios civiles y dan su nombre y número de placa cuando se les pide.',
  },
  {
    theme: 1,
    status: 'adopted' as const,
    decidedOn: '2026-02-03',
    textEn: 'Traffic and crowd control near a federal operation is limited to public safety; officers do not hold perimeters for civil immigration arrests.',
    textEs: 'El control del tráfico y de multitudes cerca de un operativo federal se limita a la seguridad pública; los policías no mantienen perímetros para arrestos migratorios civiles.',
  },
  {
    theme: 2,
    status: 'published' as const,
    decidedOn: '2026-02-17',
    textEn: 'School safety officers and nearby patrols share know-your-rights information with families in English and Spanish, and call the school when federal agents are seen nearby.',
    textEs: 'Los oficiales de seguridad escolar y las patrullas cercanas comparten información sobre derechos con las familias en inglés y español, y avisan a la escuela cuando se ven agentes federales cerca.',
  },
  {
    theme: 3,
    status: 'proposed' as const,
    decidedOn: '2026-03-02',
    textEn: 'A proposal for a liaison at each bureau whom day-labor centers can call during a raid.',
    textEs: 'Una propuesta de un enlace en cada división al que los centros de jornaleros puedan llamar durante una redada.',
  },
]

export async function seedDemoReports(db: Db, env: Pick<Env, 'VOCES_MIN_CELL'>, now = new Date()): Promise<boolean> {
  const user = (email: string) => db.selectFrom('users').select(['id', 'display_name as displayName']).where('email', '=', email).where('is_demo', '=', true).executeTakeFirst()
  const facilitator = await user('facilitator@voces.demo')
  const commission = await user('commission@voces.demo')
  if (!facilitator || !commission) return false
  const already = await db.selectFrom('themes').select('id').where('title', 'in', DEMO_THEMES.map((t) => t.title)).limit(1).executeTakeFirst()
  if (already) return false
  const demo = await db.selectFrom('submissions').select('id').where('is_demo', '=', true).limit(1).executeTakeFirst()
  if (!demo) return false

  const period = { start: DEMO_REPORT.periodStart, end: DEMO_REPORT.periodEnd }
  const themeIds: string[] = []
  const quoted: { themeId: string; submissionId: string }[] = []
  for (const spec of DEMO_THEMES) {
    const tags = await db
      .selectFrom('tags as t')
      .leftJoin('tags as parent', 'parent.id', 't.parent_id')
      .select('t.id')
      .where((eb) => eb.or([eb('t.slug', '=', spec.tag), eb('parent.slug', '=', spec.tag)]))
      .execute()
    if (tags.length === 0) continue
    const members = await db
      .selectFrom('submission_tags as st')
      .innerJoin('submissions as s', 's.id', 'st.submission_id')
      .select('s.id')
      .distinct()
      .where(
        'st.tag_id',
        'in',
        tags.map((t) => t.id),
      )
      .where('s.is_demo', '=', true)
      .where('s.status', '=', 'accepted')
      .execute()
    if (members.length === 0) continue
    const themeId = await db.transaction().execute(async (trx) => {
      const theme = await trx.insertInto('themes').values({ title: spec.title, summary: spec.summary, summary_approved_at: now, summary_approved_by: facilitator.id, created_by: facilitator.id }).returning('id').executeTakeFirstOrThrow()
      const source = await trx
        .insertInto('theme_sources')
        .values({ theme_id: theme.id, kind: 'tag', tag_id: tags[0]!.id, member_count: members.length, created_by: facilitator.id })
        .returning('id')
        .executeTakeFirstOrThrow()
      await trx
        .insertInto('theme_members')
        .values(members.map((m) => ({ theme_id: theme.id, submission_id: m.id, source_id: source.id, added_by: facilitator.id })))
        .execute()
      return theme.id
    })
    themeIds.push(themeId)

    // Two quotes from members who allowed quoting, preferring those in no small group: the report shows only those.
    const counts = (await reportCounts(db, [themeId], period, {})).get(themeId)!
    const raw: RawTheme = { themeId, title: spec.title, summary: spec.summary, summaryApproved: true, publicSummaryEn: '', publicSummaryEs: '', ...counts, quotes: [], guidance: [] }
    const { rows: candidates } = await sql<{ id: string; month: string; area: string; setting: string; agencies: string[]; org: string }>`
      select s.id, coalesce(s.incident_month, to_char(s.created_at at time zone 'America/Los_Angeles', 'YYYY-MM')) as month, coalesce(s.area, 'not-given') as area,
             coalesce(s.setting, 'not-given') as setting, s.agencies, coalesce(o.kind, 'none') as org
      from theme_members tm join submissions s on s.id = tm.submission_id left join organizations o on o.id = s.organization_id
      where tm.theme_id = ${themeId} and s.consent_quote and s.text_redacted is not null and s.text_redacted not like '%[%'
      order by length(s.text_redacted), s.receipt_code
    `.execute(db)
    const shown = (c: (typeof candidates)[number]) =>
      quoteAllowed(raw, { submissionId: c.id, text: '', language: '', translations: [], cells: { month: c.month, area: c.area, setting: c.setting, agencies: c.agencies, organizationKind: c.org } }, env.VOCES_MIN_CELL)
    const chosen = [...candidates.filter(shown), ...candidates.filter((c) => !shown(c))].slice(0, 2)
    quoted.push(...chosen.map((c) => ({ themeId, submissionId: c.id })))
    if (chosen.length) {
      await db
        .insertInto('theme_quotes')
        .values(chosen.map((c, position) => ({ theme_id: themeId, submission_id: c.id, position, created_by: facilitator.id })))
        .execute()
    }
  }
  if (themeIds.length === 0) return false

  const { id: reportId } = await createReport(db, facilitator.id, { title: DEMO_REPORT.title, periodStart: DEMO_REPORT.periodStart, periodEnd: DEMO_REPORT.periodEnd }, now)
  for (const [i, themeId] of themeIds.entries()) {
    const spec = DEMO_THEMES[i]!
    await addReportTheme(db, facilitator.id, { id: reportId, themeId }, now)
    await updateReportTheme(db, facilitator.id, { id: reportId, themeId, publicSummaryEn: spec.publicEn, publicSummaryEs: spec.publicEs }, now)
  }
  for (const g of DEMO_GUIDANCE) {
    const themeId = themeIds[g.theme]
    if (themeId) await createGuidance(db, commission.id, { textEn: g.textEn, textEs: g.textEs, status: g.status, decidedOn: g.decidedOn, themeIds: [themeId] }, now)
  }
  // The demo facilitator reviewed the demo quotes for re-identification (issue 12 §4).
  for (const q of quoted) await reviewQuote(db, facilitator.id, { id: reportId, ...q }, now)
  await publishReport(db, { id: facilitator.id, displayName: facilitator.displayName }, reportId, env.VOCES_MIN_CELL, now)
  const { id: commentId } = await commentOnTheme(db, commission.id, { id: reportId, themeId: themeIds[0]!, version: 1, body: 'Do the testimonies say whether LAPD officers were asked to identify the federal agents?' }, now)
  await replyToComment(db, facilitator.id, { commentId, body: 'Several do: people asked officers at the scene who the agents were. We can pull those into a separate theme for the next version.' }, now)
  return true
}
