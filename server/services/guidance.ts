import { TRPCError } from '@trpc/server'
import type { Transaction } from 'kysely'
import type { Db } from '../../db/client'
import type { Database } from '../../db/schema'
import { appendAudit } from '../repositories/audit'
import { findGuidance, insertGuidance, listGuidance as listGuidanceRows, lockGuidance, replaceGuidanceThemes, reportedThemes, updateGuidance as updateGuidanceRow } from '../repositories/guidance'
import type { GuidanceInput } from '../schemas/report'

export function listGuidance(db: Db) {
  return listGuidanceRows(db)
}

export async function guidanceById(db: Db, id: string) {
  const item = await findGuidance(db, id)
  if (!item) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.notFound' })
  return item
}

/** The themes guidance can answer: those that are in a report. */
export function guidanceThemeOptions(db: Db) {
  return reportedThemes(db)
}

/** Every linked theme must be one the Commission can see in a report. */
async function checkThemes(trx: Transaction<Database>, themeIds: string[]) {
  const allowed = new Set((await reportedThemes(trx)).map((t) => t.id))
  if (themeIds.some((id) => !allowed.has(id))) throw new TRPCError({ code: 'BAD_REQUEST', message: 'errors.chooseTheme' })
  return [...new Set(themeIds)]
}

export async function createGuidance(db: Db, actorId: string, input: GuidanceInput, now: Date) {
  return db.transaction().execute(async (trx) => {
    const themeIds = await checkThemes(trx, input.themeIds)
    const { id } = await insertGuidance(trx, { ...input, by: actorId, now })
    await replaceGuidanceThemes(trx, id, themeIds)
    await appendAudit(trx, { actorUserId: actorId, action: 'guidance.create', targetType: 'guidance', targetId: id, details: { status: input.status, decidedOn: input.decidedOn, themeIds } }, now)
    return { id }
  })
}

export async function updateGuidance(db: Db, actorId: string, input: GuidanceInput & { id: string }, now: Date) {
  return db.transaction().execute(async (trx) => {
    const before = await lockGuidance(trx, input.id)
    if (!before) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.notFound' })
    const themeIds = await checkThemes(trx, input.themeIds)
    const previousThemes = (await trx.selectFrom('guidance_themes').select('theme_id').where('guidance_id', '=', input.id).execute()).map((r) => r.theme_id)
    await updateGuidanceRow(trx, input.id, { ...input, by: actorId, now })
    await replaceGuidanceThemes(trx, input.id, themeIds)
    await appendAudit(
      trx,
      {
        actorUserId: actorId,
        action: 'guidance.update',
        targetType: 'guidance',
        targetId: input.id,
        details: {
          before: { textEn: before.text_en, textEs: before.text_es, status: before.status, decidedOn: before.decided_on, themeIds: previousThemes },
          after: { textEn: input.textEn, textEs: input.textEs, status: input.status, decidedOn: input.decidedOn, themeIds },
        },
      },
      now,
    )
    return { id: input.id }
  })
}
