import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { OrganizationIdSchema, OrganizationUpdateSchema } from '../../server/schemas/organization'
import { requireRole } from '../.server/auth'
import { formErrorOf, getCaller, toResponse } from '../.server/trpc'
import { CsrfInput } from '../components/csrf-input'
import { ErrorList } from '../components/field'
import { OrganizationFields } from '../components/organization-fields'
import { FormResult, useResultAction } from '../components/form-result'
import { formatDate } from '../components/submission-meta'
import { readForm } from '../.server/form'

export const meta: MetaFunction = () => [{ title: 'Voces — Organization / Organización' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caller } = await requireRole(request, 'admin')
  const parsed = OrganizationIdSchema.safeParse({ id: params.id })
  if (!parsed.success) throw data({ message: 'errors.organizationNotFound' }, { status: 404 })
  const organization = await caller.organization.byId(parsed.data).catch(toResponse)
  return { organization }
}

type Notice = { key: 'orgAdmin.saved' | 'orgAdmin.deactivatedNotice' | 'orgAdmin.reactivatedNotice'; sessions?: number }

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request)
  const caller = await getCaller(request, { form })
  const intent = form.get('intent')
  if (intent === 'deactivate' || intent === 'reactivate') {
    const parsed = OrganizationIdSchema.safeParse({ id: params.id })
    if (!parsed.success) throw data({ message: 'errors.organizationNotFound' }, { status: 404 })
    if (intent === 'deactivate') {
      const { sessionsEnded } = await caller.organization.deactivate(parsed.data).catch(toResponse)
      return { result: null, notice: { key: 'orgAdmin.deactivatedNotice', sessions: sessionsEnded } satisfies Notice }
    }
    await caller.organization.reactivate(parsed.data).catch(toResponse)
    return { result: null, notice: { key: 'orgAdmin.reactivatedNotice' } satisfies Notice }
  }
  form.set('id', params.id ?? '')
  const submission = parseWithZod(form, { schema: OrganizationUpdateSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), notice: null }, { status: 400 })
  try {
    await caller.organization.update(submission.value)
    return { result: submission.reply(), notice: { key: 'orgAdmin.saved' } satisfies Notice }
  } catch (error) {
    const message = formErrorOf(error)
    if (message === 'errors.organizationNameTaken') return data({ result: submission.reply({ fieldErrors: { name: [message] } }), notice: null }, { status: 400 })
    return data({ result: submission.reply({ formErrors: [message] }), notice: null }, { status: 400 })
  }
}

export default function OrganizationPage() {
  const { t, i18n } = useTranslation()
  const { organization } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: `organization-${organization.id}`,
    lastResult: actionData?.result,
    defaultValue: { name: organization.name, kind: organization.kind, description: organization.description },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OrganizationUpdateSchema }),
    shouldValidate: 'onBlur',
  })
  const notice = actionData?.notice
  const resultAction = useResultAction()
  // A name already taken is the server's only answer beside its field: that message is then the result region.
  const nameIsResult = !form.errors?.length && Boolean(actionData?.result?.error?.name?.length)
  return (
    <section className="page">
      <p>
        <Link to="/admin/organizations">{t('orgAdmin.back')}</Link>
      </p>
      <h1>{t('orgAdmin.editTitle', { name: organization.name })}</h1>
      <p className="lead">
        {organization.deactivatedAt ? t('orgAdmin.deactivated', { date: formatDate(organization.deactivatedAt, i18n.language) }) : t('orgAdmin.active')} · {t('orgAdmin.members')}: {organization.members} · <code>{organization.slug}</code>
      </p>
      {notice ? (
        <FormResult tone="success" token={actionData}>
          <p>{t(notice.key, { sessions: notice.sessions ?? 0 })}</p>
        </FormResult>
      ) : null}
      <Form method="post" action={resultAction} {...getFormProps(form)} className="stack narrow">
        <CsrfInput />
        <input type="hidden" name="intent" value="update" />
        <input type="hidden" name="id" value={organization.id} />
        <ErrorList id={form.errorId} errors={form.errors} result token={actionData} />
        <OrganizationFields fields={fields} nameIsResult={nameIsResult} token={actionData} />
        <button type="submit" className="button">
          {t('orgAdmin.save')}
        </button>
      </Form>
      {organization.deactivatedAt ? (
        <section aria-labelledby="reactivate-heading">
          <h2 id="reactivate-heading">{t('orgAdmin.reactivateHeading')}</h2>
          <p>{t('orgAdmin.reactivateHelp')}</p>
          <Form method="post" action={resultAction}>
            <CsrfInput />
            <input type="hidden" name="intent" value="reactivate" />
            <button type="submit" className="button button--secondary">
              {t('orgAdmin.reactivate')}
            </button>
          </Form>
        </section>
      ) : (
        <section aria-labelledby="deactivate-heading">
          <h2 id="deactivate-heading">{t('orgAdmin.deactivateHeading')}</h2>
          <p>{t('orgAdmin.deactivateHelp', { members: organization.members })}</p>
          <Form method="post" action={resultAction}>
            <CsrfInput />
            <input type="hidden" name="intent" value="deactivate" />
            <button type="submit" className="button button--secondary">
              {t('orgAdmin.deactivate')}
            </button>
          </Form>
        </section>
      )}
    </section>
  )
}
