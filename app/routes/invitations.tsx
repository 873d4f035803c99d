import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { InvitationCreateSchema } from '../../server/schemas/auth'
import { requireRole } from '../.server/auth'
import { formErrorOf, getCaller, toResponse } from '../.server/trpc'
import { CsrfInput } from '../components/csrf-input'
import { describedBy, ErrorList, Field } from '../components/field'
import { FormResult, useResultAction } from '../components/form-result'
import { formatDate } from '../components/submission-meta'
import { readForm } from '../.server/form'

export const meta: MetaFunction = () => [{ title: 'Voces — Invitations' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, caller } = await requireRole(request, 'admin', 'facilitator')
  const [organizations, invitations] = await Promise.all([caller.organization.list(), caller.invitation.list()]).catch(toResponse)
  return { organizations: organizations.filter((o) => !o.deactivatedAt), invitations, roles: user.role === 'admin' ? (['submitter', 'facilitator', 'commission', 'admin'] as const) : (['submitter'] as const) }
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request)
  const submission = parseWithZod(form, { schema: InvitationCreateSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), link: null, email: null }, { status: 400 })
  const caller = await getCaller(request, { form })
  try {
    const created = await caller.invitation.create(submission.value)
    const link = new URL(`/invite/${created.token}`, request.url).toString()
    return { result: submission.reply({ resetForm: true }), link, email: submission.value.email }
  } catch (error) {
    return data({ result: submission.reply({ formErrors: [formErrorOf(error)] }), link: null, email: null }, { status: 400 })
  }
}

export default function Invitations() {
  const { t, i18n } = useTranslation()
  const { organizations, invitations, roles } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    // The defaults live in the form's state, not only in the markup: a reset after an invitation
    // was created would otherwise leave Role and Organization blank (issue 14).
    defaultValue: { role: 'submitter', organizationId: '' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InvitationCreateSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const resultAction = useResultAction()
  return (
    <section className="page">
      <h1>{t('invitations.title')}</h1>
      <p className="lead">{t('invitations.intro')}</p>
      {actionData?.link ? (
        <FormResult tone="success" token={actionData}>
          <p>{t('invitations.createdFor', { email: actionData.email })}</p>
          <p>
            <code data-testid="invitation-link" className="break">
              {actionData.link}
            </code>
          </p>
          <p className="field__help">{t('invitations.linkOnce')}</p>
        </FormResult>
      ) : null}
      <Form method="post" action={resultAction} {...getFormProps(form)} className="stack narrow">
        <CsrfInput />
        <ErrorList id={form.errorId} errors={form.errors} result token={actionData} />
        <Field id={fields.email.id} label={t('invitations.email')} errors={fields.email.errors}>
          <input {...getInputProps(fields.email, { type: 'email' })} aria-describedby={describedBy(fields.email.id, { errors: fields.email.errors })} />
        </Field>
        <Field id={fields.role.id} label={t('invitations.role')} errors={fields.role.errors}>
          <select {...getSelectProps(fields.role)}>
            {roles.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={fields.organizationId.id} label={t('invitations.organization')} help={t('invitations.organizationHelp')} errors={fields.organizationId.errors}>
          <select {...getSelectProps(fields.organizationId)} aria-describedby={describedBy(fields.organizationId.id, { help: true, errors: fields.organizationId.errors })}>
            <option value="">{t('common.chooseOne')}</option>
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" className="button">
          {t('invitations.submit')}
        </button>
      </Form>
      <h2>{t('invitations.recent')}</h2>
      {invitations.length === 0 ? (
        <p className="empty">{t('invitations.none')}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('invitations.recent')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('invitations.email')}</th>
              <th scope="col">{t('invitations.role')}</th>
              <th scope="col">{t('invitations.organization')}</th>
              <th scope="col">{t('invitations.state')}</th>
            </tr>
          </thead>
          <tbody>
            {invitations.map((inv) => (
              <tr key={inv.id}>
                <td>{inv.email}</td>
                <td>{t(`roles.${inv.role}`)}</td>
                <td>{inv.organizationName ?? '—'}</td>
                <td>
                  {inv.acceptedAt
                    ? t('invitations.accepted', { date: formatDate(inv.acceptedAt, i18n.language) })
                    : inv.revokedAt
                      ? t('invitations.revoked')
                      : new Date(inv.expiresAt) < new Date()
                      ? t('invitations.expired')
                      : t('invitations.pending', { date: formatDate(inv.expiresAt, i18n.language) })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
