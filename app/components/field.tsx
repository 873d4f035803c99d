import type { ReactNode, RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { RESULT_ID, useFocusOnResult } from './form-result'

/** A labelled form control with plain-language help and its errors beside it, in the user's language. */
export function Field({
  id,
  label,
  help,
  errors,
  children,
  required,
  result,
  token,
}: {
  id: string
  label: string
  help?: string
  errors?: string[]
  children: ReactNode
  required?: boolean
  /** This field's errors are the form's result (form-result.tsx): focused and scrolled into view. */
  result?: boolean
  token?: unknown
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
      <ErrorList id={`${id}-error`} errors={errors} result={result} token={token} />
    </div>
  )
}

/**
 * Errors in the user's language. `result` marks a form's own errors (not a field's): the list is then
 * the form's result region (id="result"), scrolled into view and focused after the submission (form-result.tsx).
 */
export function ErrorList({ id, errors, result, token }: { id?: string; errors?: string[] | null; result?: boolean; token?: unknown }) {
  if (!errors?.length) return null
  return result ? <ResultErrors id={id} errors={errors} token={token} /> : <Errors id={id} errors={errors} />
}

function ResultErrors({ id, errors, token }: { id?: string; errors: string[]; token?: unknown }) {
  const ref = useFocusOnResult<HTMLDivElement>(token)
  return <Errors id={id} errors={errors} divRef={ref} />
}

function Errors({ id, errors, divRef }: { id?: string; errors: string[]; divRef?: RefObject<HTMLDivElement> }) {
  const { t } = useTranslation()
  // role="alert" on the list itself would take away its list semantics (axe: "listitem").
  return (
    <div role="alert" {...(divRef ? { ref: divRef, id: RESULT_ID, tabIndex: -1, className: 'form-result' } : {})}>
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
