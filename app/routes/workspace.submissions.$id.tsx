import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requireRole } from '../.server/auth'
import { toResponse } from '../.server/trpc'
import { formatDate, SubmissionMeta } from '../components/submission-meta'

export const meta: MetaFunction = () => [{ title: 'Voces — Submission' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caller } = await requireRole(request, 'facilitator')
  const submission = await caller.submission.byId({ id: params.id ?? '' }).catch(toResponse)
  return { submission }
}

export default function SubmissionDetail() {
  const { t, i18n } = useTranslation()
  const { submission } = useLoaderData<typeof loader>()
  return (
    <section className="page narrow">
      <p>
        <Link to="/workspace">← {t('workspace.back')}</Link>
      </p>
      <h1>{t('detail.title', { code: submission.receiptCode })}</h1>
      <p className="card__meta">
        {submission.organizationName ?? t('detail.noOrganization')} · {formatDate(submission.createdAt, i18n.language)}
        {submission.isDemo ? <span className="badge">{t('detail.demo')}</span> : null}
      </p>
      <h2>{t('detail.redactedText')}</h2>
      <blockquote className="testimony" lang={submission.language === 'other' ? undefined : submission.language}>
        {submission.text ?? t('detail.withdrawn')}
      </blockquote>
      <SubmissionMeta submission={submission} />
      <h2>{t('submit.cityResponse')}</h2>
      <p>{submission.cityResponse ?? t('common.notGiven')}</p>
      <h2>{t('submit.guidanceWanted')}</h2>
      <p>{submission.guidanceWanted ?? t('common.notGiven')}</p>
      <h2>{t('detail.consent')}</h2>
      <ul>
        <li>{submission.consentQuote ? t('detail.mayQuote') : t('detail.mayNotQuote')}</li>
        <li>{submission.consentContact ? t('detail.mayContact') : t('detail.mayNotContact')}</li>
      </ul>
      <h2>{t('detail.tags')}</h2>
      {submission.tags.length === 0 ? (
        <p className="empty">{t('detail.noTags')}</p>
      ) : (
        <ul className="tag-list">
          {submission.tags.map((tag) => (
            <li key={`${tag.id}-${tag.spanStart ?? ''}`} className="tag" style={{ borderColor: tag.color }}>
              {i18n.language === 'es' ? tag.nameEs : tag.nameEn}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
