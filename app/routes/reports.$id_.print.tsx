import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requireRole } from '../.server/auth'
import { exportLocale, versionParam } from '../.server/reports'
import { toResponse } from '../.server/trpc'
import { ReportHeader, ThemeSection } from '../components/report-view'

export const meta: MetaFunction = () => [{ title: 'Voces — Print view' }]

/** A published version laid out for paper: every theme in full, no forms; the site header and footer are hidden when printed. Audited as an export. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, caller } = await requireRole(request, 'commission', 'facilitator')
  const url = new URL(request.url)
  const version = versionParam(url.searchParams.get('version'))
  if (!version) throw new Response(null, { status: 404 })
  const { snapshot } = await caller.report.print({ id: params.id ?? '', version, locale: exportLocale(request, user.locale) }).catch(toResponse)
  return { snapshot }
}

export default function PrintView() {
  const { t } = useTranslation()
  const { snapshot } = useLoaderData<typeof loader>()
  return (
    <article className="page report print-view">
      <p className="no-print">
        <Link to={`/reports/${snapshot.reportId}?version=${snapshot.version}`}>← {t('reports.backToReport')}</Link> · {t('reports.printHelp')}
      </p>
      <h1>{snapshot.title}</h1>
      <ReportHeader snapshot={snapshot} />
      <p className="field__help">{t('reports.suppressionNote', { n: snapshot.threshold })}</p>
      <nav aria-labelledby="contents-heading" className="report-contents">
        <h2 id="contents-heading">{t('reports.contents')}</h2>
        <ol>
          {snapshot.themes.map((theme, i) => (
            <li key={theme.themeId}>
              <a href={`#theme-${i + 1}`}>{theme.title}</a>
            </li>
          ))}
        </ol>
      </nav>
      {snapshot.themes.map((theme, i) => (
        <ThemeSection key={theme.themeId} theme={theme} index={i} threshold={snapshot.threshold} />
      ))}
    </article>
  )
}
