import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { TRPCError } from '@trpc/server'
import { useTranslation } from 'react-i18next'
import { AGENCIES, SETTINGS } from '../../server/schemas/reference'
import { CorrectSchema, WithdrawSchema } from '../../server/schemas/submission-change'
import { requireRole } from '../.server/auth'
import { formErrorOf, getCaller, toResponse } from '../.server/trpc'
import { CsrfInput } from '../components/csrf-input'
import { ErrorList, Field } from '../components/field'
import { FormResult, useResultAction } from '../components/form-result'
import { formatDate, SubmissionMeta } from '../components/submission-meta'
import { AreaOptions } from '../components/area-options'
import { MachineTranslation } from '../components/machine-translation'
import { readForm } from '../.server/form'
import { ReceiptAnswers, receiptHeading } from '../components/receipt-parts'

export const meta: MetaFunction = () => [{ title: 'Voces — Receipt / Recibo' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caller } = await requireRole(request, 'submitter')
  const submission = await caller.submission.receipt({ code: params.code ?? '' }).catch(toResponse)
  return { submission, isNew: new URL(request.url).searchParams.has('new') }
}

type ActionResult = { intent: 'withdraw' | 'correct'; result?: SubmissionResult<string[]>; error: string | null; done: 'withdrawn' | 'corrected' | 'unchanged' | null }

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request)
  const caller = await getCaller(request, { form })
  const fail = (error: unknown) => {
    if (error instanceof TRPCError && (error.code === 'UNAUTHORIZED' || error.code === 'NOT_FOUND')) toResponse(error)
    return formErrorOf(error)
  }
  if (form.get('intent') === 'withdraw') {
    if (form.get('confirm') !== 'on') return data<ActionResult>({ intent: 'withdraw', error: 'intake.mustConfirm', done: null }, { status: 400 })
    try {
      await caller.submission.withdraw(WithdrawSchema.parse({ code: params.code }))
      return data<ActionResult>({ intent: 'withdraw', error: null, done: 'withdrawn' })
    } catch (error) {
      return data<ActionResult>({ intent: 'withdraw', error: fail(error), done: null }, { status: 400 })
    }
  }
  form.set('code', params.code ?? '')
  const submission = parseWithZod(form, { schema: CorrectSchema })
  if (submission.status !== 'success') return data<ActionResult>({ intent: 'correct', result: submission.reply(), error: null, done: null }, { status: 400 })
  try {
    const corrected = await caller.submission.correct(submission.value)
    return data<ActionResult>({ intent: 'correct', result: submission.reply(), error: null, done: corrected.changed.length ? 'corrected' : 'unchanged' })
  } catch (error) {
    return data<ActionResult>({ intent: 'correct', result: submission.reply({ formErrors: [fail(error)] }), error: null, done: null }, { status: 400 })
  }
}

export default function Receipt() {
  const { t, i18n } = useTranslation()
  const { submission, isNew } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const withdrawn = submission.status === 'withdrawn'
  const resultAction = useResultAction()
  return (
    <section className="page narrow">
      {receiptHeading(isNew, submission.status) === 'thanks' ? (
        actionData ? (
          // A later post on this page has its own result below.
          <div className="notice notice--success">
            <h1>{t('receipt.thanks')}</h1>
            <p>{t('receipt.keepCode')}</p>
          </div>
        ) : (
          <FormResult tone="success">
            <h1>{t('receipt.thanks')}</h1>
            <p>{t('receipt.keepCode')}</p>
          </FormResult>
        )
      ) : (
        <h1>{t('receipt.title')}</h1>
      )}
      <p className="receipt-code">
        {t('receipt.code')}: <strong data-testid="receipt-code">{submission.receiptCode}</strong>
      </p>
      <p>{t('receipt.received', { date: formatDate(submission.createdAt, i18n.language) })}</p>
      <SubmissionMeta submission={submission} />
      <h2>{t('receipt.redactedHeading')}</h2>
      <p className="field__help">{t('receipt.redactedHelp')}</p>
      {withdrawn ? (
        <p className="notice" data-testid="withdrawn-notice">
          {t('detail.withdrawn')}
        </p>
      ) : (
        <>
          <blockquote className="testimony" lang={submission.language === 'other' ? undefined : submission.language}>
            {submission.text}
          </blockquote>
          <MachineTranslation submission={submission} />
          <ReceiptAnswers submission={submission} />
        </>
      )}
      {actionData?.done ? (
        <FormResult tone="success" token={actionData}>
          {t(actionData.done === 'withdrawn' ? 'intake.withdrawn' : actionData.done === 'corrected' ? 'intake.corrected' : 'intake.nothingChanged')}
        </FormResult>
      ) : null}
      {withdrawn ? null : (
        <>
          <CorrectForm submission={submission} lastResult={actionData?.intent === 'correct' ? actionData.result : undefined} />
          <section aria-labelledby="withdraw-heading">
            <h2 id="withdraw-heading">{t('intake.withdrawTitle')}</h2>
            <p id="withdraw-help">{t('intake.withdrawHelp')}</p>
            <Form method="post" action={resultAction} className="stack">
              <CsrfInput />
              <input type="hidden" name="intent" value="withdraw" />
              <label className="checkbox">
                <input type="checkbox" name="confirm" aria-describedby="withdraw-help" />
                {t('intake.withdrawConfirm')}
              </label>
              <ErrorList id="withdraw-error" errors={actionData?.intent === 'withdraw' && actionData.error ? [actionData.error] : null} result token={actionData} />
              <p>
                <button type="submit" className="button button--secondary">
                  {t('intake.withdraw')}
                </button>
              </p>
            </Form>
          </section>
        </>
      )}
      <p>
        <Link to="/org">{t('receipt.back')}</Link> · <Link to="/org/submit">{t('receipt.another')}</Link>
      </p>
    </section>
  )
}

