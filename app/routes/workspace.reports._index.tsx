import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { TRPCError } from '@trpc/server'
import { useTranslation } from 'react-i18next'
import { ReportCreateSchema } from '../../server/schemas/report'
import { requireRole } from '../.server/auth'
import { minCell } from '../.server/reports'
import { formErrorOf, getCaller, toResponse } from '../.server/trpc'
import { CsrfInput } from '../components/csrf-input'
import { describedBy, ErrorList, Field } from '../components/field'
import { useResultAction, withResult } from '../components/form-result'
import { formatDate, formatMonth } from '../components/submission-meta'
import { readForm } from '../.server/form'

export const meta: MetaFunction = () => [{ title: 'Voces — Reports' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { caller } = await requireRole(request, 'facilitator')
  const reports = await caller.report.list().catch(toResponse)
  return { reports, threshold: minCell() }
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request)
  const submission = parseWithZod(form, { schema: ReportCreateSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const caller = await getCaller(request, { form })
  try {
    const { id } = await caller.report.create(submission.value)
    return redirect(withResult(`/workspace/reports/${id}?saved=created`))
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'UNAUTHORIZED') toResponse(error)
    return data({ result: submission.reply({ formErrors: [formErrorOf(error)] }) }, { status: 400 })
  }
}

export default function Reports() {
  const { t, i18n } = useTranslation()
  const { reports, threshold } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReportCreateSchema }),
    shouldValidate: 'onBlur',
  })
  const resultAction = useResultAction()
  return (
    <section className="page">
      <h1>{t('reports.title')}</h1>
      <p className="lead">{t('reports.intro', { n: threshold })}</p>
      <h2>{t('reports.newTitle')}</h2>
      <Form method="post" action={resultAction} {...getFormProps(form)} className="stack narrow">
        <CsrfInput />
        <ErrorList id={form.errorId} errors={form.errors} result token={actionData} />
        <Field id={fields.title.id} label={t('reports.fieldTitle')} errors={fields.title.errors} required>
          <input {...getInputProps(fields.title, { type: 'text' })} maxLength={200} aria-describedby={describedBy(fields.title.id, { errors: fields.title.errors })} />
        </Field>
        <p className="field__help" id="period-help">
          {t('reports.periodHelp')}
        </p>
        <div className="field-row">
          <Field id={fields.periodStart.id} label={t('reports.periodStart')} errors={fields.periodStart.errors} required>
            <input {...getInputProps(fields.periodStart, { type: 'month' })} placeholder="2025-06" aria-describedby={describedBy(fields.periodStart.id, { errors: fields.periodStart.errors }) ?? 'period-help'} />
          </Field>
          <Field id={fields.periodEnd.id} label={t('reports.periodEnd')} errors={fields.periodEnd.errors} required>
            <input {...getInputProps(fields.periodEnd, { type: 'month' })} placeholder="2025-10" aria-describedby={describedBy(fields.periodEnd.id, { errors: fields.periodEnd.errors }) ?? 'period-help'} />
          </Field>
        </div>
        <p>
          <button type="submit" className="button">
            {t('reports.create')}
          </button>
        </p>
      </Form>

      <h2>{t('reports.title')}</h2>
      {reports.length === 0 ? (
        <p className="empty">{t('reports.none')}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('reports.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.fieldTitle')}</th>
              <th scope="col">{t('reports.period')}</th>
              <th scope="col">{t('reports.themesColumn')}</th>
              <th scope="col">{t('reports.state')}</th>
              <th scope="col">{t('reports.changedColumn')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('reports.edit')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {reports.map((r) => (
              <tr key={r.id} data-testid="report-row">
                <td>
                  <Link to={`/workspace/reports/${r.id}`} aria-label={t('reports.editLabel', { title: r.title })}>
                    {r.title}
                  </Link>
                </td>
                <td>
                  {formatMonth(r.periodStart, i18n.language)} – {formatMonth(r.periodEnd, i18n.language)}
                </td>
                <td>{t('reports.themeCount', { count: r.themeCount })}</td>
                <td>
                  {t(`reports.states.${r.state}`)}
                  {r.version > 0 ? ` · ${t('reports.version', { version: r.version })}` : ''}
                </td>
                <td>{formatDate(r.updatedAt, i18n.language)}</td>
                <td>
                  <Link to={`/reports/${r.id}`} aria-label={t('reports.readLabel', { title: r.title })}>
                    {t('reports.read')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
