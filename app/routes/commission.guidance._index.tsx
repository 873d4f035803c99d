import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { TRPCError } from '@trpc/server'
import { useTranslation } from 'react-i18next'
import { GuidanceInputSchema } from '../../server/schemas/report'
import { requireRole } from '../.server/auth'
import { formErrorOf, getCaller, toResponse } from '../.server/trpc'
import { GuidanceForm } from '../components/guidance-form'
import { formatDate } from '../components/submission-meta'
import { readForm } from '../.server/form'

export const meta: MetaFunction = () => [{ title: 'Voces — Guidance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { caller } = await requireRole(request, 'commission')
  const [items, themes] = await Promise.all([caller.guidance.list(), caller.guidance.themeOptions()]).catch(toResponse)
  return { items, themes, created: new URL(request.url).searchParams.has('created') }
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request)
  const submission = parseWithZod(form, { schema: GuidanceInputSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const caller = await getCaller(request, { form })
  try {
    await caller.guidance.create(submission.value)
    return redirect('/commission/guidance?created=1')
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'UNAUTHORIZED') toResponse(error)
    return data({ result: submission.reply({ formErrors: [formErrorOf(error)] }) }, { status: 400 })
  }
}

export default function Guidance() {
  const { t, i18n } = useTranslation()
  const { items, themes, created } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const today = new Date().toISOString().slice(0, 10)
  return (
    <section className="page">
      <h1>{t('guidance.title')}</h1>
      <p className="lead">{t('guidance.intro')}</p>
      {created ? (
        <p className="notice notice--success" role="status">
          {t('guidance.created')}
        </p>
      ) : null}
      <h2>{t('guidance.newTitle')}</h2>
      <GuidanceForm id="guidance-new" lastResult={actionData?.result} defaults={{ textEn: '', textEs: '', status: 'proposed', decidedOn: today, themeIds: [] }} themes={themes} submitLabel={t('guidance.create')} />
      <h2>{t('guidance.recorded')}</h2>
      {items.length === 0 ? (
        <p className="empty">{t('guidance.none')}</p>
      ) : (
        <ul className="card-list">
          {items.map((item) => {
            const spanish = i18n.language === 'es' && item.textEs
            return (
              <li key={item.id} className="card" data-testid="guidance-item">
                <p className="card__meta">
                  <span className={`status guidance--${item.status}`}>{t(`guidance.status.${item.status}`)}</span> · {formatDate(`${item.decidedOn}T12:00:00Z`, i18n.language)}
                </p>
                <p lang={spanish ? 'es' : 'en'}>{spanish ? item.textEs : item.textEn}</p>
                <p className="card__meta">{t('guidance.answers', { themes: item.themes.map((th) => th.title).join(' · ') })}</p>
                <p>
                  <Link to={`/commission/guidance/${item.id}`} aria-label={t('guidance.editLabel', { date: formatDate(`${item.decidedOn}T12:00:00Z`, i18n.language) })}>
                    {t('guidance.edit')}
                  </Link>
                </p>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
