import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requireRole } from '../.server/auth'
import { toResponse } from '../.server/trpc'
import { formatDate, SubmissionMeta } from '../components/submission-meta'

export const meta: MetaFunction = () => [{ title: 'Voces — Receipt / Recibo' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caller } = await requireRole(request, 'submitter')
  const submission = await caller.submission.receipt({ code: params.code ?? '' }).catch(toResponse)
  return { submission, isNew: new URL(request.url).searchParams.has('new') }
}

export default function Receipt() {
  const { t, i18n } = useTranslation()
  const { submission, isNew } = useLoaderData<typeof loader>()
  return (
    <section className="page narrow">
      {isNew ? (
        <div className="notice notice--success" role="status">
          <h1>{t('receipt.thanks')}</h1>
          <p>{t('receipt.keepCode')}</p>
        </div>
      ) : (
        <h1>{t('receipt.title')}</h1>
      )}
      <p className="receipt-code">
        {t('receipt.code')}: <strong data-testid="receipt-code">{submission.receiptCode}</strong>
      </p>
      <p>{t('receipt.received', { date: formatDate(submission.createdAt, i18n.language) })}</p>
      <SubmissionMeta submission={submission} />
      <h2>{t('receipt.redactedHeading')}</h2>
      <p className="field__help">{t('receipt.redactedHelp')}</p>
      <blockquote className="testimony" lang={submission.language === 'other' ? undefined : submission.language}>
        {submission.text}
      </blockquote>
      <p>
        <Link to="/org">{t('receipt.back')}</Link> · <Link to="/org/submit">{t('receipt.another')}</Link>
      </p>
    </section>
  )
}
