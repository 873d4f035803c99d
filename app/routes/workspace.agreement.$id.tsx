import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useParams } from '@remix-run/react'
import { TRPCError } from '@trpc/server'
import { useTranslation } from 'react-i18next'
import { requireRole } from '../.server/auth'
import { toResponse } from '../.server/trpc'
import { TagChip } from '../components/tags'

export const meta: MetaFunction = () => [{ title: 'Voces — Agreement results' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caller } = await requireRole(request, 'facilitator')
  try {
    return { results: await caller.agreement.results({ id: params.id ?? '' }), blind: false as const }
  } catch (error) {
    // A coder who has not finished: say why, and point back to the queue.
    if (error instanceof TRPCError && error.message === 'errors.agreementBlind') return { results: null, blind: true as const }
    return toResponse(error)
  }
}

/** Landis and Koch's (1977) words for ranges of kappa, a common if rough reading. */
function strength(kappa: number): string {
  if (kappa < 0) return 'poor'
  if (kappa <= 0.2) return 'slight'
  if (kappa <= 0.4) return 'fair'
  if (kappa <= 0.6) return 'moderate'
  if (kappa <= 0.8) return 'substantial'
  return 'almostPerfect'
}

const fixed = (value: number) => value.toFixed(2)

export default function AgreementResults() {
  const { t } = useTranslation()
  const { results, blind } = useLoaderData<typeof loader>()
  const { id } = useParams()
  if (blind || !results) {
    return (
      <section className="page narrow">
        <p>
          <Link to="/workspace/agreement">← {t('agreement.back')}</Link>
        </p>
        <h1>{t('agreement.resultsTitleBlind')}</h1>
        <p className="notice">{t('errors.agreementBlind')}</p>
        <p>
          <Link to={`/workspace/agreement/${id}/code`}>{t('agreement.code')}</Link>
        </p>
      </section>
    )
  }
  const tags = new Map(results.tags.map((tag) => [tag.id, tag]))
  const chips = (ids: string[]) =>
    ids.length ? (
      <ul className="tag-list">
        {ids.map((id) => {
          const tag = tags.get(id)
          return <li key={id}>{tag ? <TagChip tag={tag} /> : id}</li>
        })}
      </ul>
    ) : (
      <span>{t('agreement.noTags')}</span>
    )
  const overall = results.overall.kappa
  return (
    <section className="page">
      <p>
        <Link to="/workspace/agreement">← {t('agreement.back')}</Link>
      </p>
      <h1>{t('agreement.resultsTitle', { name: results.sample.name })}</h1>
      <p className="lead">
        {t('agreement.resultsIntro', { items: results.items, size: results.sample.size, a: results.coders.a.name, b: results.coders.b.name })}
      </p>
      <p className="card" data-testid="overall-kappa">
        <strong>{t('agreement.overall')}</strong>{' '}
        {overall === null ? t('agreement.kappaUndefined') : t('agreement.kappaValue', { kappa: fixed(overall), strength: t(`agreement.strength.${strength(overall)}`) })}
      </p>
      <p className="field__help">{t('agreement.kappaHelp')}</p>

      <h2>{t('agreement.perTagTitle')}</h2>
      {results.perTag.length === 0 ? (
        <p className="empty">{t('agreement.nothingYet')}</p>
      ) : (
        <table className="table" data-testid="kappa-table">
          <caption className="visually-hidden">{t('agreement.perTagTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('workspace.tag')}</th>
              <th scope="col">{t('agreement.both')}</th>
              <th scope="col">{t('agreement.onlyA', { name: results.coders.a.name })}</th>
              <th scope="col">{t('agreement.onlyB', { name: results.coders.b.name })}</th>
              <th scope="col">{t('agreement.neither')}</th>
              <th scope="col">{t('agreement.observed')}</th>
              <th scope="col">{t('agreement.kappa')}</th>
            </tr>
          </thead>
          <tbody>
            {results.perTag.map((row) => {
              const tag = tags.get(row.tagId)
              return (
                <tr key={row.tagId}>
                  <th scope="row">{tag ? <TagChip tag={tag} /> : row.tagId}</th>
                  <td>{row.both}</td>
                  <td>{row.onlyA}</td>
                  <td>{row.onlyB}</td>
                  <td>{row.neither}</td>
                  <td>{Math.round(row.observed * 100)}%</td>
                  <td>{row.kappa === null ? '—' : fixed(row.kappa)}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}

      <h2>{t('agreement.disagreementsTitle', { count: results.disagreements.length })}</h2>
      <p className="field__help">{t('agreement.disagreementsHelp')}</p>
      {results.disagreements.length === 0 ? (
        <p className="empty">{t('agreement.noDisagreements')}</p>
      ) : (
        <ul className="card-list" data-testid="disagreements">
          {results.disagreements.map((d) => (
            <li key={d.itemId} className="card">
              <h3>
                <Link to={`/workspace/submissions/${d.itemId}`}>{d.receiptCode}</Link>
              </h3>
              <p className="excerpt" lang={d.language === 'other' ? undefined : d.language}>
                {d.text ? (d.text.length > 280 ? `${d.text.slice(0, 280).trimEnd()}…` : d.text) : t('detail.withdrawn')}
              </p>
              <dl className="meta">
                <dt>{t('agreement.onlyA', { name: results.coders.a.name })}</dt>
                <dd>{chips(d.onlyA)}</dd>
                <dt>{t('agreement.onlyB', { name: results.coders.b.name })}</dt>
                <dd>{chips(d.onlyB)}</dd>
                <dt>{t('agreement.both')}</dt>
                <dd>{chips(d.both)}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
      <p className="field__help">{t('agreement.seedNote', { seed: results.sample.seed })}</p>
    </section>
  )
}
