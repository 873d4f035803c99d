import { z } from 'zod'
import './messages'
import { ROLES } from './reference'
import { storableString } from './text'

// Messages are translation keys (app/i18n/*.json, "errors.*"), shown in the user's language.

export const EmailSchema = z.string({ error: 'errors.required' }).trim().toLowerCase().min(1, 'errors.required').max(254, 'errors.tooLong').pipe(z.email({ error: 'errors.email' }))

export const PasswordSchema = z.string({ error: 'errors.required' }).min(12, 'errors.passwordTooShort').max(256, 'errors.tooLong')

export const LoginSchema = z.object({
  email: EmailSchema,
  password: z.string({ error: 'errors.required' }).min(1, 'errors.required').max(256, 'errors.tooLong'),
})
export type LoginInput = z.infer<typeof LoginSchema>

export const InvitationCreateSchema = z.object({
  email: EmailSchema,
  role: z.enum(ROLES, { error: 'errors.choose' }),
  organizationId: z.uuid({ error: 'errors.choose' }).optional(),
})
export type InvitationCreateInput = z.infer<typeof InvitationCreateSchema>

export const InvitationTokenSchema = z.object({ token: z.string().min(20).max(100) })

export const InvitationAcceptSchema = z
  .object({
    token: z.string().min(20).max(100),
    displayName: storableString({ error: 'errors.required' }).trim().min(1, 'errors.required').max(80, 'errors.tooLong'),
    password: PasswordSchema,
    confirmPassword: z.string({ error: 'errors.required' }),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: 'errors.passwordMismatch' })
export type InvitationAcceptInput = z.infer<typeof InvitationAcceptSchema>

export const AccountSetupTokenSchema = z.object({ token: z.string().min(20).max(100) })

/** The one-time set-up link's form (first administrator, password reset): same fields as accepting an invitation. */
export const AccountSetupCompleteSchema = InvitationAcceptSchema
export type AccountSetupCompleteInput = InvitationAcceptInput

export const LocaleSchema = z.object({ locale: z.enum(['en', 'es']) })
