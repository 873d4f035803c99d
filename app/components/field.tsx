import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/** A labelled form control with plain-language help and its errors beside it, in the user's language. */
export function Field({
  id,
  label,
  help,
  errors,
  children,
  required,
}: {
  id: string
  label: string
  help?: string
  errors?: string[]
  children: ReactNode
  required?: boolean
}) {
  const { t } = useTranslation()
  return (
    <div className={errors?.length ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="field__required"> ({t('common.required')})</span> : null}
      </label>
      {help ? (
        <p className="field__help" id={`${id}-help`}>
          {help}
        </p>
      ) : null}
      {children}
      <ErrorList id={`${id}-error`} errors={errors} />
    </div>
  )
}

export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
  const { t } = useTranslation()
  if (!errors?.length) return null
  // role="alert" on the list itself would take away its list semantics (axe: "listitem").
  return (
    <div role="alert">
      <ul className="errors" id={id}>
        {errors.map((e) => (
          <li key={e}>{t(e)}</li>
        ))}
      </ul>
    </div>
  )
}

/** aria-describedby for a control inside <Field>. */
export function describedBy(id: string, opts: { help?: boolean; errors?: string[] }) {
  const ids = [opts.help ? `${id}-help` : null, opts.errors?.length ? `${id}-error` : null].filter(Boolean)
  return ids.length ? ids.join(' ') : undefined
}
