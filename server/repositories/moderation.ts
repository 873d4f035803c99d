import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../db/schema'

type Handle = Kysely<Database> | Transaction<Database>

/** Waiting for a decision: intake-link submissions (pending) and anything flagged, never withdrawn or merged. */
function queueQuery(db: Handle) {
  return db
    .selectFrom('submissions as s')
    .leftJoin('organizations as org', 'org.id', 's.organization_id')
    .leftJoin('intake_links as l', 'l.id', 's.intake_link_id')
    .leftJoin('submissions as dup', 'dup.id', 's.duplicate_of_id')
    .where((eb) => eb.or([eb('s.status', '=', 'pending'), eb('s.flagged_at', 'is not', null)]))
    .where('s.status', 'not in', ['withdrawn', 'merged'])
}

export async function listModerationQueue(db: Handle, page: { limit: number; offset: number }) {
  const [items, total] = await Promise.all([
    queueQuery(db)
      .select([
        's.id',
        's.receipt_code as receiptCode',
        's.text_redacted as text',
        's.language',
        's.status',
        's.created_at as createdAt',
        's.flagged_at as flaggedAt',
        's.duplicate_similarity as duplicateSimilarity',
        'dup.receipt_code as duplicateOfCode',
        'dup.id as duplicateOfId',
        'org.name as organizationName',
        'l.name as intakeLinkName',
      ])
      .orderBy('s.created_at', 'asc')
      .orderBy('s.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    queueQuery(db).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ])
  return { items, total: total.n }
}

/** The moderation state of one submission, for its detail page. */
export function moderationStateOf(db: Handle, id: string) {
  return db
    .selectFrom('submissions as s')
    .leftJoin('intake_links as l', 'l.id', 's.intake_link_id')
    .leftJoin('submissions as dup', 'dup.id', 's.duplicate_of_id')
    .leftJoin('submissions as kept', 'kept.id', 's.merged_into_id')
    .select([
      's.status',
      's.hidden_reason as hiddenReason',
      's.flagged_at as flaggedAt',
      's.duplicate_similarity as duplicateSimilarity',
      'dup.receipt_code as duplicateOfCode',
      'dup.id as duplicateOfId',
      'kept.receipt_code as mergedIntoCode',
      'kept.id as mergedIntoId',
      'l.name as intakeLinkName',
      's.original_purged_at as originalPurgedAt',
      sql<boolean>`s.text_original_enc is not null`.as('originalHeld'),
    ])
    .where('s.id', '=', id)
    .executeTakeFirst()
}
