import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from '@conform-to/react'
import { useTranslation } from 'react-i18next'
import { ORGANIZATION_KINDS, type OrganizationKind } from '../../server/schemas/organization'
import { describedBy, Field } from './field'

type OrganizationFieldsProps = {
  fields: {
    name: FieldMetadata<string, Record<string, unknown>, string[]>
    kind: FieldMetadata<OrganizationKind, Record<string, unknown>, string[]>
    description: FieldMetadata<string | undefined, Record<string, unknown>, string[]>
  }
  /** The name field is the form's result region when the server's only answer is about the name. */
  nameIsResult: boolean
  token: unknown
}

/** Name, type and description of an organization: the same fields when adding and when editing one. */
export function OrganizationFields({ fields, nameIsResult, token }: OrganizationFieldsProps) {
  const { t } = useTranslation()
  return (
    <>
      <Field id={fields.name.id} label={t('orgAdmin.name')} errors={fields.name.errors} required result={nameIsResult} token={token}>
        <input {...getInputProps(fields.name, { type: 'text' })} maxLength={120} aria-describedby={describedBy(fields.name.id, { errors: fields.name.errors })} />
      </Field>
      <Field id={fields.kind.id} label={t('orgAdmin.kind')} errors={fields.kind.errors} required>
        <select {...getSelectProps(fields.kind)} aria-describedby={describedBy(fields.kind.id, { errors: fields.kind.errors })}>
          {ORGANIZATION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`orgKind.${kind}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id={fields.description.id} label={t('orgAdmin.description')} help={t('orgAdmin.descriptionHelp')} errors={fields.description.errors}>
        <textarea {...getTextareaProps(fields.description)} rows={3} maxLength={1000} aria-describedby={describedBy(fields.description.id, { help: true, errors: fields.description.errors })} />
      </Field>
    </>
  )
}
