import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requireRole } from '../.server/auth'
import { toResponse } from '../.server/trpc'
import { formatDate, formatMonth } from '../components/submission-meta'

export const meta: MetaFunction = () => [{ title: 'Voces — Police Commission' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { caller } = await requireRole(request, 'commission')
  const reports = await caller.report.listPublished().catch(toResponse)
  return { reports }
}

export default function CommissionHome() {
  const { t, i18n } = useTranslation()
  const { reports } = useLoaderData<typeof loader>()
  return (
    <section className="page">
      <h1>{t('commission.title')}</h1>
      <p className="lead">{t('commission.intro')}</p>
      <h2>{t('commission.published')}</h2>
      {reports.length === 0 ? (
        <div className="empty">
          <p>{t('commission.emptyTitle')}</p>
          <p>{t('commission.emptyBody')}</p>
        </div>
      ) : (
        <ul className="card-list">
          {reports.map((r) => (
            <li key={r.id} className="card">
              <h3>{r.title}</h3>
              <p className="card__meta">
                {formatMonth(r.periodStart, i18n.language)} – {formatMonth(r.periodEnd, i18n.language)} · {t('commission.version', { version: r.version })}
                {r.publishedAt ? ` · ${formatDate(r.publishedAt, i18n.language)}` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
