import { TRPCError } from '@trpc/server'
import type { Db } from '../../db/client'
import { randomToken, sha256 } from '../lib/crypto'
import {
  findOrganization,
  listAccounts,
  listPendingInvitations,
  lockAccount,
  lockActiveAdmins,
  lockPendingInvitation,
  markInvitationRevoked,
  renewInvitationToken,
  updateAccount,
} from '../repositories/account'
import { appendAudit } from '../repositories/audit'
import { revokeUserSessions } from '../repositories/session'
import { ACCOUNTS_PAGE_SIZE, type AccountChangeInput, type AccountListInput } from '../schemas/account'
import { INVITATION_DAYS } from './invitation'

type Actor = { id: string }

export async function searchAccounts(db: Db, input: AccountListInput) {
  const rows = await listAccounts(db, { q: input.q, role: input.role, state: input.state, limit: ACCOUNTS_PAGE_SIZE, offset: (input.page - 1) * ACCOUNTS_PAGE_SIZE })
  const total = rows[0] ? Number(rows[0].total) : 0
  return {
    accounts: rows.map(({ total: _total, ...r }) => ({ ...r, lastSignInAt: r.lastSignInAt ? new Date(r.lastSignInAt as unknown as string) : null })),
    total,
    page: input.page,
    pageCount: Math.max(1, Math.ceil(total / ACCOUNTS_PAGE_SIZE)),
  }
}

/** One account as the list shows it; NOT_FOUND when there is none. */
export async function findAccount(db: Db, userId: string) {
  const [row] = await listAccounts(db, { id: userId, limit: 1, offset: 0 })
  if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.notFound' })
  const { total: _total, ...account } = row
  return { ...account, lastSignInAt: account.lastSignInAt ? new Date(account.lastSignInAt as unknown as string) : null }
}

/**
 * Refuses to leave the deployment without an active administrator, and an
 * admin removing their own administration (another admin must do it).
 */
async function guardAdmins(trx: Parameters<typeof lockActiveAdmins>[0], actor: Actor, target: { id: string; role: string }) {
  if (target.role !== 'admin') return
  if (target.id === actor.id) throw new TRPCError({ code: 'CONFLICT', message: 'errors.ownAdmin' })
  const admins = await lockActiveAdmins(trx)
  if (admins.filter((id) => id !== target.id).length === 0) throw new TRPCError({ code: 'CONFLICT', message: 'errors.lastAdmin' })
}

/** Changes an account's role and organization; audited with before and after. */
export async function changeAccount(db: Db, actor: Actor, input: AccountChangeInput, now: Date) {
  return db.transaction().execute(async (trx) => {
    // Lock order: every active administrator first (by id), then the account, so that two admins
    // changing each other at once wait in turn instead of deadlocking.
    await lockActiveAdmins(trx)
    const account = await lockAccount(trx, input.userId)
    if (!account) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.notFound' })
    const organizationId = input.organizationId ?? null
    if (input.role === 'submitter' && !organizationId) throw new TRPCError({ code: 'BAD_REQUEST', message: 'errors.organizationRequired' })
    const organization = organizationId ? await findOrganization(trx, organizationId) : undefined
    if (organizationId && !organization) throw new TRPCError({ code: 'BAD_REQUEST', message: 'errors.organizationRequired' })
    if (account.role === input.role && account.organization_id === organizationId) return { changed: false }
    if (account.role !== input.role && !account.disabled_at) await guardAdmins(trx, actor, account)
    await updateAccount(trx, account.id, { role: input.role, organization_id: organizationId })
    const before = account.organization_id ? await findOrganization(trx, account.organization_id) : undefined
    await appendAudit(
      trx,
      {
        actorUserId: actor.id,
        action: 'account.change',
        targetType: 'user',
        targetId: account.id,
        details: {
          email: account.email,
          roleBefore: account.role,
          role: input.role,
          organizationIdBefore: account.organization_id,
          organizationNameBefore: before?.name ?? null,
          organizationId,
          organizationName: organization?.name ?? null,
        },
      },
      now,
    )
    return { changed: true }
  })
}

/** Deactivates an account: it cannot sign in, and every session of it ends now. */
export async function deactivateAccount(db: Db, actor: Actor, userId: string, now: Date) {
  return db.transaction().execute(async (trx) => {
    await lockActiveAdmins(trx) // the same lock order as changeAccount
    const account = await lockAccount(trx, userId)
    if (!account) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.notFound' })
    if (account.id === actor.id) throw new TRPCError({ code: 'CONFLICT', message: 'errors.ownAccount' })
    if (account.disabled_at) return { sessionsEnded: 0 }
    await guardAdmins(trx, actor, account)
    await updateAccount(trx, account.id, { disabled_at: now })
    const sessionsEnded = await revokeUserSessions(trx, account.id, now)
    await appendAudit(trx, { actorUserId: actor.id, action: 'account.deactivate', targetType: 'user', targetId: account.id, details: { email: account.email, sessionsEnded } }, now)
    return { sessionsEnded }
  })
}

export async function reactivateAccount(db: Db, actor: Actor, userId: string, now: Date) {
  return db.transaction().execute(async (trx) => {
    const account = await lockAccount(trx, userId)
    if (!account) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.notFound' })
    if (!account.disabled_at) return { changed: false }
    await updateAccount(trx, account.id, { disabled_at: null })
    await appendAudit(trx, { actorUserId: actor.id, action: 'account.reactivate', targetType: 'user', targetId: account.id, details: { email: account.email } }, now)
    return { changed: true }
  })
}

export function pendingInvitations(db: Db) {
  return listPendingInvitations(db)
}

/** A new link for a pending invitation, valid for another INVITATION_DAYS; the old link stops working. */
export async function resendInvitation(db: Db, actor: Actor, invitationId: string, now: Date) {
  return db.transaction().execute(async (trx) => {
    const invitation = await lockPendingInvitation(trx, invitationId)
    if (!invitation) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.invitationNotPending' })
    const token = randomToken()
    const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000)
    await renewInvitationToken(trx, invitation.id, sha256(token), expiresAt)
    await appendAudit(trx, { actorUserId: actor.id, action: 'invitation.resend', targetType: 'invitation', targetId: invitation.id, details: { email: invitation.email, role: invitation.role } }, now)
    return { id: invitation.id, email: invitation.email, token, expiresAt }
  })
}

/** Revokes a pending invitation: its link stops working at once. */
export async function revokeInvitation(db: Db, actor: Actor, invitationId: string, now: Date) {
  return db.transaction().execute(async (trx) => {
    const invitation = await lockPendingInvitation(trx, invitationId)
    if (!invitation) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.invitationNotPending' })
    await markInvitationRevoked(trx, invitation.id, actor.id, now)
    await appendAudit(trx, { actorUserId: actor.id, action: 'invitation.revoke', targetType: 'invitation', targetId: invitation.id, details: { email: invitation.email, role: invitation.role } }, now)
    return { id: invitation.id, email: invitation.email }
  })
}
