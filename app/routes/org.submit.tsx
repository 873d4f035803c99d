import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { SubmissionInputSchema } from '../../server/schemas/submission'
import { requireRole } from '../.server/auth'
import { formErrorOf, getCaller } from '../.server/trpc'
import { withResult } from '../components/form-result'
import { TestimonyForm } from '../components/testimony-form'
import { readForm } from '../.server/form'

export const meta: MetaFunction = () => [{ title: 'Voces — Testimony / Testimonio' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'submitter')
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request)
  const submission = parseWithZod(form, { schema: SubmissionInputSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const caller = await getCaller(request, { form })
  try {
    const created = await caller.submission.create(submission.value)
    return redirect(withResult(`/org/receipts/${created.receiptCode}?new=1`))
  } catch (error) {
    // The typed text comes back with the error: nothing is lost.
    return data(submission.reply({ formErrors: [formErrorOf(error)] }), { status: 400 })
  }
}

export default function SubmitTestimony() {
  const { t } = useTranslation()
  const lastResult = useActionData<typeof action>()
  return (
    <section className="page narrow">
      <h1>{t('submit.title')}</h1>
      <p className="lead">{t('submit.intro')}</p>
      <TestimonyForm lastResult={lastResult} />
    </section>
  )
}
