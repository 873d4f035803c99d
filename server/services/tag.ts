import { TRPCError } from '@trpc/server'
import { sql, type Transaction } from 'kysely'
import type { Db } from '../../db/client'
import type { Database } from '../../db/schema'
import { foldWord } from '../analysis/fold'
import { appendAudit } from '../repositories/audit'
import { allTags, lockTags, siblingNamed, slugExists, suggestionCounts, taggingCounts, type TagRow } from '../repositories/tag'
import type { TagCreateInput, TagMergeInput, TagMoveInput, TagUpdateInput } from '../schemas/tag'
import { modelStatus } from './tag-model'

export type TreeTag = TagRow & { depth: number }

/** Depth-first: each tag right after its parent, siblings by sort order then name; orphans never occur. */
export function treeOrder(tags: TagRow[]): TreeTag[] {
  const children = new Map<string | null, TagRow[]>()
  const ids = new Set(tags.map((t) => t.id))
  for (const tag of tags) {
    const parent = tag.parentId && ids.has(tag.parentId) ? tag.parentId : null
    const list = children.get(parent) ?? []
    list.push(tag)
    children.set(parent, list)
  }
  const out: TreeTag[] = []
  const visit = (parent: string | null, depth: number) => {
    for (const tag of children.get(parent) ?? []) {
      out.push({ ...tag, depth })
      visit(tag.id, depth + 1)
    }
  }
  visit(null, 0)
  return out
}

/** The codebook in tree order, for pickers and filters (retired tags included, marked). */
export async function listTags(db: Db) {
  return treeOrder(await allTags(db)).map((t) => ({
    id: t.id,
    parentId: t.parentId,
    slug: t.slug,
    nameEn: t.nameEn,
    nameEs: t.nameEs,
    color: t.color,
    retiredAt: t.retiredAt,
    depth: t.depth,
  }))
}

/**
 * The codebook page: every tag in tree order with its counts, the suggestion model's held-out
 * precision for it, and how people decided on its suggestions; the model's status.
 */
export async function codebook(db: Db) {
  const [tags, taggings, suggestions, model] = await Promise.all([allTags(db), taggingCounts(db), suggestionCounts(db), modelStatus(db)])
  const taggingsBy = new Map(taggings.map((c) => [c.tagId, c]))
  const suggestionsBy = new Map(suggestions.map((c) => [c.tagId, c]))
  const metrics = (model.latest?.metrics ?? {}) as { perTag?: Record<string, { positives: number; suggested: number; correct: number; precision: number | null }>; tooFew?: Record<string, number> }
  return {
    tags: treeOrder(tags).map((t) => ({
      ...t,
      counts: taggingsBy.get(t.id) ?? { whole: 0, spans: 0, submissions: 0 },
      decisions: suggestionsBy.get(t.id) ?? { accepted: 0, rejected: 0, pending: 0 },
      heldOut: metrics.perTag?.[t.id] ?? null,
      tooFewToLearn: metrics.tooFew?.[t.id] ?? null,
    })),
    model,
  }
}

