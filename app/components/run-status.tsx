import { useTranslation } from 'react-i18next'
import { RUN_PHASES } from '../../server/schemas/run'

type RunLike = { state: string; phase: string | null; progress: number }

const ACTIVE = new Set(['queued', 'running', 'cancelling', 'interrupted'])

/** A run still has work ahead of it (the page keeps refreshing). */
export function isRunActive(run: { state: string }) {
  return ACTIVE.has(run.state)
}

export function RunStateBadge({ run }: { run: { state: string } }) {
  const { t } = useTranslation()
  return <span className={`status run-state run-state--${run.state}`}>{t(`runs.state.${run.state}`)}</span>
}

/** Phase and percentage of a run: a progress bar, the phase announced politely when it changes. */
export function RunProgress({ run, id }: { run: RunLike; id: string }) {
  const { t } = useTranslation()
  const percent = Math.round(run.progress * 100)
  const phase = run.phase && (RUN_PHASES as readonly string[]).includes(run.phase) ? t(`runs.phase.${run.phase}`) : null
  return (
    <div className="run-progress" data-testid="run-progress">
      <label htmlFor={id}>{t('runs.progressLabel')}</label>
      <progress id={id} max={100} value={run.state === 'queued' ? undefined : percent} aria-describedby={`${id}-text`}>
        {percent}%
      </progress>
      <p id={`${id}-text`} className="run-progress__text">
        <span role="status">{run.state === 'queued' ? t('runs.state.queued') : phase ?? t(`runs.state.${run.state}`)}</span>
        {run.state === 'queued' ? null : <span data-testid="run-percent"> — {t('runs.percent', { percent })}</span>}
      </p>
    </div>
  )
}

type Named = { id: string; name: string }
type TagName = { id: string; nameEn: string; nameEs: string }

/** The filters a run was made with, in words. */
export function RunFilterSummary({ filter, organizations, tags }: { filter: Record<string, unknown>; organizations: Named[]; tags: TagName[] }) {
  const { t, i18n } = useTranslation()
  const parts: string[] = []
  const value = (key: string) => (typeof filter[key] === 'string' ? (filter[key] as string) : null)
  if (value('q')) parts.push(t('runs.filterSearch', { q: value('q') }))
  if (value('status')) parts.push(`${t('submission.status')}: ${t(`status.${value('status')}`)}`)
  if (value('language')) parts.push(`${t('submission.language')}: ${t(`language.${value('language')}`)}`)
  if (value('bureau')) parts.push(`${t('workspace.bureau')}: ${t(`bureau.${value('bureau')}`)}`)
  if (value('area')) parts.push(`${t('submission.area')}: ${t(`area.${value('area')}`)}`)
  if (value('setting')) parts.push(`${t('submission.setting')}: ${t(`setting.${value('setting')}`)}`)
  if (value('agency')) parts.push(`${t('workspace.agency')}: ${t(`agency.${value('agency')}`)}`)
  if (value('organizationId')) parts.push(`${t('workspace.organization')}: ${organizations.find((o) => o.id === value('organizationId'))?.name ?? '—'}`)
  if (value('tagId')) {
    const tag = tags.find((x) => x.id === value('tagId'))
    parts.push(`${t('workspace.tag')}: ${tag ? (i18n.language === 'es' ? tag.nameEs : tag.nameEn) : '—'}`)
  }
  if (value('monthFrom')) parts.push(`${t('workspace.monthFrom')}: ${value('monthFrom')}`)
  if (value('monthTo')) parts.push(`${t('workspace.monthTo')}: ${value('monthTo')}`)
  if (filter.untagged === true) parts.push(t('workspace.untagged'))
  return <>{parts.length ? parts.join(' · ') : t('runs.noFilter')}</>
}
