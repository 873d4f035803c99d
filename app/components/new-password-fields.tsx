import { getInputProps, type FieldMetadata } from '@conform-to/react'
import { useTranslation } from 'react-i18next'
import { describedBy, Field } from './field'

type TextField = FieldMetadata<string, Record<string, unknown>, string[]>

/**
 * Name, new password and its confirmation: the fields of accepting an invitation and of a set-up
 * link. `passwordIsResult` makes the password's error the form's result region (docs/decisions/100).
 */
export function NewPasswordFields({
  fields,
  passwordIsResult = false,
  token,
}: {
  fields: { displayName: TextField; password: TextField; confirmPassword: TextField }
  passwordIsResult?: boolean
  token?: unknown
}) {
  const { t } = useTranslation()
  return (
    <>
      <Field id={fields.displayName.id} label={t('invite.displayName')} help={t('invite.displayNameHelp')} errors={fields.displayName.errors}>
        <input {...getInputProps(fields.displayName, { type: 'text' })} autoComplete="nickname" aria-describedby={describedBy(fields.displayName.id, { help: true, errors: fields.displayName.errors })} />
      </Field>
      <Field id={fields.password.id} label={t('invite.password')} help={t('invite.passwordHelp')} errors={fields.password.errors} result={passwordIsResult} token={token}>
        <input {...getInputProps(fields.password, { type: 'password' })} autoComplete="new-password" aria-describedby={describedBy(fields.password.id, { help: true, errors: fields.password.errors })} />
      </Field>
      <Field id={fields.confirmPassword.id} label={t('invite.confirmPassword')} errors={fields.confirmPassword.errors}>
        <input {...getInputProps(fields.confirmPassword, { type: 'password' })} autoComplete="new-password" aria-describedby={describedBy(fields.confirmPassword.id, { errors: fields.confirmPassword.errors })} />
      </Field>
    </>
  )
}
