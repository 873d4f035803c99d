import { z } from 'zod'
import './messages'
import { ROLES, type Role } from './reference'

// Messages are translation keys (app/i18n/*.json, "errors.*"), shown in the user's language.

export const ACCOUNT_STATES = ['active', 'deactivated'] as const
export const ACCOUNTS_PAGE_SIZE = 50

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)

export const AccountListSchema = z.object({
  q: z.preprocess(emptyToUndefined, z.string().trim().max(120, 'errors.tooLong').optional()),
  role: z.preprocess(emptyToUndefined, z.enum(ROLES, { error: 'errors.choose' }).optional()),
  state: z.preprocess(emptyToUndefined, z.enum(ACCOUNT_STATES, { error: 'errors.choose' }).optional()),
  page: z.number().int().min(1).max(100_000).default(1),
})
export type AccountListInput = z.infer<typeof AccountListSchema>

export const AccountIdSchema = z.object({ userId: z.uuid({ error: 'errors.notFound' }) })

export const AccountChangeSchema = z.object({
  userId: z.uuid({ error: 'errors.notFound' }),
  role: z.enum(ROLES, { error: 'errors.choose' }),
  organizationId: z.preprocess(emptyToUndefined, z.uuid({ error: 'errors.choose' }).optional()),
})
export type AccountChangeInput = z.infer<typeof AccountChangeSchema>

export const InvitationIdSchema = z.object({ invitationId: z.uuid({ error: 'errors.notFound' }) })

/**
 * What each role can do, as translation keys under `accounts.can.*`: the
 * confirmation of a role change lists what the person gains and loses.
 */
export const ROLE_ABILITIES: Record<Role, readonly string[]> = {
  submitter: ['submitTestimony', 'ownReceipts', 'importOwn'],
  facilitator: ['readTestimony', 'moderate', 'revealOriginals', 'inviteMembers', 'themes', 'draftReports'],
  commission: ['readReports', 'recordGuidance'],
  admin: ['manageAccounts', 'inviteAnyone', 'readAudit'],
}

/** What changing `from` into `to` gives and takes away (abilities, in the order above). */
export function abilityChange(from: Role, to: Role): { gains: string[]; loses: string[] } {
  const before = ROLE_ABILITIES[from]
  const after = ROLE_ABILITIES[to]
  return { gains: after.filter((a) => !before.includes(a)), loses: before.filter((a) => !after.includes(a)) }
}
