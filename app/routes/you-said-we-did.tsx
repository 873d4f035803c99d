import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getCaller, toResponse } from '../.server/trpc'
import { formatDate, formatMonth } from '../components/submission-meta'
import { publicCountLine } from '../components/report-view'

export const meta: MetaFunction = () => [
  { title: 'Voces — You said, we did / Ustedes dijeron, nosotros hicimos' },
  { name: 'description', content: 'What community organizations told the Los Angeles Police Commission, and what was done.' },
]

/** Public, no sign-in: published themes (at or above the threshold, with a public summary) and the guidance published in answer. */
export async function loader({ request }: LoaderFunctionArgs) {
  const caller = await getCaller(request)
  return caller.publicPage.list().catch(toResponse)
}

export default function YouSaidWeDid() {
  const { t, i18n } = useTranslation()
  const { reports } = useLoaderData<typeof loader>()
  const lang = i18n.language === 'es' ? 'es' : 'en'
  const other = lang === 'es' ? 'en' : 'es'
  const threshold = reports[0]?.threshold ?? 5
  return (
    <section className="page public-page">
      <h1>{t('publicPage.title')}</h1>
      <p className="lead">{t('publicPage.intro')}</p>
      <p className="field__help">{t('publicPage.note', { n: threshold })}</p>
      {reports.length === 0 ? <p className="empty">{t('publicPage.none')}</p> : null}
      {reports.map((report, r) => (
        <section key={r} aria-labelledby={`report-${r}`} className="public-report">
          <h2 id={`report-${r}`}>{report.title}</h2>
          <p className="card__meta">
            {t('publicPage.reportLine', {
              period: `${formatMonth(report.periodStart, i18n.language)} – ${formatMonth(report.periodEnd, i18n.language)}`,
              version: report.version,
              date: report.publishedAt ? formatDate(report.publishedAt, i18n.language) : '',
            })}
          </p>
          <ul className="card-list">
            {report.themes.map((theme, i) => {
              const summary = theme.publicSummary[lang] || theme.publicSummary[other]
              const summaryLang = theme.publicSummary[lang] ? lang : other
              // Say what the count counts: the report's period and filters.
              const countLine = publicCountLine(t, i18n.language, report, theme.count)
              return (
                <li key={i} className="card" data-testid="public-theme">
                  <h3>{theme.title}</h3>
                  <p className="card__meta" data-testid="public-count">
                    {countLine}
                  </p>
                  {summary ? <p lang={summaryLang}>{summary}</p> : null}
                  <h4>{t('publicPage.whatWasDone')}</h4>
                  {theme.guidance.length === 0 ? (
                    <p className="field__help">{t('publicPage.noGuidance')}</p>
                  ) : (
                    <ul className="guidance-list">
                      {theme.guidance.map((g, j) => {
                        const text = lang === 'es' ? g.textEs || g.textEn : g.textEn || g.textEs
                        const textLang = lang === 'es' && g.textEs ? 'es' : 'en'
                        return (
                          <li key={j} data-testid="public-guidance">
                            <p className="card__meta">{formatDate(`${g.decidedOn}T12:00:00Z`, i18n.language)}</p>
                            <p lang={textLang}>{text}</p>
                            {textLang !== lang ? <p className="field__help">{t('publicPage.onlyEnglish')}</p> : null}
                          </li>
                        )
                      })}
                    </ul>
                  )}
                </li>
              )
            })}
          </ul>
        </section>
      ))}
    </section>
  )
}