/** A slug from the English name, unique among all tags (retired ones too). */
async function uniqueSlug(trx: Transaction<Database>, nameEn: string) {
  const base =
    foldWord(nameEn.toLowerCase())
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'tag'
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`
    if (!(await slugExists(trx, slug))) return slug
  }
}

function notFound(): never {
  throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.notFound' })
}

async function requireUsableParent(trx: Transaction<Database>, parentId: string) {
  const parent = (await lockTags(trx, [parentId])).get(parentId)
  if (!parent) throw new TRPCError({ code: 'BAD_REQUEST', message: 'errors.choose' })
  if (parent.retiredAt || parent.mergedIntoId) throw new TRPCError({ code: 'CONFLICT', message: 'errors.tagParentRetired' })
  return parent
}

async function requireUniqueName(trx: Transaction<Database>, parentId: string | null, names: { nameEn: string; nameEs: string }, exceptId?: string) {
  if (await siblingNamed(trx, parentId, names, exceptId)) throw new TRPCError({ code: 'CONFLICT', message: 'errors.tagNameTaken' })
}

export async function createTag(db: Db, actorId: string, input: TagCreateInput, now: Date) {
  return db.transaction().execute(async (trx) => {
    const parentId = input.parentId ?? null
    if (parentId) await requireUsableParent(trx, parentId)
    await requireUniqueName(trx, parentId, input)
    const slug = await uniqueSlug(trx, input.nameEn)
    const { max } = await trx.selectFrom('tags').select(sql<number>`coalesce(max(sort_order), 0)::int`.as('max')).executeTakeFirstOrThrow()
    const row = await trx
      .insertInto('tags')
      .values({
        slug,
        parent_id: parentId,
        name_en: input.nameEn,
        name_es: input.nameEs,
        description_en: input.descriptionEn,
        description_es: input.descriptionEs,
        color: input.color,
        sort_order: max + 1,
      })
      .returning(['id', 'slug'])
      .executeTakeFirstOrThrow()
    await appendAudit(trx, { actorUserId: actorId, action: 'tag.create', targetType: 'tag', targetId: row.id, details: { slug, parentId, nameEn: input.nameEn, nameEs: input.nameEs } }, now)
    return row
  })
}

/** Rename, describe, recolour. */
export async function updateTag(db: Db, actorId: string, input: TagUpdateInput, now: Date) {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('tags').selectAll().where('id', '=', input.id).forUpdate().executeTakeFirst()
    if (!before) notFound()
    if (before.merged_into_id) throw new TRPCError({ code: 'CONFLICT', message: 'errors.tagMerged' })
    await requireUniqueName(trx, before.parent_id, input, input.id)
    const after = { name_en: input.nameEn, name_es: input.nameEs, description_en: input.descriptionEn, description_es: input.descriptionEs, color: input.color }
    const changed = Object.fromEntries(
      (Object.keys(after) as (keyof typeof after)[]).filter((k) => before[k] !== after[k]).map((k) => [k, { from: before[k], to: after[k] }]),
    )
    if (Object.keys(changed).length > 0) {
      await trx.updateTable('tags').set(after).where('id', '=', input.id).execute()
      await appendAudit(trx, { actorUserId: actorId, action: 'tag.update', targetType: 'tag', targetId: input.id, details: { changed } }, now)
    }
    return { id: input.id, changed: Object.keys(changed) }
  })
}

/** True when `candidate` is `id` or below it in the tree. */
function isInSubtree(tags: Map<string, { parentId: string | null }>, id: string, candidate: string): boolean {
  const seen = new Set<string>()
  for (let at: string | null = candidate; at; at = tags.get(at)?.parentId ?? null) {
    if (at === id) return true
    if (seen.has(at)) return false
    seen.add(at)
  }
  return false
}

/** Moves a tag (with its sub-tags) under another parent, or to the top; never below itself. */
export async function moveTag(db: Db, actorId: string, input: TagMoveInput, now: Date) {
  return db.transaction().execute(async (trx) => {
    const tags = new Map((await allTags(trx)).map((t) => [t.id, t]))
    const locked = await lockTags(trx, [input.id])
    const tag = locked.get(input.id)
    if (!tag) notFound()
    if (tag.mergedIntoId) throw new TRPCError({ code: 'CONFLICT', message: 'errors.tagMerged' })
    const parentId = input.parentId ?? null
    if (parentId === tag.parentId) return { id: tag.id, parentId, moved: false }
    if (parentId) {
      if (isInSubtree(tags, tag.id, parentId)) throw new TRPCError({ code: 'BAD_REQUEST', message: 'errors.tagCycle' })
      await requireUsableParent(trx, parentId)
    }
    await requireUniqueName(trx, parentId, tag, tag.id)
    await trx.updateTable('tags').set({ parent_id: parentId }).where('id', '=', tag.id).execute()
    await appendAudit(trx, { actorUserId: actorId, action: 'tag.move', targetType: 'tag', targetId: tag.id, details: { from: tag.parentId, to: parentId } }, now)
    return { id: tag.id, parentId, moved: true }
  })
}

/**
 * Merges tag `id` into `intoId`: every tagging moves to the kept tag (a submission or passage
 * that already had it keeps one), pending suggestions and double-coding answers follow, its
 * sub-tags move under the kept tag, and the merged tag is retired pointing at it.
 */
export async function mergeTags(db: Db, actorId: string, input: TagMergeInput, now: Date) {
  if (input.id === input.intoId) throw new TRPCError({ code: 'BAD_REQUEST', message: 'errors.tagMergeSelf' })
  return db.transaction().execute(async (trx) => {
    const tags = new Map((await allTags(trx)).map((t) => [t.id, t]))
    const locked = await lockTags(trx, [input.id, input.intoId])
    const source = locked.get(input.id)
    const target = locked.get(input.intoId)
    if (!source) notFound()
    if (!target) throw new TRPCError({ code: 'BAD_REQUEST', message: 'errors.chooseTag' })
    if (source.mergedIntoId) throw new TRPCError({ code: 'CONFLICT', message: 'errors.tagMerged' })
    if (target.retiredAt || target.mergedIntoId) throw new TRPCError({ code: 'CONFLICT', message: 'errors.tagRetired' })
    // Its sub-tags will hang under the kept tag: that must not be one of them.
    if (isInSubtree(tags, source.id, target.id)) throw new TRPCError({ code: 'BAD_REQUEST', message: 'errors.tagCycle' })

    // Whole-submission taggings: one per submission and tag.
    const wholeDuplicates = await trx
      .deleteFrom('submission_tags as st')
      .where('st.tag_id', '=', source.id)
      .where('st.span_start', 'is', null)
      .where((eb) =>
        eb.exists(eb.selectFrom('submission_tags as k').select('k.id').whereRef('k.submission_id', '=', 'st.submission_id').where('k.tag_id', '=', target.id).where('k.span_start', 'is', null)),
      )
      .executeTakeFirst()
    // Passages: one per submission, tag and offsets.
    const spanDuplicates = await trx
      .deleteFrom('submission_tags as st')
      .where('st.tag_id', '=', source.id)
      .where('st.span_start', 'is not', null)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('submission_tags as k')
            .select('k.id')
            .whereRef('k.submission_id', '=', 'st.submission_id')
            .where('k.tag_id', '=', target.id)
            .whereRef('k.span_start', '=', 'st.span_start')
            .whereRef('k.span_end', '=', 'st.span_end'),
        ),
      )
      .executeTakeFirst()
    const moved = await trx.updateTable('submission_tags').set({ tag_id: target.id }).where('tag_id', '=', source.id).executeTakeFirst()

    // Pending suggestions follow unless the kept tag is already applied or proposed there.
    await trx
      .deleteFrom('tag_suggestions as sg')
      .where('sg.tag_id', '=', source.id)
      .where('sg.status', '=', 'pending')
      .where((eb) =>
        eb.or([
          eb.exists(eb.selectFrom('submission_tags as k').select('k.id').whereRef('k.submission_id', '=', 'sg.submission_id').where('k.tag_id', '=', target.id)),
          eb.exists(eb.selectFrom('tag_suggestions as p').select('p.id').whereRef('p.submission_id', '=', 'sg.submission_id').where('p.tag_id', '=', target.id).where('p.status', '=', 'pending')),
        ]),
      )
      .execute()
    await trx.updateTable('tag_suggestions').set({ tag_id: target.id }).where('tag_id', '=', source.id).where('status', '=', 'pending').execute()

    // Double-coding answers name the kept tag, once.
    const codings = await trx
      .updateTable('coding_sample_codings')
      .set({ tag_ids: sql<string[]>`array(select distinct unnest(array_replace(tag_ids, ${source.id}::uuid, ${target.id}::uuid)))` })
      .where(sql<boolean>`${source.id}::uuid = any(tag_ids)`)
      .executeTakeFirst()

    const children = await trx.updateTable('tags').set({ parent_id: target.id }).where('parent_id', '=', source.id).executeTakeFirst()
    await trx.updateTable('tags').set({ merged_into_id: target.id }).where('merged_into_id', '=', source.id).execute()
    await trx.updateTable('tags').set({ retired_at: source.retiredAt ?? now, merged_into_id: target.id }).where('id', '=', source.id).execute()

    const result = {
      id: source.id,
      intoId: target.id,
      moved: Number(moved.numUpdatedRows),
      duplicatesRemoved: Number(wholeDuplicates.numDeletedRows) + Number(spanDuplicates.numDeletedRows),
      childrenMoved: Number(children.numUpdatedRows),
      codingsUpdated: Number(codings.numUpdatedRows),
    }
    await appendAudit(trx, { actorUserId: actorId, action: 'tag.merge', targetType: 'tag', targetId: source.id, details: result }, now)
    return result
  })
}

/**
 * Retires a tag: it is no longer offered for tagging or suggested, and its pending suggestions
 * go; its taggings stay (and show as retired). A tag with active sub-tags is retired only after them.
 */
export async function retireTag(db: Db, actorId: string, id: string, now: Date) {
  return db.transaction().execute(async (trx) => {
    const tag = (await lockTags(trx, [id])).get(id)
    if (!tag) notFound()
    if (tag.retiredAt) return { id, retired: false }
    const activeChild = await trx.selectFrom('tags').select('id').where('parent_id', '=', id).where('retired_at', 'is', null).executeTakeFirst()
    if (activeChild) throw new TRPCError({ code: 'CONFLICT', message: 'errors.tagHasChildren' })
    await trx.updateTable('tags').set({ retired_at: now }).where('id', '=', id).execute()
    const dropped = await trx.deleteFrom('tag_suggestions').where('tag_id', '=', id).where('status', '=', 'pending').executeTakeFirst()
    await appendAudit(trx, { actorUserId: actorId, action: 'tag.retire', targetType: 'tag', targetId: id, details: { pendingSuggestionsDropped: Number(dropped.numDeletedRows) } }, now)
    return { id, retired: true }
  })
}

/** Brings a retired tag back (not a merged one: its taggings live on in the tag it was merged into). */
export async function unretireTag(db: Db, actorId: string, id: string, now: Date) {
  return db.transaction().execute(async (trx) => {
    const tag = (await lockTags(trx, [id])).get(id)
    if (!tag) notFound()
    if (tag.mergedIntoId) throw new TRPCError({ code: 'CONFLICT', message: 'errors.tagMerged' })
    if (!tag.retiredAt) return { id, unretired: false }
    if (tag.parentId) {
      const parent = (await lockTags(trx, [tag.parentId])).get(tag.parentId)
      if (parent?.retiredAt) throw new TRPCError({ code: 'CONFLICT', message: 'errors.tagParentRetired' })
    }
    await requireUniqueName(trx, tag.parentId, tag, id)
    await trx.updateTable('tags').set({ retired_at: null }).where('id', '=', id).execute()
    await appendAudit(trx, { actorUserId: actorId, action: 'tag.unretire', targetType: 'tag', targetId: id }, now)
    return { id, unretired: true }
  })
}
