import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { OrganizationCreateSchema } from '../../server/schemas/organization'
import { requireRole } from '../.server/auth'
import { formErrorOf, getCaller, toResponse } from '../.server/trpc'
import { CsrfInput } from '../components/csrf-input'
import { ErrorList } from '../components/field'
import { OrganizationFields } from '../components/organization-fields'
import { FormResult, useResultAction } from '../components/form-result'
import { formatDate } from '../components/submission-meta'
import { readForm } from '../.server/form'

export const meta: MetaFunction = () => [{ title: 'Voces — Organizations / Organizaciones' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { caller } = await requireRole(request, 'admin')
  const organizations = await caller.organization.adminList().catch(toResponse)
  return { organizations }
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request)
  const submission = parseWithZod(form, { schema: OrganizationCreateSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), created: null }, { status: 400 })
  const caller = await getCaller(request, { form })
  try {
    const created = await caller.organization.create(submission.value)
    return { result: submission.reply({ resetForm: true }), created: created.name }
  } catch (error) {
    const message = formErrorOf(error)
    if (message === 'errors.organizationNameTaken') return data({ result: submission.reply({ fieldErrors: { name: [message] } }), created: null }, { status: 400 })
    return data({ result: submission.reply({ formErrors: [message] }), created: null }, { status: 400 })
  }
}

export default function Organizations() {
  const { t, i18n } = useTranslation()
  const { organizations } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: { kind: 'community' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OrganizationCreateSchema }),
    shouldValidate: 'onBlur',
  })
  const resultAction = useResultAction()
  // A name already taken is the server's only answer beside its field: that message is then the result region.
  const nameIsResult = !form.errors?.length && Boolean(actionData?.result.error?.name?.length)
  return (
    <section className="page">
      <p>
        <Link to="/admin">{t('admin.title')}</Link>
      </p>
      <h1>{t('orgAdmin.title')}</h1>
      <p className="lead">{t('orgAdmin.intro')}</p>
      {actionData?.created ? (
        <FormResult tone="success" token={actionData}>
          <p>{t('orgAdmin.created', { name: actionData.created })}</p>
        </FormResult>
      ) : null}
      <h2>{t('orgAdmin.add')}</h2>
      <Form method="post" action={resultAction} {...getFormProps(form)} className="stack narrow">
        <CsrfInput />
        <ErrorList id={form.errorId} errors={form.errors} result token={actionData} />
        <OrganizationFields fields={fields} nameIsResult={nameIsResult} token={actionData} />
        <button type="submit" className="button">
          {t('orgAdmin.create')}
        </button>
      </Form>
      <h2>{t('orgAdmin.list')}</h2>
      {organizations.length === 0 ? (
        <p className="empty">{t('orgAdmin.none')}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('orgAdmin.list')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('orgAdmin.name')}</th>
              <th scope="col">{t('orgAdmin.kind')}</th>
              <th scope="col">{t('orgAdmin.members')}</th>
              <th scope="col">{t('orgAdmin.state')}</th>
            </tr>
          </thead>
          <tbody>
            {organizations.map((o) => (
              <tr key={o.id} data-testid="organization-row">
                <td>
                  <Link to={`/admin/organizations/${o.id}`} aria-label={t('orgAdmin.edit', { name: o.name })}>
                    {o.name}
                  </Link>
                  {o.description ? <p className="field__help">{o.description}</p> : null}
                </td>
                <td>{t(`orgKind.${o.kind}`, { defaultValue: o.kind })}</td>
                <td>{o.members}</td>
                <td>{o.deactivatedAt ? t('orgAdmin.deactivated', { date: formatDate(o.deactivatedAt, i18n.language) }) : t('orgAdmin.active')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
