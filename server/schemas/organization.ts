import { z } from 'zod'
import './messages'
import { storableString } from './text'

/** The types of organization reports break testimony down by; labels under `orgKind.<code>` in app/i18n. */
export const ORGANIZATION_KINDS = ['community', 'labor', 'faith', 'legal', 'school', 'other'] as const
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number]

const fields = {
  name: storableString({ error: 'errors.required' }).trim().min(2, 'errors.required').max(120, 'errors.tooLong'),
  kind: z.enum(ORGANIZATION_KINDS, { error: 'errors.choose' }),
  // Empty when the form's field is left blank.
  description: storableString().trim().max(1000, 'errors.tooLong').optional().default(''),
}

export const OrganizationCreateSchema = z.object(fields)
export type OrganizationCreateInput = z.infer<typeof OrganizationCreateSchema>

export const OrganizationIdSchema = z.object({ id: z.uuid({ error: 'errors.organizationNotFound' }) })

export const OrganizationUpdateSchema = z.object({ id: z.uuid({ error: 'errors.organizationNotFound' }), ...fields })
export type OrganizationUpdateInput = z.infer<typeof OrganizationUpdateSchema>
