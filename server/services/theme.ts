/**
 * Themes: facilitators turn clusters and tags into named themes, merge them, move members,
 * write the summary (a cluster's extractive draft to start from) and pick quotes (consent
 * only). Every edit is audited in its own transaction, on the theme it changed.
 * See docs/decisions/062-clustering-runs-and-themes.md.
 */
import { TRPCError } from '@trpc/server'
import type { Transaction } from 'kysely'
import type { Db } from '../../db/client'
import type { Database } from '../../db/schema'
import type { Locale } from '../lib/locale'
import { appendAudit } from '../repositories/audit'
import { findRun, findRunCluster, type ClusterRow } from '../repositories/clustering-run'
import {
  addClusterMembers,
  addTagMembers,
  addThemeMembers,
  deleteMembers,
  findQuote,
  findTheme,
  insertSource,
  listThemes,
  lockTheme,
  memberCount,
  membersAmong,
  moveQuotes,
  quotableMembers,
  quoteCandidate,
  renumberQuotes,
  setSourceCount,
  themeHistory,
  themeMembers,
  themeQuotes,
  themeSources,
  touchTheme,
} from '../repositories/theme'
import type { ThemeStatus, ThemeUpdateInput } from '../schemas/theme'

type Trx = Transaction<Database>
type Actor = { id: string; locale: Locale }

const fail = (code: 'BAD_REQUEST' | 'NOT_FOUND' | 'CONFLICT', message: string): never => {
  throw new TRPCError({ code, message })
}

/** Locks a theme that may be edited: it exists and is active (merged and archived themes are a record). */
async function lockActive(trx: Trx, id: string) {
  const theme = await lockTheme(trx, id)
  if (!theme) fail('NOT_FOUND', 'errors.notFound')
  if (theme!.status !== 'active') fail('CONFLICT', 'errors.themeNotActive')
  return theme!
}

/** Locks several themes in id order (two editors never wait on each other in a cycle). */
async function lockActiveAll(trx: Trx, ids: readonly string[]) {
  const locked = new Map<string, { id: string; title: string; status: string }>()
  for (const id of [...new Set(ids)].sort()) locked.set(id, await lockActive(trx, id))
  return locked
}

const audit = (trx: Trx, actorId: string, themeId: string, action: string, details: Record<string, unknown>, now: Date) =>
  appendAudit(trx, { actorUserId: actorId, action, targetType: 'theme', targetId: themeId, details }, now)

