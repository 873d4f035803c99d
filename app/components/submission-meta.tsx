import { useTranslation } from 'react-i18next'

type Meta = {
  language: string
  incidentMonth: string | null
  area: string | null
  setting: string | null
  agencies: string[]
  status: string
}

/** The structured fields of a submission as a definition list. */
export function SubmissionMeta({ submission }: { submission: Meta }) {
  const { t, i18n } = useTranslation()
  const month = submission.incidentMonth ? formatMonth(submission.incidentMonth, i18n.language) : t('common.notGiven')
  return (
    <dl className="meta">
      <dt>{t('submission.status')}</dt>
      <dd>
        <span className={`status status--${submission.status}`}>{t(`status.${submission.status}`)}</span>
      </dd>
      <dt>{t('submission.language')}</dt>
      <dd>{t(`language.${submission.language}`)}</dd>
      <dt>{t('submission.incidentMonth')}</dt>
      <dd>{month}</dd>
      <dt>{t('submission.area')}</dt>
      <dd>{submission.area ? t(`area.${submission.area}`) : t('common.notGiven')}</dd>
      <dt>{t('submission.setting')}</dt>
      <dd>{submission.setting ? t(`setting.${submission.setting}`) : t('common.notGiven')}</dd>
      <dt>{t('submission.agencies')}</dt>
      <dd>{submission.agencies.length ? submission.agencies.map((a) => t(`agency.${a}`)).join(', ') : t('common.notGiven')}</dd>
    </dl>
  )
}

export function formatMonth(yyyyMm: string, locale: string): string {
  const [year, month] = yyyyMm.split('-').map(Number)
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year!, month! - 1, 1)))
}

export function formatDate(value: string | Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'America/Los_Angeles' }).format(new Date(value))
}
