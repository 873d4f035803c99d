import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { TRPCError } from '@trpc/server'
import { useTranslation } from 'react-i18next'
import { ModerationHideSchema, ModerationIdSchema, ModerationMergeSchema } from '../../server/schemas/moderation'
import { requireRole } from '../.server/auth'
import { safeRedirectPath } from '../.server/request'
import { formErrorOf, getCaller, toResponse } from '../.server/trpc'
import { ErrorList } from '../components/field'
import { FormResult } from '../components/form-result'
import { ModerationActions } from '../components/moderation-actions'
import { pageFrom, Pagination } from '../components/pagination'
import { formatDate } from '../components/submission-meta'
import { readForm } from '../.server/form'
import { SubmissionCodeSentence } from '../components/code-link'

export const meta: MetaFunction = () => [{ title: 'Voces — Moderation' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { caller } = await requireRole(request, 'facilitator')
  const queue = await caller.moderation.queue({ page: pageFrom(request) }).catch(toResponse)
  return { queue }
}

const fromForm = (form: FormData) => Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string'))

/** One decision per post: accept, hide (with a reason) or merge. Every one is audited by its procedure. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request)
  const caller = await getCaller(request, { form })
  const values = fromForm(form)
  const redirectTo = typeof values.redirectTo === 'string' ? safeRedirectPath(values.redirectTo, '') : ''
  let error: string | null = null
  try {
    if (values.intent === 'accept') {
      const input = ModerationIdSchema.safeParse(values)
      if (!input.success) error = 'errors.notFound'
      else await caller.moderation.accept(input.data)
    } else if (values.intent === 'hide') {
      const input = ModerationHideSchema.safeParse(values)
      if (!input.success) error = input.error.issues[0]?.message ?? 'errors.choose'
      else await caller.moderation.hide(input.data)
    } else if (values.intent === 'merge') {
      const input = ModerationMergeSchema.safeParse(values)
      if (!input.success) error = input.error.issues[0]?.message ?? 'errors.receipt'
      else await caller.moderation.merge(input.data)
    } else {
      error = 'errors.unexpected'
    }
  } catch (e) {
    if (e instanceof TRPCError && e.code === 'UNAUTHORIZED') toResponse(e)
    error = formErrorOf(e)
  }
  if (redirectTo) return redirect(error ? `${redirectTo}?error=${encodeURIComponent(error)}` : `${redirectTo}?decided=1`)
  if (error) return data({ error, id: values.id ?? null, decided: false }, { status: 400 })
  return { error: null, id: values.id ?? null, decided: true }
}

export default function ModerationQueue() {
  const { t, i18n } = useTranslation()
  const { queue } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <section className="page">
      <h1>{t('moderation.title')}</h1>
      <p className="lead">{t('moderation.intro')}</p>
      {actionData?.decided ? (
        <FormResult tone="success" token={actionData}>
          {t('moderation.decided')}
        </FormResult>
      ) : null}
      <ErrorList errors={actionData?.error ? [actionData.error] : null} result token={actionData} />
      <p>{t('moderation.count', { count: queue.total })}</p>
      {queue.items.length === 0 ? (
        <p className="empty">{t('moderation.empty')}</p>
      ) : (
        <ul className="card-list">
          {queue.items.map((item) => (
            <li key={item.id} className="card" data-testid="moderation-item">
              <h2>
                <Link to={`/workspace/submissions/${item.id}`} aria-label={t('moderation.open', { code: item.receiptCode })}>
                  {item.receiptCode}
                </Link>
                <span className={`badge status--${item.status}`}>{t(`status.${item.status}`)}</span>
              </h2>
              <p className="card__meta">
                {t('moderation.received', { date: formatDate(item.createdAt, i18n.language) })}
                {item.intakeLinkName ? ` · ${t('moderation.viaLink', { name: item.intakeLinkName })}` : ''}
                {item.organizationName ? ` · ${item.organizationName}` : ''}
              </p>
              {item.duplicateOfCode ? (
                <p className="notice">
                  <SubmissionCodeSentence
                    sentence={t('moderation.duplicateOf', { code: item.duplicateOfCode, percent: Math.round((item.duplicateSimilarity ?? 0) * 100) })}
                    code={item.duplicateOfCode}
                    id={item.duplicateOfId}
                  />
                </p>
              ) : null}
              <blockquote className="testimony" lang={item.language === 'other' ? undefined : item.language}>
                {item.text}
              </blockquote>
              <ModerationActions id={item.id} code={item.receiptCode} suggestedIntoCode={item.duplicateOfCode} />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={queue.page} pageCount={queue.pageCount} />
    </section>
  )
}
