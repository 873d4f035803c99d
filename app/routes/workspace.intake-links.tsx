import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { IntakeLinkCreateSchema, IntakeLinkIdSchema } from '../../server/schemas/intake-link'
import { requireRole } from '../.server/auth'
import { formErrorOf, getCaller, toResponse } from '../.server/trpc'
import { CsrfInput } from '../components/csrf-input'
import { describedBy, ErrorList, Field } from '../components/field'
import { FormResult, useResultAction } from '../components/form-result'
import { formatDate } from '../components/submission-meta'
import { readForm } from '../.server/form'

export const meta: MetaFunction = () => [{ title: 'Voces — Intake links' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { caller } = await requireRole(request, 'facilitator')
  const [organizations, links] = await Promise.all([caller.organization.list(), caller.intakeLink.list()]).catch(toResponse)
  return { organizations, links }
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request)
  const caller = await getCaller(request, { form })
  if (form.get('intent') === 'close') {
    const parsed = IntakeLinkIdSchema.safeParse({ id: form.get('id') })
    if (!parsed.success) return data({ result: null, link: null, closed: false }, { status: 400 })
    await caller.intakeLink.close(parsed.data).catch(toResponse)
    return { result: null, link: null, closed: true }
  }
  const submission = parseWithZod(form, { schema: IntakeLinkCreateSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), link: null, closed: false }, { status: 400 })
  try {
    const created = await caller.intakeLink.create(submission.value)
    const link = new URL(`/intake/${created.token}`, request.url).toString()
    return data({ result: submission.reply({ resetForm: true }), link, closed: false }, { headers: { 'Cache-Control': 'no-store' } })
  } catch (error) {
    return data({ result: submission.reply({ formErrors: [formErrorOf(error)] }), link: null, closed: false }, { status: 400 })
  }
}

export default function IntakeLinks() {
  const { t, i18n } = useTranslation()
  const { organizations, links } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: { expiresInDays: '14' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: IntakeLinkCreateSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const resultAction = useResultAction()
  return (
    <section className="page">
      <h1>{t('intake.linksTitle')}</h1>
      <p className="lead">{t('intake.linksIntro')}</p>
      {actionData?.link ? (
        <FormResult tone="success" token={actionData}>
          <p>{t('intake.created')}</p>
          <p>
            <code data-testid="intake-link" className="break">
              {actionData.link}
            </code>
          </p>
        </FormResult>
      ) : null}
      {actionData?.closed ? (
        <FormResult tone="success" token={actionData}>
          {t('intake.closed')}
        </FormResult>
      ) : null}
      <Form method="post" action={resultAction} {...getFormProps(form)} className="stack narrow">
        <CsrfInput />
        <input type="hidden" name="intent" value="create" />
        <ErrorList id={form.errorId} errors={form.errors} result token={actionData} />
        <Field id={fields.name.id} label={t('intake.name')} help={t('intake.nameHelp')} errors={fields.name.errors} required>
          <input {...getInputProps(fields.name, { type: 'text' })} maxLength={120} aria-describedby={describedBy(fields.name.id, { help: true, errors: fields.name.errors })} />
        </Field>
        <Field id={fields.organizationId.id} label={t('intake.organization')} help={t('intake.organizationHelp')} errors={fields.organizationId.errors}>
          <select {...getSelectProps(fields.organizationId)} aria-describedby={describedBy(fields.organizationId.id, { help: true, errors: fields.organizationId.errors })}>
            <option value="">{t('intake.noOrganization')}</option>
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id={fields.expiresInDays.id} label={t('intake.expiresInDays')} help={t('intake.expiresInDaysHelp')} errors={fields.expiresInDays.errors}>
          <input
            {...getInputProps(fields.expiresInDays, { type: 'text' })}
            inputMode="numeric"
            aria-describedby={describedBy(fields.expiresInDays.id, { help: true, errors: fields.expiresInDays.errors })}
          />
        </Field>
        <Field id={fields.maxSubmissions.id} label={t('intake.maxSubmissions')} help={t('intake.maxSubmissionsHelp')} errors={fields.maxSubmissions.errors}>
          <input {...getInputProps(fields.maxSubmissions, { type: 'text' })} inputMode="numeric" aria-describedby={describedBy(fields.maxSubmissions.id, { help: true, errors: fields.maxSubmissions.errors })} />
        </Field>
        <button type="submit" className="button">
          {t('intake.create')}
        </button>
      </Form>

      {links.length === 0 ? (
        <p className="empty">{t('intake.none')}</p>
      ) : (
        <table className="table">
          <caption>{t('intake.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('intake.name')}</th>
              <th scope="col">{t('intake.organization')}</th>
              <th scope="col">{t('intake.uses')}</th>
              <th scope="col">{t('intake.expires')}</th>
              <th scope="col">{t('intake.state')}</th>
              <th scope="col">{t('intake.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {links.map((link) => (
              <tr key={link.id} data-testid="intake-link-row">
                <td>{link.name}</td>
                <td>{link.organizationName ?? '—'}</td>
                <td>{link.maxSubmissions ? `${link.useCount} / ${link.maxSubmissions}` : link.useCount}</td>
                <td>{formatDate(link.expiresAt, i18n.language)}</td>
                <td>{t(`intake.states.${link.state}`)}</td>
                <td>
                  {link.state === 'closed' ? null : (
                    <Form method="post" action={resultAction}>
                      <CsrfInput />
                      <input type="hidden" name="intent" value="close" />
                      <input type="hidden" name="id" value={link.id} />
                      <button type="submit" className="button button--secondary" aria-label={t('intake.closeLabel', { name: link.name })}>
                        {t('intake.close')}
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