type Structured = {
  incidentMonth: string | null
  area: string | null
  setting: string | null
  agencies: string[]
  consentQuote: boolean
  consentContact: boolean
}

/** Corrects the structured fields only: the text is never edited after it was sent. */
function CorrectForm({ submission, lastResult }: { submission: Structured; lastResult?: ActionResult['result'] }) {
  const { t } = useTranslation()
  const [form, fields] = useForm({
    id: 'correct',
    lastResult,
    defaultValue: {
      incidentMonth: submission.incidentMonth ?? '',
      area: submission.area ?? '',
      setting: submission.setting ?? '',
      agencies: submission.agencies,
      consentQuote: submission.consentQuote ? 'on' : '',
      consentContact: submission.consentContact ? 'on' : '',
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CorrectSchema.omit({ code: true }) }),
    shouldValidate: 'onBlur',
  })
  const resultAction = useResultAction()
  const selected = new Set((fields.agencies.value as string[] | string | undefined) ?? submission.agencies)
  return (
    <section aria-labelledby="correct-heading">
      <h2 id="correct-heading">{t('intake.correctTitle')}</h2>
      <p>{t('intake.correctHelp')}</p>
      <Form method="post" action={resultAction} {...getFormProps(form)} className="stack">
        <CsrfInput />
        <input type="hidden" name="intent" value="correct" />
        <ErrorList id={form.errorId} errors={form.errors} result token={lastResult} />
        <Field id={fields.incidentMonth.id} label={t('submit.incidentMonth')} errors={fields.incidentMonth.errors}>
          <input {...getInputProps(fields.incidentMonth, { type: 'month' })} min="2000-01" placeholder="2025-07" />
        </Field>
        <Field id={fields.area.id} label={t('submit.area')} errors={fields.area.errors}>
          <select {...getSelectProps(fields.area)}>
            <option value="">{t('common.chooseOne')}</option>
            <AreaOptions />
          </select>
        </Field>
        <Field id={fields.setting.id} label={t('submit.setting')} errors={fields.setting.errors}>
          <select {...getSelectProps(fields.setting)}>
            <option value="">{t('common.chooseOne')}</option>
            {SETTINGS.map((setting) => (
              <option key={setting} value={setting}>
                {t(`setting.${setting}`)}
              </option>
            ))}
          </select>
        </Field>
        <fieldset className="field">
          <legend>{t('submit.agencies')}</legend>
          <div className="checkbox-grid">
            {AGENCIES.map((agency) => (
              <label key={agency} className="checkbox">
                <input type="checkbox" name={fields.agencies.name} value={agency} defaultChecked={selected.has(agency)} />
                {t(`agency.${agency}`)}
              </label>
            ))}
          </div>
          <ErrorList id={`${fields.agencies.id}-error`} errors={fields.agencies.errors} />
        </fieldset>
        <fieldset className="field">
          <legend>{t('submit.consent')}</legend>
          <label className="checkbox">
            <input {...getInputProps(fields.consentQuote, { type: 'checkbox' })} />
            {t('submit.consentQuote')}
          </label>
          <label className="checkbox">
            <input {...getInputProps(fields.consentContact, { type: 'checkbox' })} />
            {t('submit.consentContact')}
          </label>
        </fieldset>
        <p>
          <button type="submit" className="button">
            {t('intake.correct')}
          </button>
        </p>
      </Form>
    </section>
  )
}
