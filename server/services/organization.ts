import { TRPCError } from '@trpc/server'
import type { Db } from '../../db/client'
import { appendAudit } from '../repositories/audit'
import {
  findOrganization,
  insertOrganization,
  listOrganizationsWithMembers,
  organizationNameTaken,
  revokeMemberSessions,
  slugTaken,
  updateOrganization,
} from '../repositories/organization'
import type { OrganizationCreateInput, OrganizationUpdateInput } from '../schemas/organization'

type Actor = { id: string }

/** Every organization, to choose from (invitations offer only active ones; report filters keep all types). */
export function listOrganizations(db: Db) {
  return db.selectFrom('organizations').select(['id', 'slug', 'name', 'kind', 'deactivated_at as deactivatedAt']).orderBy('name').execute()
}

/** Every organization, deactivated ones last, with its number of active members. */
export function listOrganizationsForAdmin(db: Db) {
  return listOrganizationsWithMembers(db)
}

export async function getOrganization(db: Db, id: string) {
  const org = await findOrganization(db, id)
  if (!org) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.organizationNotFound' })
  return org
}

/** "Eastside Workers' Center" → "eastside-workers-center"; a number is added when taken. */
export function slugFor(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return base || 'organization'
}

export async function createOrganization(db: Db, actor: Actor, input: OrganizationCreateInput) {
  return db.transaction().execute(async (trx) => {
    if (await organizationNameTaken(trx, input.name)) throw new TRPCError({ code: 'CONFLICT', message: 'errors.organizationNameTaken' })
    const base = slugFor(input.name)
    let slug = base
    for (let n = 2; await slugTaken(trx, slug); n++) slug = `${base}-${n}`
    const org = await insertOrganization(trx, { slug, name: input.name, kind: input.kind, description: input.description })
    await appendAudit(trx, { actorUserId: actor.id, action: 'organization.create', targetType: 'organization', targetId: org.id, details: { name: input.name, kind: input.kind } })
    return org
  })
}

/** Rename, change the type or the description; the audit entry names what changed, from and to. */
export async function editOrganization(db: Db, actor: Actor, input: OrganizationUpdateInput) {
  return db.transaction().execute(async (trx) => {
    const before = await findOrganization(trx, input.id)
    if (!before) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.organizationNotFound' })
    if (input.name.toLowerCase() !== before.name.toLowerCase() && (await organizationNameTaken(trx, input.name, input.id))) {
      throw new TRPCError({ code: 'CONFLICT', message: 'errors.organizationNameTaken' })
    }
    const changes: Record<string, { from: string; to: string }> = {}
    for (const field of ['name', 'kind', 'description'] as const) {
      if (before[field] !== input[field]) changes[field] = { from: before[field], to: input[field] }
    }
    if (Object.keys(changes).length === 0) return { changed: false }
    await updateOrganization(trx, input.id, { name: input.name, kind: input.kind, description: input.description })
    await appendAudit(trx, { actorUserId: actor.id, action: 'organization.update', targetType: 'organization', targetId: input.id, details: { changes } })
    return { changed: true }
  })
}

/**
 * Its members can no longer sign in or submit (sessions end now; sign-in and the
 * session check both refuse them); its testimony stays as it is.
 */
export async function deactivateOrganization(db: Db, actor: Actor, id: string, now: Date) {
  return db.transaction().execute(async (trx) => {
    const org = await findOrganization(trx, id)
    if (!org) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.organizationNotFound' })
    if (org.deactivatedAt) return { sessionsEnded: 0 }
    await updateOrganization(trx, id, { deactivated_at: now })
    const sessionsEnded = await revokeMemberSessions(trx, id, now)
    await appendAudit(trx, { actorUserId: actor.id, action: 'organization.deactivate', targetType: 'organization', targetId: id, details: { name: org.name, members: org.members, sessionsEnded } })
    return { sessionsEnded }
  })
}

export async function reactivateOrganization(db: Db, actor: Actor, id: string) {
  return db.transaction().execute(async (trx) => {
    const org = await findOrganization(trx, id)
    if (!org) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.organizationNotFound' })
    if (!org.deactivatedAt) return { changed: false }
    await updateOrganization(trx, id, { deactivated_at: null })
    await appendAudit(trx, { actorUserId: actor.id, action: 'organization.reactivate', targetType: 'organization', targetId: id, details: { name: org.name } })
    return { changed: true }
  })
}