async function insertTheme(trx: Trx, actorId: string, title: string, summary: string, now: Date) {
  return trx.insertInto('themes').values({ title, summary, created_by: actorId, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()
}

/** A title from the cluster's key terms in the reader's language (the other language if none). */
function clusterTitle(cluster: ClusterRow, locale: Locale, runName: string): string {
  const terms = (lang: string) => cluster.keyTerms.find((k) => k.lang === lang)?.terms ?? []
  const words = terms(locale).length ? terms(locale) : terms(locale === 'es' ? 'en' : 'es')
  return words.length ? words.slice(0, 4).join(' · ') : `${runName} · ${cluster.cluster + 1}`
}

/** Promotes a finished run's cluster to a theme; its draft summary pre-fills the theme's summary. */
export async function createFromCluster(db: Db, actor: Actor, input: { runId: string; cluster: number; title?: string }, now: Date) {
  const run = await findRun(db, input.runId)
  if (!run) fail('NOT_FOUND', 'errors.notFound')
  if (run!.status !== 'succeeded') fail('BAD_REQUEST', 'errors.runNotFinished')
  const cluster = (await findRunCluster(db, input.runId, input.cluster)) as ClusterRow | undefined
  if (!cluster || cluster.cluster < 0) fail('NOT_FOUND', 'errors.notFound')
  return db.transaction().execute(async (trx) => {
    const promoted = await trx
      .selectFrom('theme_sources as ts')
      .innerJoin('themes as t', 't.id', 'ts.theme_id')
      .select('t.id')
      .where('ts.kind', '=', 'cluster')
      .where('ts.run_id', '=', input.runId)
      .where('ts.cluster', '=', input.cluster)
      .where('t.status', '<>', 'archived')
      .executeTakeFirst()
    if (promoted) fail('CONFLICT', 'errors.clusterPromoted')
    const title = input.title ?? clusterTitle(cluster!, actor.locale, run!.name)
    const theme = await insertTheme(trx, actor.id, title, cluster!.summary, now)
    const source = await insertSource(trx, { themeId: theme.id, kind: 'cluster', runId: input.runId, cluster: input.cluster, memberCount: 0, actorId: actor.id, now })
    const added = await addClusterMembers(trx, { themeId: theme.id, sourceId: source.id, actorId: actor.id, now }, input.runId, input.cluster)
    await setSourceCount(trx, source.id, added)
    await audit(trx, actor.id, theme.id, 'theme.create', { from: 'cluster', runId: input.runId, cluster: input.cluster, title, members: added }, now)
    return { id: theme.id, members: added }
  })
}

/** A theme from a tag's submissions (whole-submission or span taggings). */
export async function createFromTag(db: Db, actor: Actor, input: { tagId: string; title?: string }, now: Date) {
  const tag = await db.selectFrom('tags').select(['id', 'name_en', 'name_es']).where('id', '=', input.tagId).executeTakeFirst()
  if (!tag) fail('NOT_FOUND', 'errors.notFound')
  return db.transaction().execute(async (trx) => {
    const title = input.title ?? (actor.locale === 'es' ? tag!.name_es : tag!.name_en)
    const theme = await insertTheme(trx, actor.id, title, '', now)
    const source = await insertSource(trx, { themeId: theme.id, kind: 'tag', tagId: input.tagId, memberCount: 0, actorId: actor.id, now })
    const added = await addTagMembers(trx, { themeId: theme.id, sourceId: source.id, actorId: actor.id, now }, input.tagId)
    // Rolled back with the theme: a theme of nothing helps no one.
    if (added === 0) fail('BAD_REQUEST', 'errors.themeNoMembers')
    await setSourceCount(trx, source.id, added)
    await audit(trx, actor.id, theme.id, 'theme.create', { from: 'tag', tagId: input.tagId, title, members: added }, now)
    return { id: theme.id, members: added }
  })
}

/**
 * Merges themes into a target: the target gets the union of members (each source recorded as
 * a 'theme' source) and the sources' quotes it does not already have; each source becomes
 * `merged`, pointing at the target, and keeps its members and history as a record.
 */
export async function mergeThemes(db: Db, actorId: string, input: { targetId: string; sourceIds: string[] }, now: Date) {
  const sourceIds = [...new Set(input.sourceIds)]
  if (sourceIds.includes(input.targetId)) fail('BAD_REQUEST', 'errors.themeMergeSelf')
  return db.transaction().execute(async (trx) => {
    const locked = await lockActiveAll(trx, [input.targetId, ...sourceIds])
    let added = 0
    let quotesMoved = 0
    for (const sourceId of sourceIds) {
      const count = await memberCount(trx, sourceId)
      const source = await insertSource(trx, { themeId: input.targetId, kind: 'theme', sourceThemeId: sourceId, memberCount: count, actorId, now })
      added += await addThemeMembers(trx, { themeId: input.targetId, sourceId: source.id, actorId, now }, sourceId)
      quotesMoved += await moveQuotes(trx, sourceId, input.targetId, now)
      await trx.updateTable('themes').set({ status: 'merged', merged_into_id: input.targetId, updated_at: now }).where('id', '=', sourceId).execute()
      await audit(trx, actorId, sourceId, 'theme.mergedInto', { targetId: input.targetId, targetTitle: locked.get(input.targetId)!.title }, now)
    }
    await touchTheme(trx, input.targetId, now)
    await audit(trx, actorId, input.targetId, 'theme.merge', { sourceIds, sourceTitles: sourceIds.map((id) => locked.get(id)!.title), membersAdded: added, quotesMoved }, now)
    return { id: input.targetId, membersAdded: added, quotesMoved }
  })
}

/** Moves members (and their quotes) to another theme, recorded there as a 'manual' source. */
export async function moveMembers(db: Db, actorId: string, input: { fromThemeId: string; toThemeId: string; submissionIds: string[] }, now: Date) {
  if (input.fromThemeId === input.toThemeId) fail('BAD_REQUEST', 'errors.themeMoveSame')
  const ids = [...new Set(input.submissionIds)]
  return db.transaction().execute(async (trx) => {
    await lockActiveAll(trx, [input.fromThemeId, input.toThemeId])
    const members = await membersAmong(trx, input.fromThemeId, ids)
    if (members.length !== ids.length) fail('BAD_REQUEST', 'errors.themeNotMember')
    const source = await insertSource(trx, { themeId: input.toThemeId, kind: 'manual', sourceThemeId: input.fromThemeId, memberCount: ids.length, actorId, now })
    const added = await addThemeMembers(trx, { themeId: input.toThemeId, sourceId: source.id, actorId, now }, input.fromThemeId, ids)
    const quotesMoved = await moveQuotes(trx, input.fromThemeId, input.toThemeId, now, ids)
    await deleteMembers(trx, input.fromThemeId, ids)
    await renumberQuotes(trx, input.fromThemeId)
    await touchTheme(trx, input.fromThemeId, now)
    await touchTheme(trx, input.toThemeId, now)
    await audit(trx, actorId, input.fromThemeId, 'theme.moveOut', { toThemeId: input.toThemeId, count: ids.length, submissionIds: ids }, now)
    await audit(trx, actorId, input.toThemeId, 'theme.moveIn', { fromThemeId: input.fromThemeId, count: ids.length, added, quotesMoved, submissionIds: ids }, now)
    return { moved: ids.length, added, quotesMoved }
  })
}

export async function removeMembers(db: Db, actorId: string, input: { themeId: string; submissionIds: string[] }, now: Date) {
  const ids = [...new Set(input.submissionIds)]
  return db.transaction().execute(async (trx) => {
    await lockActive(trx, input.themeId)
    const members = await membersAmong(trx, input.themeId, ids)
    if (members.length !== ids.length) fail('BAD_REQUEST', 'errors.themeNotMember')
    await deleteMembers(trx, input.themeId, ids)
    await renumberQuotes(trx, input.themeId)
    await touchTheme(trx, input.themeId, now)
    await audit(trx, actorId, input.themeId, 'theme.removeMembers', { count: ids.length, submissionIds: ids }, now)
    return { removed: ids.length }
  })
}

export async function updateTheme(db: Db, actorId: string, input: ThemeUpdateInput, now: Date) {
  return db.transaction().execute(async (trx) => {
    await lockActive(trx, input.id)
    const before = await trx.selectFrom('themes').select(['title', 'summary']).where('id', '=', input.id).executeTakeFirstOrThrow()
    const fields = [before.title !== input.title ? 'title' : null, before.summary !== input.summary ? 'summary' : null].filter((f) => f !== null)
    if (fields.length === 0) return { id: input.id, changed: [] as string[] }
    // A summary a facilitator writes is theirs: approved for reports (issue 12 §2).
    const approval = fields.includes('summary') ? { summary_approved_at: now, summary_approved_by: actorId } : {}
    await trx.updateTable('themes').set({ title: input.title, summary: input.summary, updated_at: now, ...approval }).where('id', '=', input.id).execute()
    await audit(trx, actorId, input.id, 'theme.update', { fields, ...(fields.includes('title') ? { titleBefore: before.title, title: input.title } : {}) }, now)
    return { id: input.id, changed: fields }
  })
}

/**
 * A facilitator approves a theme's summary as it stands (issue 12 §2): the
 * machine draft may only be published once a person has read it and taken
 * responsibility for it. Audited.
 */
export async function approveThemeSummary(db: Db, actorId: string, input: { id: string }, now: Date) {
  return db.transaction().execute(async (trx) => {
    await lockActive(trx, input.id)
    const theme = await trx.selectFrom('themes').select(['summary', 'summary_approved_at']).where('id', '=', input.id).executeTakeFirstOrThrow()
    if (theme.summary.trim() === '') fail('BAD_REQUEST', 'errors.summaryEmpty')
    if (theme.summary_approved_at) return { id: input.id, approvedAt: theme.summary_approved_at }
    await trx.updateTable('themes').set({ summary_approved_at: now, summary_approved_by: actorId }).where('id', '=', input.id).execute()
    // Not the words: the audit log is append-only, and a draft's words may have to be withdrawn.
    await audit(trx, actorId, input.id, 'theme.approveSummary', { characters: theme.summary.length }, now)
    return { id: input.id, approvedAt: now }
  })
}

/**
 * A representative quote: only a member whose submitter consented to quoting, accepted and not
 * withdrawn. Shown in its original language; the stored machine translation into the other
 * language goes beside it, labelled machine, until a person corrects it.
 */
export async function addQuote(db: Db, actorId: string, input: { themeId: string; submissionId: string }, now: Date) {
  return db.transaction().execute(async (trx) => {
    await lockActive(trx, input.themeId)
    const s = await quoteCandidate(trx, input.themeId, input.submissionId)
    if (!s) fail('NOT_FOUND', 'errors.notFound')
    if (!s!.isMember) fail('BAD_REQUEST', 'errors.quoteNotMember')
    if (!s!.consentQuote) fail('BAD_REQUEST', 'errors.quoteNoConsent')
    if (s!.status !== 'accepted' || s!.text === null) fail('BAD_REQUEST', 'errors.quoteNotAccepted')
    if (s!.isQuoted) fail('CONFLICT', 'errors.quoteExists')
    const translationLang = s!.language === 'es' ? 'en' : s!.language === 'en' ? 'es' : null
    const translation = translationLang === 'en' ? s!.translationEn : translationLang === 'es' ? s!.translationEs : null
    const top = await trx
      .selectFrom('theme_quotes')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('theme_id', '=', input.themeId)
      .executeTakeFirst()
    const quote = await trx
      .insertInto('theme_quotes')
      .values({
        theme_id: input.themeId,
        submission_id: input.submissionId,
        position: (top?.p ?? -1) + 1,
        translation,
        translation_lang: translationLang,
        translation_kind: translation ? 'machine' : null,
        created_by: actorId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await touchTheme(trx, input.themeId, now)
    await audit(trx, actorId, input.themeId, 'theme.addQuote', { quoteId: quote.id, submissionId: input.submissionId }, now)
    return { id: quote.id }
  })
}

async function lockQuote(trx: Trx, quoteId: string) {
  const quote = await findQuote(trx, quoteId)
  if (!quote) fail('NOT_FOUND', 'errors.notFound')
  await lockActive(trx, quote!.themeId)
  return quote!
}

/** A person's translation replaces the machine one and is marked human. */
export async function translateQuote(db: Db, actorId: string, input: { quoteId: string; translation: string }, now: Date) {
  return db.transaction().execute(async (trx) => {
    const quote = await lockQuote(trx, input.quoteId)
    const lang = quote.translationLang ?? (quote.language === 'en' ? 'es' : 'en')
    await trx
      .updateTable('theme_quotes')
      .set({ translation: input.translation, translation_lang: lang, translation_kind: 'human', updated_at: now })
      .where('id', '=', input.quoteId)
      .execute()
    await touchTheme(trx, quote.themeId, now)
    await audit(trx, actorId, quote.themeId, 'theme.translateQuote', { quoteId: quote.id, submissionId: quote.submissionId, lang }, now)
    return { id: quote.id }
  })
}

export async function removeQuote(db: Db, actorId: string, input: { quoteId: string }, now: Date) {
  return db.transaction().execute(async (trx) => {
    const quote = await lockQuote(trx, input.quoteId)
    await trx.deleteFrom('theme_quotes').where('id', '=', quote.id).execute()
    await renumberQuotes(trx, quote.themeId)
    await touchTheme(trx, quote.themeId, now)
    await audit(trx, actorId, quote.themeId, 'theme.removeQuote', { quoteId: quote.id, submissionId: quote.submissionId }, now)
    return { id: quote.id }
  })
}

/** Moves a quote one place up or down (swaps it with its neighbour). */
export async function moveQuote(db: Db, actorId: string, input: { quoteId: string; direction: 'up' | 'down' }, now: Date) {
  return db.transaction().execute(async (trx) => {
    const quote = await lockQuote(trx, input.quoteId)
    await renumberQuotes(trx, quote.themeId)
    const quotes = await trx.selectFrom('theme_quotes').select(['id', 'position']).where('theme_id', '=', quote.themeId).orderBy('position').execute()
    const at = quotes.findIndex((q) => q.id === quote.id)
    const other = quotes[input.direction === 'up' ? at - 1 : at + 1]
    if (!other) return { id: quote.id, position: at }
    await trx.updateTable('theme_quotes').set({ position: other.position, updated_at: now }).where('id', '=', quote.id).execute()
    await trx.updateTable('theme_quotes').set({ position: quotes[at]!.position, updated_at: now }).where('id', '=', other.id).execute()
    await touchTheme(trx, quote.themeId, now)
    await audit(trx, actorId, quote.themeId, 'theme.reorderQuote', { quoteId: quote.id, direction: input.direction, from: at, to: at + (input.direction === 'up' ? -1 : 1) }, now)
    return { id: quote.id, position: other.position }
  })
}

export async function archiveTheme(db: Db, actorId: string, id: string, now: Date) {
  return db.transaction().execute(async (trx) => {
    await lockActive(trx, id)
    await trx.updateTable('themes').set({ status: 'archived', updated_at: now }).where('id', '=', id).execute()
    await audit(trx, actorId, id, 'theme.archive', {}, now)
    return { id, status: 'archived' as const }
  })
}

export function listThemesByStatus(db: Db, status: ThemeStatus | 'all') {
  return listThemes(db, status)
}

export async function getTheme(db: Db, id: string) {
  const theme = await findTheme(db, id)
  if (!theme) fail('NOT_FOUND', 'errors.notFound')
  const [sources, quotes, members] = await Promise.all([themeSources(db, id), themeQuotes(db, id), memberCount(db, id)])
  return {
    ...theme!,
    memberCount: members,
    sources,
    // A quote whose testimony was since withdrawn, or whose consent was taken back, is not shown.
    quotes: quotes.map((q) => (q.stillQuotable ? q : { ...q, text: null, translation: null })),
  }
}

const pageOf = <T>(rows: T[], total: number, input: { page: number; pageSize: number }) => ({
  items: rows,
  total,
  page: input.page,
  pageSize: input.pageSize,
  pageCount: Math.max(1, Math.ceil(total / input.pageSize)),
})

export async function getThemeMembers(db: Db, input: { id: string; page: number; pageSize: number }) {
  if (!(await findTheme(db, input.id))) fail('NOT_FOUND', 'errors.notFound')
  const { rows, total } = await themeMembers(db, input.id, { limit: input.pageSize, offset: (input.page - 1) * input.pageSize })
  return pageOf(rows, total, input)
}

export async function getQuotableMembers(db: Db, input: { id: string; page: number; pageSize: number }) {
  if (!(await findTheme(db, input.id))) fail('NOT_FOUND', 'errors.notFound')
  const { rows, total } = await quotableMembers(db, input.id, { limit: input.pageSize, offset: (input.page - 1) * input.pageSize })
  return pageOf(rows, total, input)
}

export async function getThemeHistory(db: Db, id: string) {
  if (!(await findTheme(db, id))) fail('NOT_FOUND', 'errors.notFound')
  return themeHistory(db, id)
}
