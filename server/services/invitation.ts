import { TRPCError } from '@trpc/server'
import type { Db } from '../../db/client'
import { randomToken, sha256 } from '../lib/crypto'
import { appendAudit } from '../repositories/audit'
import { findUserByEmail, insertUser } from '../repositories/user'
import type { InvitationAcceptInput, InvitationCreateInput } from '../schemas/auth'
import type { Role } from '../schemas/reference'
import { passwordProblem } from '../lib/password-policy'
import { hashPassword, startSession, type SessionPolicy } from './auth'

export const INVITATION_DAYS = 7

type Inviter = { id: string; role: Role }

/** Facilitators invite community members (submitters); admins invite anyone. */
export function mayInvite(inviter: Role, role: Role): boolean {
  return inviter === 'admin' || (inviter === 'facilitator' && role === 'submitter')
}

export async function createInvitation(db: Db, inviter: Inviter, input: InvitationCreateInput, now: Date) {
  if (!mayInvite(inviter.role, input.role)) throw new TRPCError({ code: 'FORBIDDEN', message: 'errors.forbidden' })
  if (input.role === 'submitter' && !input.organizationId) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'errors.organizationRequired' })
  }
  if (await findUserByEmail(db, input.email)) throw new TRPCError({ code: 'CONFLICT', message: 'errors.emailTaken' })
  const token = randomToken()
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000)
  return db.transaction().execute(async (trx) => {
    if (input.organizationId) {
      const org = await trx.selectFrom('organizations').select('id').where('id', '=', input.organizationId).where('deactivated_at', 'is', null).executeTakeFirst()
      if (!org) throw new TRPCError({ code: 'BAD_REQUEST', message: 'errors.organizationRequired' })
    }
    const row = await trx
      .insertInto('invitations')
      .values({
        token_hash: sha256(token),
        email: input.email,
        role: input.role,
        organization_id: input.role === 'submitter' ? input.organizationId! : (input.organizationId ?? null),
        created_by: inviter.id,
        created_at: now,
        expires_at: expiresAt,
      })
      .returning(['id'])
      .executeTakeFirstOrThrow()
    await appendAudit(trx, {
      actorUserId: inviter.id,
      action: 'invitation.create',
      targetType: 'invitation',
      targetId: row.id,
      details: { role: input.role, organizationId: input.organizationId ?? null },
    })
    // The token is shown once to the inviter; only its hash is stored.
    return { id: row.id, token, expiresAt }
  })
}

export function listInvitations(db: Db, inviter: Inviter) {
  let q = db
    .selectFrom('invitations as i')
    .leftJoin('organizations as o', 'o.id', 'i.organization_id')
    .select(['i.id', 'i.email', 'i.role', 'o.name as organizationName', 'i.created_at as createdAt', 'i.expires_at as expiresAt', 'i.accepted_at as acceptedAt', 'i.revoked_at as revokedAt'])
    .orderBy('i.created_at', 'desc')
    .limit(100)
  if (inviter.role !== 'admin') q = q.where('i.created_by', '=', inviter.id)
  return q.execute()
}

async function findOpenInvitation(db: Db, token: string, now: Date) {
  const invitation = await db
    .selectFrom('invitations as i')
    .leftJoin('organizations as o', 'o.id', 'i.organization_id')
    .select(['i.id', 'i.email', 'i.role', 'i.organization_id as organizationId', 'o.name as organizationName', 'o.deactivated_at as organizationDeactivatedAt', 'i.expires_at as expiresAt', 'i.accepted_at as acceptedAt', 'i.revoked_at as revokedAt'])
    .where('i.token_hash', '=', sha256(token))
    .executeTakeFirst()
  if (!invitation) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.invitationInvalid' })
  if (invitation.revokedAt) throw new TRPCError({ code: 'BAD_REQUEST', message: 'errors.invitationRevoked' })
  if (invitation.acceptedAt) throw new TRPCError({ code: 'BAD_REQUEST', message: 'errors.invitationUsed' })
  if (new Date(invitation.expiresAt) <= now) throw new TRPCError({ code: 'BAD_REQUEST', message: 'errors.invitationExpired' })
  // An invitation sent before its organization was deactivated waits until it is reactivated.
  if (invitation.organizationDeactivatedAt) throw new TRPCError({ code: 'BAD_REQUEST', message: 'errors.organizationDeactivated' })
  return invitation
}

export async function describeInvitation(db: Db, token: string, now: Date) {
  const { email, role, organizationName, expiresAt } = await findOpenInvitation(db, token, now)
  return { email, role, organizationName, expiresAt }
}

/** Single use: marks the invitation accepted, creates the user and signs them in, in one transaction. */
export async function acceptInvitation(db: Db, input: InvitationAcceptInput, now: Date, policy: SessionPolicy) {
  const passwordHash = await hashPassword(input.password)
  return db.transaction().execute(async (trx) => {
    const invitation = await findOpenInvitation(trx, input.token, now)
    const weak = passwordProblem(input.password, invitation.email, input.displayName)
    if (weak) throw new TRPCError({ code: 'BAD_REQUEST', message: weak })
    const claimed = await trx
      .updateTable('invitations')
      .set({ accepted_at: now })
      .where('id', '=', invitation.id)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst()
    if (claimed.numUpdatedRows !== 1n) throw new TRPCError({ code: 'BAD_REQUEST', message: 'errors.invitationUsed' })
    if (await findUserByEmail(trx, invitation.email)) throw new TRPCError({ code: 'CONFLICT', message: 'errors.emailTaken' })
    const user = await insertUser(trx, {
      email: invitation.email,
      display_name: input.displayName,
      password_hash: passwordHash,
      role: invitation.role,
      organization_id: invitation.organizationId,
    })
    await trx.updateTable('invitations').set({ accepted_user_id: user.id }).where('id', '=', invitation.id).execute()
    await appendAudit(trx, {
      actorUserId: user.id,
      action: 'invitation.accept',
      targetType: 'user',
      targetId: user.id,
      details: { role: invitation.role, organizationId: invitation.organizationId },
    })
    const session = await startSession(trx, user.id, now, policy)
    return { ...session, role: user.role }
  })
}
