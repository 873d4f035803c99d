import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { LoginSchema } from '../../server/schemas/auth'
import { homePathFor } from '../.server/auth'
import { safeRedirectPath } from '../.server/request'
import { formErrorOf, getCaller } from '../.server/trpc'
import { CsrfInput } from '../components/csrf-input'
import { describedBy, ErrorList, Field } from '../components/field'
import { readForm } from '../.server/form'

export const meta: MetaFunction = () => [{ title: 'Voces — Sign in / Iniciar sesión' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await (await getCaller(request)).auth.me()
  if (user) throw redirect(homePathFor(user.role))
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request)
  const submission = parseWithZod(form, { schema: LoginSchema })
  if (submission.status !== 'success') return data(submission.reply({ hideFields: ['password'] }), { status: 400 })
  const resHeaders = new Headers()
  const caller = await getCaller(request, { form, resHeaders })
  try {
    const { home } = await caller.auth.login(submission.value)
    const wanted = new URL(request.url).searchParams.get('redirectTo')
    return redirect(safeRedirectPath(wanted, home), { headers: resHeaders })
  } catch (error) {
    return data(submission.reply({ formErrors: [formErrorOf(error)], hideFields: ['password'] }), { status: 400 })
  }
}

export default function Login() {
  const { t } = useTranslation()
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
    shouldValidate: 'onBlur',
  })
  return (
    <section className="page narrow">
      <h1>{t('login.title')}</h1>
      <p className="lead">{t('login.intro')}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <CsrfInput />
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field id={fields.email.id} label={t('login.email')} errors={fields.email.errors}>
          <input
            {...getInputProps(fields.email, { type: 'email' })}
            autoComplete="username"
            aria-describedby={describedBy(fields.email.id, { errors: fields.email.errors })}
          />
        </Field>
        <Field id={fields.password.id} label={t('login.password')} errors={fields.password.errors}>
          <input
            {...getInputProps(fields.password, { type: 'password' })}
            autoComplete="current-password"
            aria-describedby={describedBy(fields.password.id, { errors: fields.password.errors })}
          />
        </Field>
        <button type="submit" className="button" disabled={navigation.state === 'submitting'}>
          {t('login.submit')}
        </button>
      </Form>
    </section>
  )
}
