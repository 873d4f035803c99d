import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, useNavigation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { AGENCIES, SETTINGS } from '../../server/schemas/reference'
import { SubmissionInputSchema, TESTIMONY_MAX } from '../../server/schemas/submission'
import { CsrfInput } from './csrf-input'
import { describedBy, ErrorList, Field } from './field'
import { useResultAction } from './form-result'
import { AreaOptions } from './area-options'

/**
 * The testimony form, shared by members (/org/submit) and intake links
 * (/intake/<token>): the same fields, validated by the same schema in the
 * browser and in the procedure. `children` go inside the form (hidden fields).
 */
export function TestimonyForm({ lastResult, children }: { lastResult?: SubmissionResult<string[]> | null; children?: ReactNode }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    // A stable id (not React's ":r1:"), so field ids are valid CSS selectors: #testimony-text-error.
    id: 'testimony',
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SubmissionInputSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const agencies = fields.agencies
  const resultAction = useResultAction()
  const selectedAgencies = new Set((agencies.value as string[] | string | undefined) ?? [])
  return (
    <Form method="post" action={resultAction} {...getFormProps(form)} className="stack">
      <CsrfInput />
      {children}
      <ErrorList id={form.errorId} errors={form.errors} result token={lastResult} />

      <Field id={fields.text.id} label={t('submit.text')} help={t('submit.textHelp', { max: TESTIMONY_MAX.toLocaleString() })} errors={fields.text.errors} required>
        <textarea
          {...getTextareaProps(fields.text)}
          rows={10}
          maxLength={TESTIMONY_MAX}
          aria-describedby={describedBy(fields.text.id, { help: true, errors: fields.text.errors })}
        />
      </Field>

      <Field id={fields.incidentMonth.id} label={t('submit.incidentMonth')} help={t('submit.incidentMonthHelp')} errors={fields.incidentMonth.errors}>
        <input
          {...getInputProps(fields.incidentMonth, { type: 'month' })}
          min="2000-01"
          placeholder="2025-07"
          aria-describedby={describedBy(fields.incidentMonth.id, { help: true, errors: fields.incidentMonth.errors })}
        />
      </Field>

      <Field id={fields.area.id} label={t('submit.area')} help={t('submit.areaHelp')} errors={fields.area.errors}>
        <select {...getSelectProps(fields.area)} aria-describedby={describedBy(fields.area.id, { help: true, errors: fields.area.errors })}>
          <option value="">{t('common.chooseOne')}</option>
          <AreaOptions />
        </select>
      </Field>

      <Field id={fields.setting.id} label={t('submit.setting')} help={t('submit.settingHelp')} errors={fields.setting.errors}>
        <select {...getSelectProps(fields.setting)} aria-describedby={describedBy(fields.setting.id, { help: true, errors: fields.setting.errors })}>
          <option value="">{t('common.chooseOne')}</option>
          {SETTINGS.map((setting) => (
            <option key={setting} value={setting}>
              {t(`setting.${setting}`)}
            </option>
          ))}
        </select>
      </Field>

      <fieldset className="field" aria-describedby={`${agencies.id}-help`}>
        <legend>{t('submit.agencies')}</legend>
        <p className="field__help" id={`${agencies.id}-help`}>
          {t('submit.agenciesHelp')}
        </p>
        <div className="checkbox-grid">
          {AGENCIES.map((agency) => (
            <label key={agency} className="checkbox">
              <input type="checkbox" name={agencies.name} value={agency} defaultChecked={selectedAgencies.has(agency)} />
              {t(`agency.${agency}`)}
            </label>
          ))}
        </div>
        <ErrorList id={`${agencies.id}-error`} errors={agencies.errors} />
      </fieldset>

      <Field id={fields.cityResponse.id} label={t('submit.cityResponse')} help={t('submit.cityResponseHelp')} errors={fields.cityResponse.errors}>
        <textarea {...getTextareaProps(fields.cityResponse)} rows={4} maxLength={2000} aria-describedby={describedBy(fields.cityResponse.id, { help: true, errors: fields.cityResponse.errors })} />
      </Field>

      <Field id={fields.guidanceWanted.id} label={t('submit.guidanceWanted')} help={t('submit.guidanceWantedHelp')} errors={fields.guidanceWanted.errors}>
        <textarea {...getTextareaProps(fields.guidanceWanted)} rows={4} maxLength={2000} aria-describedby={describedBy(fields.guidanceWanted.id, { help: true, errors: fields.guidanceWanted.errors })} />
      </Field>

      <fieldset className="field">
        <legend>{t('submit.consent')}</legend>
        <label className="checkbox">
          <input {...getInputProps(fields.consentQuote, { type: 'checkbox' })} aria-describedby={`${fields.consentQuote.id}-help`} />
          {t('submit.consentQuote')}
        </label>
        <p className="field__help" id={`${fields.consentQuote.id}-help`}>
          {t('submit.consentQuoteHelp')}
        </p>
        <label className="checkbox">
          <input {...getInputProps(fields.consentContact, { type: 'checkbox' })} aria-describedby={`${fields.consentContact.id}-help`} />
          {t('submit.consentContact')}
        </label>
        <p className="field__help" id={`${fields.consentContact.id}-help`}>
          {t('submit.consentContactHelp')}
        </p>
      </fieldset>

      <p className="notice">{t('submit.privacyNotice')}</p>
      <button type="submit" className="button" disabled={navigation.state === 'submitting'}>
        {navigation.state === 'submitting' ? t('submit.sending') : t('submit.submit')}
      </button>
    </Form>
  )
}
