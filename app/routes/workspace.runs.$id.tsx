import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useRevalidator } from '@remix-run/react'
import { TRPCError } from '@trpc/server'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { requireRole } from '../.server/auth'
import { formErrorOf, getCaller, toResponse } from '../.server/trpc'
import { ClusterActions, ClusterHeading, KeyTerms, LanguageMix } from '../components/cluster-parts'
import { CsrfInput } from '../components/csrf-input'
import { ErrorList } from '../components/field'
import { isRunActive, RunFilterSummary, RunProgress, RunStateBadge } from '../components/run-status'
import { formatDate } from '../components/submission-meta'
import { readForm } from '../.server/form'

export const meta: MetaFunction = () => [{ title: 'Voces — Clustering run' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caller } = await requireRole(request, 'facilitator')
  const id = params.id ?? ''
  const run = await caller.run.byId({ id }).catch(toResponse)
  const [clusters, organizations, tags] = await Promise.all([
    run.state === 'succeeded' ? caller.run.clusters({ id }) : Promise.resolve([]),
    caller.organization.list(),
    caller.tag.list(),
  ]).catch(toResponse)
  return data({ run, clusters, organizations, tags }, { headers: { 'Cache-Control': 'no-store' } })
}

/**
 * The run's actions, also posted to from a cluster's page: cancel, re-run, promote a cluster to
 * a theme, split a cluster. Each redirects to what it made; a refusal comes back as a message.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request)
  const caller = await getCaller(request, { form })
  const id = params.id ?? ''
  const intent = String(form.get('intent') ?? '')
  const cluster = Number(form.get('cluster'))
  try {
    if (intent === 'cancel') {
      await caller.run.cancel({ id })
      return redirect(`/workspace/runs/${id}`)
    }
    if (intent === 'rerun') return redirect(`/workspace/runs/${(await caller.run.rerun({ id })).id}`)
    if (intent === 'promote') return redirect(`/workspace/themes/${(await caller.theme.createFromCluster({ runId: id, cluster })).id}?created=1`)
    if (intent === 'split') return redirect(`/workspace/runs/${(await caller.run.split({ id, cluster })).id}`)
    return data({ error: 'errors.unexpected', intent, cluster: null }, { status: 400 })
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'UNAUTHORIZED' || (error.code === 'NOT_FOUND' && intent !== 'promote'))) toResponse(error)
    return data({ error: formErrorOf(error), intent, cluster: Number.isInteger(cluster) ? cluster : null }, { status: 400 })
  }
}

export default function RunPage() {
  const { t, i18n } = useTranslation()
  const { run, clusters, organizations, tags } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const active = isRunActive(run)

  // With JavaScript: reload the run's data every second while it works (without, the meta refresh below).
  const revalidator = useRevalidator()
  useEffect(() => {
    if (!active || revalidator.state !== 'idle') return
    const timer = setTimeout(() => revalidator.revalidate(), 1000)
    return () => clearTimeout(timer)
  }, [active, revalidator, run.progress, run.phase, run.state])

  const runError = actionData?.error && actionData.cluster === null ? actionData.error : null
  const real = clusters.filter((c) => c.cluster >= 0)
  const unclustered = clusters.find((c) => c.cluster < 0)
  return (
    <section className="page">
      {active ? (
        <noscript>
          <meta httpEquiv="refresh" content="2" />
        </noscript>
      ) : null}
      <p>
        <Link to="/workspace/runs">← {t('runs.back')}</Link>
      </p>
      <h1>
        {run.name} <RunStateBadge run={run} />
      </h1>
      {run.parentRunId ? (
        <p>
          {t('runs.splitFrom')}{' '}
          <Link to={`/workspace/runs/${run.parentRunId}/clusters/${run.parentCluster}`}>
            {t('runs.clusterOfRun', { cluster: (run.parentCluster ?? 0) + 1, run: run.parentRunName ?? '' })}
          </Link>
        </p>
      ) : null}
      <ErrorList errors={runError ? [runError] : null} />

      {active ? (
        <div className="stack">
          <RunProgress run={run} id="run-progress" />
          {run.state === 'interrupted' ? <p className="notice">{t('runs.interruptedNotice', { attempt: run.attempts, max: run.maxAttempts })}</p> : null}
          {run.attempts > 1 && run.state === 'running' ? <p className="notice">{t('runs.resumedNotice', { attempt: run.attempts, max: run.maxAttempts })}</p> : null}
          {run.state === 'cancelling' ? null : (
            <Form method="post">
              <CsrfInput />
              <input type="hidden" name="intent" value="cancel" />
              <button type="submit" className="button button--secondary">
                {t('runs.cancel')}
              </button>
            </Form>
          )}
        </div>
      ) : null}
      {run.state === 'failed' ? (
        <div className="notice notice--error" role="alert" data-testid="run-failed">
          <p>{t(run.errorKey ?? 'errors.runFailed')}</p>
          {run.documentCount !== null ? <p>{t('runs.matched', { count: run.documentCount })}</p> : null}
        </div>
      ) : null}
      {run.state === 'cancelled' ? <p className="notice">{t('runs.cancelledNotice')}</p> : null}

      <h2>{t('runs.parameters')}</h2>
      <dl className="meta">
        <dt>{t('runs.filterLegend')}</dt>
        <dd>{run.parentRunId ? t('runs.splitOf') : <RunFilterSummary filter={run.filter as Record<string, unknown>} organizations={organizations} tags={tags} />}</dd>
        <dt>{t('runs.k')}</dt>
        <dd>{run.kRequested ?? t('runs.kAuto')}</dd>
        <dt>{t('runs.seed')}</dt>
        <dd>{run.seed}</dd>
        <dt>{t('runs.documents')}</dt>
        <dd data-testid="run-documents">{run.documentCount ?? '—'}</dd>
        <dt>{t('runs.clustersFound')}</dt>
        <dd>{run.k ?? '—'}</dd>
        {run.engine.unclustered ? (
          <>
            <dt>{t('runs.unclustered')}</dt>
            <dd>{run.engine.unclustered}</dd>
          </>
        ) : null}
        <dt>{t('runs.engine')}</dt>
        <dd>
          {run.engine.version ? t('runs.engineVersion', run.engine.version as Record<string, unknown>) : '—'}
          {run.engine.options ? ` · ${t('runs.engineOptions', run.engine.options as Record<string, unknown>)}` : ''}
        </dd>
        {run.engine.inputDigest ? (
          <>
            <dt>{t('runs.fingerprint')}</dt>
            <dd>
              <code title={run.engine.resultDigest}>{run.engine.inputDigest.slice(0, 12)}</code> · <code>{run.engine.resultDigest?.slice(0, 12)}</code>
            </dd>
          </>
        ) : null}
        {run.engine.timings ? (
          <>
            <dt>{t('runs.timings')}</dt>
            <dd>
              {t('runs.timingsValue', {
                load: ((run.engine.timings.loadMs ?? 0) / 1000).toFixed(1),
                engine: ((run.engine.timings.engineMs ?? 0) / 1000).toFixed(1),
                save: ((run.engine.timings.saveMs ?? 0) / 1000).toFixed(1),
              })}
            </dd>
          </>
        ) : null}
        <dt>{t('runs.started')}</dt>
        <dd>
          {formatDate(run.createdAt, i18n.language)}
          {run.createdByName ? ` · ${run.createdByName}` : ''}
        </dd>
      </dl>
      {!active ? (
        <Form method="post" className="inline-form">
          <CsrfInput />
          <input type="hidden" name="intent" value="rerun" />
          <button type="submit" className="button button--secondary">
            {t('runs.rerun')}
          </button>
          <span className="field__help"> {t('runs.rerunHelp')}</span>
        </Form>
      ) : null}
      {run.sameParameterRuns.length > 0 ? (
        <>
          <h2>{t('runs.compareHeading')}</h2>
          <ul>
            {run.sameParameterRuns.map((other) => (
              <li key={other.id}>
                <Link to={`/workspace/runs/${other.id}`}>{other.name}</Link> ({formatDate(other.createdAt, i18n.language)}) —{' '}
                {other.sameResult === null ? t(`runs.state.${other.status}`) : other.sameResult ? t('runs.sameResult') : t('runs.differentResult')}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {run.state === 'succeeded' ? (
        <>
          <h2>{t('runs.resultsHeading', { count: real.length })}</h2>
          <p className="field__help">{t('runs.resultsHelp')}</p>
          <ul className="card-list" data-testid="clusters">
            {real.map((c) => (
              <li key={c.cluster} className="card cluster" data-testid="cluster">
                <ClusterHeading runId={run.id} cluster={c} level={3} />
                <KeyTerms keyTerms={c.keyTerms} mix={c.languageMix} />
                <LanguageMix mix={c.languageMix} />
                {c.topTags.length ? (
                  <p className="card__meta">
                    {t('runs.topTags')}: {c.topTags.map((tag) => `${i18n.language === 'es' ? tag.nameEs : tag.nameEn} (${tag.count})`).join(', ')}
                  </p>
                ) : null}
                {c.summary ? (
                  <>
                    <h4 className="cluster__subheading">{t('runs.draftSummary')}</h4>
                    <p className="cluster__summary">{c.summary}</p>
                  </>
                ) : null}
                <h4 className="cluster__subheading">{t('runs.representatives')}</h4>
                <ul className="plain-list representatives">
                  {c.representatives.map((r) => (
                    <li key={r.id}>
                      <Link to={`/workspace/submissions/${r.id}`} lang={r.language === 'other' ? undefined : r.language}>
                        {r.text ?? t('detail.withdrawn')}
                      </Link>
                    </li>
                  ))}
                </ul>
                <ClusterActions runId={run.id} cluster={c} error={actionData?.cluster === c.cluster ? actionData.error : null} />
              </li>
            ))}
          </ul>
          {unclustered ? (
            <p>
              <Link to={`/workspace/runs/${run.id}/clusters/-1`}>{t('runs.unclusteredLink', { count: unclustered.size })}</Link>
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  )
}
