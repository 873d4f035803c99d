import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GUIDANCE_STATUSES, GuidanceInputSchema } from '../../server/schemas/report'
import { CsrfInput } from './csrf-input'
import { describedBy, ErrorList, Field } from './field'

type Defaults = { textEn: string; textEs: string; status: string; decidedOn: string; themeIds: string[] }

/** Record or edit a guidance item: its text in English and Spanish, status, date, and the themes it answers. */
export function GuidanceForm({ id, lastResult, defaults, themes, submitLabel }: { id: string; lastResult?: SubmissionResult<string[]> | null; defaults: Defaults; themes: { id: string; title: string }[]; submitLabel: string }) {
  const { t } = useTranslation()
  const [form, f] = useForm({
    id,
    lastResult,
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: GuidanceInputSchema }),
    shouldValidate: 'onBlur',
  })
  const chosen = new Set((f.themeIds.initialValue as string[] | string | undefined) ? [f.themeIds.initialValue].flat() : defaults.themeIds)
  return (
    <Form method="post" {...getFormProps(form)} className="stack narrow">
      <CsrfInput />
      <ErrorList id={form.errorId} errors={form.errors} />
      <Field id={f.textEn.id} label={t('guidance.textEn')} errors={f.textEn.errors} required>
        <textarea {...getTextareaProps(f.textEn)} rows={4} maxLength={4000} lang="en" aria-describedby={describedBy(f.textEn.id, { errors: f.textEn.errors })} />
      </Field>
      <Field id={f.textEs.id} label={t('guidance.textEs')} help={t('guidance.textEsHelp')} errors={f.textEs.errors}>
        <textarea {...getTextareaProps(f.textEs)} rows={4} maxLength={4000} lang="es" aria-describedby={describedBy(f.textEs.id, { help: true, errors: f.textEs.errors })} />
      </Field>
      <Field id={f.status.id} label={t('guidance.statusLabel')} help={t('guidance.statusHelp')} errors={f.status.errors} required>
        <select {...getSelectProps(f.status)} aria-describedby={describedBy(f.status.id, { help: true, errors: f.status.errors })}>
          {GUIDANCE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`guidance.status.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id={f.decidedOn.id} label={t('guidance.decidedOn')} help={t('guidance.decidedOnHelp')} errors={f.decidedOn.errors} required>
        <input {...getInputProps(f.decidedOn, { type: 'date' })} aria-describedby={describedBy(f.decidedOn.id, { help: true, errors: f.decidedOn.errors })} />
      </Field>
      <fieldset className={f.themeIds.errors?.length ? 'field field--invalid' : 'field'} aria-describedby={`${f.themeIds.id}-help${f.themeIds.errors?.length ? ` ${f.themeIds.id}-error` : ''}`}>
        <legend>
          {t('guidance.themes')} <span className="field__required">({t('common.required')})</span>
        </legend>
        <p className="field__help" id={`${f.themeIds.id}-help`}>
          {themes.length ? t('guidance.themesHelp') : t('guidance.noThemes')}
        </p>
        {themes.map((theme) => (
          <label key={theme.id} className="checkbox">
            <input type="checkbox" name={f.themeIds.name} value={theme.id} defaultChecked={chosen.has(theme.id)} />
            {theme.title}
          </label>
        ))}
        <ErrorList id={`${f.themeIds.id}-error`} errors={f.themeIds.errors} />
      </fieldset>
      <p>
        <button type="submit" className="button">
          {submitLabel}
        </button>
      </p>
    </Form>
  )
}
