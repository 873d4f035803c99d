import { TRPCError } from '@trpc/server'
import type { Db } from '../../db/client'
import type { Env } from '../env'
import { hmac, randomToken, receiptCode, sha256 } from '../lib/crypto'
import { appendAudit } from '../repositories/audit'
import { findIntakeLinkByHash, listIntakeLinks } from '../repositories/intake-link'
import { hitRateLimit } from '../repositories/rate-limit'
import type { IntakeLinkCreateInput, IntakeLinkState, IntakeSubmitInput } from '../schemas/intake-link'
import { prepareIntake, storeSubmission } from './submission'

/**
 * Fixed windows of 10 minutes. Per address: a few honest people may share one
 * (a listening session on one Wi-Fi), so the limit is generous; per link: caps
 * a leaked link being flooded. Both counters live in the database (rate_limits).
 */
export const RATE_WINDOW_MS = 10 * 60_000
export const RATE_LIMITS = { perAddress: 20, perLink: 200 }

type Link = NonNullable<Awaited<ReturnType<typeof findIntakeLinkByHash>>>

export function stateOf(link: Pick<Link, 'closedAt' | 'expiresAt' | 'maxSubmissions' | 'useCount'>, now: Date): IntakeLinkState {
  if (link.closedAt) return 'closed'
  if (new Date(link.expiresAt) <= now) return 'expired'
  if (link.maxSubmissions !== null && link.useCount >= link.maxSubmissions) return 'full'
  return 'open'
}

export async function createIntakeLink(db: Db, actorId: string, input: IntakeLinkCreateInput, now: Date) {
  const token = randomToken()
  const expiresAt = new Date(now.getTime() + input.expiresInDays * 86_400_000)
  return db.transaction().execute(async (trx) => {
    if (input.organizationId) {
      const org = await trx.selectFrom('organizations').select('id').where('id', '=', input.organizationId).executeTakeFirst()
      if (!org) throw new TRPCError({ code: 'BAD_REQUEST', message: 'errors.choose' })
    }
    const row = await trx
      .insertInto('intake_links')
      .values({
        token_hash: sha256(token),
        name: input.name,
        organization_id: input.organizationId ?? null,
        created_by: actorId,
        created_at: now,
        expires_at: expiresAt,
        max_submissions: input.maxSubmissions ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await appendAudit(trx, {
      actorUserId: actorId,
      action: 'intake_link.create',
      targetType: 'intake_link',
      targetId: row.id,
      details: { name: input.name, expiresAt: expiresAt.toISOString(), maxSubmissions: input.maxSubmissions ?? null },
    })
    // The token is shown once to the facilitator; only its hash is stored.
    return { id: row.id, token, expiresAt }
  })
}

export async function listLinks(db: Db, now: Date) {
  const rows = await listIntakeLinks(db)
  return rows.map((row) => ({ ...row, state: stateOf(row, now) }))
}

export async function closeIntakeLink(db: Db, actorId: string, id: string, now: Date) {
  return db.transaction().execute(async (trx) => {
    const row = await trx.updateTable('intake_links').set({ closed_at: now, closed_by: actorId }).where('id', '=', id).where('closed_at', 'is', null).returning('id').executeTakeFirst()
    if (!row) {
      const exists = await trx.selectFrom('intake_links').select('id').where('id', '=', id).executeTakeFirst()
      if (!exists) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.notFound' })
      return { closed: false }
    }
    await appendAudit(trx, { actorUserId: actorId, action: 'intake_link.close', targetType: 'intake_link', targetId: id })
    return { closed: true }
  })
}

/** What the public page needs to know about a link: never its submissions. */
export async function describeIntakeLink(db: Db, token: string, now: Date) {
  const link = await findIntakeLinkByHash(db, sha256(token))
  if (!link) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.intakeLinkInvalid' })
  return { name: link.name, organizationName: link.organizationName, state: stateOf(link, now) }
}

const STATE_ERRORS: Record<Exclude<IntakeLinkState, 'open'>, string> = {
  expired: 'errors.intakeLinkExpired',
  closed: 'errors.intakeLinkClosed',
  full: 'errors.intakeLinkFull',
}

/**
 * A submission through an intake link, without an account. It waits in
 * moderation (status `pending`). A filled honeypot gets a receipt that looks
 * real but nothing is stored. Rate limits count per link and per client
 * address, the address only as an HMAC with the session secret.
 */
export async function submitThroughLink(
  db: Db,
  env: Pick<Env, 'encryptionKey' | 'sessionSecret'>,
  request: { clientAddress: string | null; now: Date },
  input: IntakeSubmitInput,
) {
  const { token, website, ...testimony } = input
  const tokenHash = sha256(token)
  const link = await findIntakeLinkByHash(db, tokenHash)
  if (!link) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.intakeLinkInvalid' })
  const state = stateOf(link, request.now)
  if (state !== 'open') throw new TRPCError({ code: 'FORBIDDEN', message: STATE_ERRORS[state] })

  if (website && website.trim() !== '') return { receiptCode: receiptCode() }

  const overLink = (await hitRateLimit(db, `intake-link:${link.id}`, request.now, RATE_WINDOW_MS)) > RATE_LIMITS.perLink
  const address = request.clientAddress ? hmac(request.clientAddress, env.sessionSecret) : 'unknown'
  const overAddress = (await hitRateLimit(db, `intake-address:${address}`, request.now, RATE_WINDOW_MS)) > RATE_LIMITS.perAddress
  if (overLink || overAddress) throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: 'errors.rateLimited' })

  const prepared = prepareIntake(env, { userId: null, organizationId: link.organizationId }, testimony, { status: 'pending', intakeLinkId: link.id })
  const created = await db.transaction().execute(async (trx) => {
    // Locked, so two requests for the last place under the cap cannot both pass.
    const locked = await findIntakeLinkByHash(trx, tokenHash, { lock: true })
    const lockedState = locked ? stateOf(locked, request.now) : 'closed'
    if (lockedState !== 'open') throw new TRPCError({ code: 'FORBIDDEN', message: STATE_ERRORS[lockedState] })
    return storeSubmission(trx, prepared)
  })
  return { receiptCode: created.receiptCode }
}
