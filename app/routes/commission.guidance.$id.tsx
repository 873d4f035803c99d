import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { TRPCError } from '@trpc/server'
import { useTranslation } from 'react-i18next'
import { GuidanceInputSchema } from '../../server/schemas/report'
import { requireRole } from '../.server/auth'
import { formErrorOf, getCaller, toResponse } from '../.server/trpc'
import { GuidanceForm } from '../components/guidance-form'
import { readForm } from '../.server/form'

export const meta: MetaFunction = () => [{ title: 'Voces — Edit guidance' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caller } = await requireRole(request, 'commission')
  const [item, themes] = await Promise.all([caller.guidance.byId({ id: params.id ?? '' }), caller.guidance.themeOptions()]).catch(toResponse)
  return { item, themes, saved: new URL(request.url).searchParams.has('saved') }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request)
  const submission = parseWithZod(form, { schema: GuidanceInputSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const caller = await getCaller(request, { form })
  try {
    await caller.guidance.update({ ...submission.value, id: params.id ?? '' })
    return redirect(`/commission/guidance/${params.id}?saved=1`)
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'UNAUTHORIZED' || error.code === 'NOT_FOUND')) toResponse(error)
    return data({ result: submission.reply({ formErrors: [formErrorOf(error)] }) }, { status: 400 })
  }
}

export default function GuidanceEdit() {
  const { t } = useTranslation()
  const { item, themes, saved } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <section className="page">
      <p>
        <Link to="/commission/guidance">← {t('guidance.back')}</Link>
      </p>
      <h1>{t('guidance.editTitle')}</h1>
      {saved ? (
        <p className="notice notice--success" role="status">
          {t('guidance.saved')}
        </p>
      ) : null}
      <GuidanceForm id={`guidance-${item.id}`} lastResult={actionData?.result} defaults={{ textEn: item.textEn, textEs: item.textEs, status: item.status, decidedOn: item.decidedOn, themeIds: item.themeIds }} themes={themes} submitLabel={t('guidance.save')} />
    </section>
  )
}
