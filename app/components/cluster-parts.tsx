import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CsrfInput } from './csrf-input'
import { ErrorList } from './field'

type Cluster = {
  cluster: number
  size: number
  keyTerms: { lang: string; terms: string[] }[]
  themes: { id: string; title: string; status: string; mergedIntoId: string | null }[]
}

export function ClusterHeading({ runId, cluster, level }: { runId: string; cluster: Pick<Cluster, 'cluster' | 'size'>; level: 2 | 3 }) {
  const { t } = useTranslation()
  const Heading = level === 2 ? 'h2' : 'h3'
  return (
    <Heading className="cluster__heading">
      <Link to={`/workspace/runs/${runId}/clusters/${cluster.cluster}`}>{t('runs.clusterTitle', { cluster: cluster.cluster + 1 })}</Link>
      <span className="badge">{t('runs.size', { count: cluster.size })}</span>
    </Heading>
  )
}

/**
 * Key terms as people wrote them, only for the languages of the cluster's
 * testimony (a language with none gets no heading), each with its count.
 */
export function keyTermsShown(keyTerms: { lang: string; terms: string[] }[], mix: Record<string, number>) {
  return keyTerms.filter((k) => k.terms.length > 0 && (mix[k.lang] ?? 0) > 0).map((k) => ({ ...k, count: mix[k.lang]! }))
}

export function KeyTerms({ keyTerms, mix }: { keyTerms: { lang: string; terms: string[] }[]; mix: Record<string, number> }) {
  const { t } = useTranslation()
  const shown = keyTermsShown(keyTerms, mix)
  if (shown.length === 0) return null
  return (
    <dl className="key-terms">
      {shown.map((k) => (
        <div key={k.lang}>
          <dt>{t('runs.keyTerms', { language: t(`language.${k.lang}`), count: k.count })}</dt>
          <dd lang={k.lang}>{k.terms.join(', ')}</dd>
        </div>
      ))}
    </dl>
  )
}

export function LanguageMix({ mix }: { mix: Record<string, number> }) {
  const { t } = useTranslation()
  const parts = Object.entries(mix)
    .filter(([, n]) => n > 0)
    .map(([lang, n]) => `${t(`language.${lang}`)} ${n}`)
  return (
    <p className="card__meta">
      {t('runs.languageMix')}: {parts.join(' · ') || '—'}
    </p>
  )
}

/** Promote (or open the theme made from it) and split, posted to the run page's action. */
export function ClusterActions({ runId, cluster, error }: { runId: string; cluster: Cluster; error: string | null }) {
  const { t } = useTranslation()
  const name = t('runs.clusterTitle', { cluster: cluster.cluster + 1 })
  const action = `/workspace/runs/${runId}`
  return (
    <div className="cluster__actions">
      {cluster.themes.length ? (
        <p>
          {t('runs.promotedTo')}{' '}
          {cluster.themes.map((theme, i) => (
            <span key={theme.id}>
              {i > 0 ? ', ' : ''}
              <Link to={`/workspace/themes/${theme.mergedIntoId ?? theme.id}`}>{theme.title}</Link>
              {theme.status === 'merged' ? ` (${t('themes.status.merged')})` : ''}
            </span>
          ))}
        </p>
      ) : (
        <Form method="post" action={action}>
          <CsrfInput />
          <input type="hidden" name="intent" value="promote" />
          <input type="hidden" name="cluster" value={cluster.cluster} />
          <button type="submit" className="button" aria-label={t('runs.promoteLabel', { name })}>
            {t('runs.promote')}
          </button>
        </Form>
      )}
      {cluster.size >= 4 ? (
        <Form method="post" action={action}>
          <CsrfInput />
          <input type="hidden" name="intent" value="split" />
          <input type="hidden" name="cluster" value={cluster.cluster} />
          <button type="submit" className="button button--secondary" aria-label={t('runs.splitLabel', { name })}>
            {t('runs.split')}
          </button>
        </Form>
      ) : null}
      <ErrorList errors={error ? [error] : null} />
    </div>
  )
}
