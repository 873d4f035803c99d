import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requireRole } from '../.server/auth'
import { toResponse } from '../.server/trpc'
import { formatDate, formatMonth } from '../components/submission-meta'

export const meta: MetaFunction = () => [{ title: 'Voces — Police Commission' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { caller } = await requireRole(request, 'commission')
  const reports = await caller.report.list().catch(toResponse)
  return {
    published: reports.filter((r) => r.version > 0).sort((a, b) => String(b.publishedAt).localeCompare(String(a.publishedAt))),
    drafts: reports.filter((r) => r.state !== 'published'),
  }
}

export default function CommissionHome() {
  const { t, i18n } = useTranslation()
  const { published, drafts } = useLoaderData<typeof loader>()
  const period = (r: { periodStart: string; periodEnd: string }) => `${formatMonth(r.periodStart, i18n.language)} – ${formatMonth(r.periodEnd, i18n.language)}`
  return (
    <section className="page">
      <h1>{t('commission.title')}</h1>
      <p className="lead">{t('commission.intro')}</p>
      <h2>{t('commission.published')}</h2>
      {published.length === 0 ? (
        <div className="empty">
          <p>{t('commission.emptyTitle')}</p>
          <p>{t('commission.emptyBody')}</p>
        </div>
      ) : (
        <ul className="card-list">
          {published.map((r) => (
            <li key={r.id} className="card" data-testid="published-report">
              <h3>
                <Link to={`/reports/${r.id}`} aria-label={t('commission.read', { title: r.title })}>
                  {r.title}
                </Link>
              </h3>
              <p className="card__meta">
                {period(r)} · {t('commission.version', { version: r.version })}
                {r.publishedAt ? ` · ${formatDate(r.publishedAt, i18n.language)}` : ''} · {t('reports.themeCount', { count: r.themeCount })}
              </p>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('commission.drafts')}</h2>
      {drafts.length === 0 ? (
        <p className="empty">{t('commission.noDrafts')}</p>
      ) : (
        <ul className="card-list">
          {drafts.map((r) => (
            <li key={r.id} className="card" data-testid="draft-report">
              <h3>
                <Link to={`/reports/${r.id}?version=draft`} aria-label={t('commission.read', { title: r.title })}>
                  {r.title}
                </Link>
                <span className="badge">{t(`reports.states.${r.state}`)}</span>
              </h3>
              <p className="card__meta">
                {period(r)} · {t('commission.draftChanged', { date: formatDate(r.updatedAt, i18n.language) })} · {t('reports.themeCount', { count: r.themeCount })}
              </p>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('commission.guidanceTitle')}</h2>
      <p>{t('commission.guidanceBody')}</p>
      <p>
        <Link className="button button--secondary" to="/commission/guidance">
          {t('commission.guidanceLink')}
        </Link>{' '}
        <Link to="/you-said-we-did">{t('commission.publicLink')}</Link>
      </p>
    </section>
  )
}
