import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useParams } from '@remix-run/react'
import { TRPCError } from '@trpc/server'
import { useTranslation } from 'react-i18next'
import { AccountSetupCompleteSchema } from '../../server/schemas/auth'
import { formErrorOf, getCaller } from '../.server/trpc'
import { CsrfInput } from '../components/csrf-input'
import { ErrorList } from '../components/field'
import { NewPasswordFields } from '../components/new-password-fields'
import { readForm } from '../.server/form'
import { useResultAction } from '../components/form-result'

/** The one-time link `npm run admin -- create|reset` prints: the person sets their own password here. */
export const meta: MetaFunction = () => [{ title: 'Voces — Set your password / Elija su contraseña' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const caller = await getCaller(request)
  try {
    const setup = await caller.accountSetup.byToken({ token: params.token ?? '' })
    return { setup, problem: null }
  } catch (error) {
    if (error instanceof TRPCError && error.code !== 'INTERNAL_SERVER_ERROR') {
      return data({ setup: null, problem: error.code === 'BAD_REQUEST' && /^errors\.setup[A-Z]/.test(error.message) ? error.message : 'errors.setupInvalid' }, { status: 410 })
    }
    throw error
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request)
  form.set('token', params.token ?? '')
  const submission = parseWithZod(form, { schema: AccountSetupCompleteSchema })
  if (submission.status !== 'success') return data(submission.reply({ hideFields: ['password', 'confirmPassword'] }), { status: 400 })
  const resHeaders = new Headers()
  const caller = await getCaller(request, { form, resHeaders })
  try {
    const { home } = await caller.accountSetup.complete(submission.value)
    return redirect(home, { headers: resHeaders })
  } catch (error) {
    const message = formErrorOf(error)
    if (message === 'errors.passwordCommon' || message === 'errors.passwordPersonal') {
      return data(submission.reply({ fieldErrors: { password: [message] }, hideFields: ['password', 'confirmPassword'] }), { status: 400 })
    }
    return data(submission.reply({ formErrors: [message], hideFields: ['password', 'confirmPassword'] }), { status: 400 })
  }
}

export default function AccountSetup() {
  const { t } = useTranslation()
  const { setup, problem } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const params = useParams()
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { displayName: setup?.displayName ?? '' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AccountSetupCompleteSchema }),
    shouldValidate: 'onBlur',
    // As on the invitation page (issue 14, major 4): a field with an error is checked again as the person
    // types, so a stale "do not match" cannot vanish on the button's mousedown and swallow the click.
    shouldRevalidate: 'onInput',
  })
  const resultAction = useResultAction()
  // A password the server alone refuses (too common, built from the address) is its only answer, beside
  // its field: that message is then the result region (docs/decisions/100).
  const passwordIsResult = !form.errors?.length && Boolean(lastResult?.error?.password?.length)
  if (!setup) {
    return (
      <section className="page narrow">
        <h1>{t('setup.title')}</h1>
        <p role="alert">{t(problem ?? 'errors.setupInvalid')}</p>
      </section>
    )
  }
  return (
    <section className="page narrow">
      <h1>{t('setup.title')}</h1>
      <p className="lead">{t('setup.intro', { email: setup.email, role: t(`roles.${setup.role}`) })}</p>
      <Form method="post" action={resultAction} {...getFormProps(form)} className="stack">
        <CsrfInput />
        <input type="hidden" name="token" value={params.token ?? ''} />
        <ErrorList id={form.errorId} errors={form.errors} result token={lastResult} />
        <NewPasswordFields fields={fields} passwordIsResult={passwordIsResult} token={lastResult} />
        <button type="submit" className="button">
          {t('setup.submit')}
        </button>
      </Form>
    </section>
  )
}
