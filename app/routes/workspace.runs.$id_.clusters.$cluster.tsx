import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requireRole } from '../.server/auth'
import { toResponse } from '../.server/trpc'
import { ClusterActions, KeyTerms, LanguageMix } from '../components/cluster-parts'
import { pageFrom, Pagination } from '../components/pagination'
import { formatMonth } from '../components/submission-meta'

export const meta: MetaFunction = () => [{ title: 'Voces — Cluster' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caller } = await requireRole(request, 'facilitator')
  const cluster = Number(params.cluster)
  if (!Number.isInteger(cluster)) throw new Response('Not found', { status: 404 })
  const members = await caller.run.members({ id: params.id ?? '', cluster, page: pageFrom(request), pageSize: 25 }).catch(toResponse)
  return { members }
}

/** A cluster's members, most similar to its centre first. Promote and split post to the run page. */
export default function ClusterPage() {
  const { t, i18n } = useTranslation()
  const { members } = useLoaderData<typeof loader>()
  const { run, cluster } = members
  const unclustered = cluster.cluster < 0
  return (
    <section className="page">
      <p>
        <Link to={`/workspace/runs/${run.id}`}>← {t('runs.backToRun', { run: run.name })}</Link>
      </p>
      <h1>
        {unclustered ? t('runs.unclusteredTitle') : t('runs.clusterTitle', { cluster: cluster.cluster + 1 })}
        <span className="badge">{t('runs.size', { count: cluster.size })}</span>
      </h1>
      <p className="lead">{unclustered ? t('runs.unclusteredHelp') : t('runs.membersIntro', { run: run.name })}</p>
      {unclustered ? null : (
        <>
          <KeyTerms keyTerms={cluster.keyTerms} mix={cluster.languageMix} />
          <LanguageMix mix={cluster.languageMix} />
          {cluster.summary ? (
            <>
              <h2>{t('runs.draftSummary')}</h2>
              <p className="cluster__summary">{cluster.summary}</p>
            </>
          ) : null}
          {run.status === 'succeeded' ? <ClusterActions runId={run.id} cluster={cluster} error={null} /> : null}
        </>
      )}
      <h2>{t('runs.membersHeading')}</h2>
      <table className="table" data-testid="cluster-members">
        <caption className="visually-hidden">{t('runs.membersHeading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('runs.similarity')}</th>
            <th scope="col">{t('workspace.testimony')}</th>
            <th scope="col">{t('submission.language')}</th>
            <th scope="col">{t('submission.incidentMonth')}</th>
            <th scope="col">{t('runs.mayQuote')}</th>
          </tr>
        </thead>
        <tbody>
          {members.items.map((m) => (
            <tr key={m.id}>
              <td>{t('runs.percent', { percent: Math.round(m.similarity * 100) })}</td>
              <td>
                <Link to={`/workspace/submissions/${m.id}`} lang={m.language === 'other' ? undefined : m.language}>
                  {m.text ?? t('detail.withdrawn')}
                </Link>
                <span className="card__meta"> · {m.receiptCode}</span>
              </td>
              <td>{t(`language.${m.language}`)}</td>
              <td>{m.incidentMonth ? formatMonth(m.incidentMonth, i18n.language) : '—'}</td>
              <td>{m.consentQuote ? t('common.yes') : t('common.no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination page={members.page} pageCount={members.pageCount} />
    </section>
  )
}
