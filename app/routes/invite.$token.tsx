import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useParams } from '@remix-run/react'
import { TRPCError } from '@trpc/server'
import { useTranslation } from 'react-i18next'
import { InvitationAcceptSchema } from '../../server/schemas/auth'
import { formErrorOf, getCaller } from '../.server/trpc'
import { CsrfInput } from '../components/csrf-input'
import { ErrorList } from '../components/field'
import { NewPasswordFields } from '../components/new-password-fields'
import { useResultAction } from '../components/form-result'
import { readForm } from '../.server/form'

export const meta: MetaFunction = () => [{ title: 'Voces — Invitation / Invitación' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const caller = await getCaller(request)
  try {
    const invitation = await caller.invitation.byToken({ token: params.token ?? '' })
    return { invitation, problem: null }
  } catch (error) {
    if (error instanceof TRPCError && error.code !== 'INTERNAL_SERVER_ERROR') {
      return data({ invitation: null, problem: error.code === 'BAD_REQUEST' && error.message.startsWith('errors.') ? error.message : 'errors.invitationInvalid' }, { status: 410 })
    }
    throw error
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request)
  form.set('token', params.token ?? '')
  const submission = parseWithZod(form, { schema: InvitationAcceptSchema })
  if (submission.status !== 'success') return data(submission.reply({ hideFields: ['password', 'confirmPassword'] }), { status: 400 })
  const resHeaders = new Headers()
  const caller = await getCaller(request, { form, resHeaders })
  try {
    const { home } = await caller.invitation.accept(submission.value)
    return redirect(home, { headers: resHeaders })
  } catch (error) {
    const message = formErrorOf(error)
    // A common or personal password belongs beside the password field.
    if (message === 'errors.passwordCommon' || message === 'errors.passwordPersonal') {
      return data(submission.reply({ fieldErrors: { password: [message] }, hideFields: ['password', 'confirmPassword'] }), { status: 400 })
    }
    return data(submission.reply({ formErrors: [message], hideFields: ['password', 'confirmPassword'] }), { status: 400 })
  }
}

export default function AcceptInvitation() {
  const { t } = useTranslation()
  const { invitation, problem } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const params = useParams()
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InvitationAcceptSchema }),
    shouldValidate: 'onBlur',
    // Once a field shows an error, it is checked again as the person types: a stale "do not match" would
    // otherwise vanish on the button's mousedown (blur), move the button, and swallow the click (issue 14).
    shouldRevalidate: 'onInput',
  })
  const resultAction = useResultAction()
  if (!invitation) {
    return (
      <section className="page narrow">
        <h1>{t('invite.title')}</h1>
        <p role="alert">{t(problem ?? 'errors.invitationInvalid')}</p>
      </section>
    )
  }
  return (
    <section className="page narrow">
      <h1>{t('invite.title')}</h1>
      <p className="lead">
        {t('invite.intro', { email: invitation.email, role: t(`roles.${invitation.role}`) })}
        {invitation.organizationName ? ` ${t('invite.forOrganization', { organization: invitation.organizationName })}` : ''}
      </p>
      <Form method="post" action={resultAction} {...getFormProps(form)} className="stack">
        <CsrfInput />
        <input type="hidden" name="token" value={params.token ?? ''} />
        <ErrorList id={form.errorId} errors={form.errors} result token={lastResult} />
        <NewPasswordFields fields={fields} />
        <button type="submit" className="button">
          {t('invite.submit')}
        </button>
      </Form>
    </section>
  )
}
