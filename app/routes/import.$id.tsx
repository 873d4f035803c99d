import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation } from '@remix-run/react'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { mappingFromEntries, mappingToEntries } from '../../server/schemas/import'
import { requireRole } from '../.server/auth'
import { formErrorOf, getCaller, toResponse } from '../.server/trpc'
import { CsrfInput } from '../components/csrf-input'
import { ErrorList } from '../components/field'
import { formatMonth } from '../components/submission-meta'
import { readForm } from '../.server/form'

export const meta: MetaFunction = () => [{ title: 'Voces — Import / Importar' }]

const FIELDS = ['text', 'incidentMonth', 'area', 'setting', 'agencies', 'cityResponse', 'guidanceWanted', 'consentQuote', 'consentContact'] as const

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caller } = await requireRole(request, 'submitter', 'facilitator')
  const mapping = mappingFromEntries(new URL(request.url).searchParams)
  const preview = await caller.import.preview({ id: params.id!, mapping }).catch(toResponse)
  return { preview }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request)
  const caller = await getCaller(request, { form })
  try {
    const result = await caller.import.commit({ id: params.id!, mapping: mappingFromEntries(form) ?? {}, skipInvalid: form.get('skipInvalid') === 'on' })
    return redirect(`/import?imported=${result.count}&organization=${encodeURIComponent(result.organizationName)}`)
  } catch (error) {
    return data({ formErrors: [formErrorOf(error)] }, { status: 400 })
  }
}

type Status = { state: 'idle' | 'running' | 'done' | 'failed'; phase?: 'preparing' | 'saving' | 'done'; percent: number; done: number; total: number }

export default function ImportPreview() {
  const { t, i18n } = useTranslation()
  const { preview } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const navigation = useNavigation()
  const commitAction = `/import/${preview.id}`
  const committing = navigation.state !== 'idle' && navigation.formMethod?.toUpperCase() === 'POST' && navigation.formAction === commitAction
  const mappingQuery = new URLSearchParams(mappingToEntries(preview.mapping)).toString()
  const hasErrors = preview.errorRowCount > 0

  // With JavaScript, the commit's real progress: poll the status route while the commit request runs.
  const status = useFetcher<Status>()
  useEffect(() => {
    if (!committing || status.state !== 'idle') return
    const timer = setTimeout(() => status.load(`/import/${preview.id}/status`), 400)
    return () => clearTimeout(timer)
  }, [committing, status.state, status.data, preview.id]) // eslint-disable-line react-hooks/exhaustive-deps
  const progress = committing ? status.data : undefined

  return (
    <section className="page">
      <h1>{t('import.previewTitle')}</h1>
      <p className="lead">
        {t('import.fileSummary', { fileName: preview.fileName, organization: preview.organizationName })} {t('import.rowsInFile', { count: preview.totalRows })}
      </p>
      {preview.encoding === 'windows-1252' ? <p className="notice">{t('import.encodingConverted')}</p> : null}

      <h2 id="mapping-heading">{t('import.mappingHeading')}</h2>
      <p>{t('import.mappingHelp')}</p>
      <Form method="get" action={commitAction} className="stack" aria-labelledby="mapping-heading" key={mappingQuery}>
        <input type="hidden" name="mapped" value="1" />
        <div className="checkbox-grid">
          {FIELDS.map((field) => (
            <div className="field" key={field}>
              <label htmlFor={`map-${field}`}>{t(`import.field.${field}`)}</label>
              <select id={`map-${field}`} name={`map.${field}`} defaultValue={preview.mapping[field] === undefined ? '' : String(preview.mapping[field])}>
                <option value="">{t('import.notInFile')}</option>
                {preview.headers.map((header, index) => (
                  <option key={index} value={index}>
                    {header || `#${index + 1}`}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </div>
        <p className="field__help">{t('import.valuesHelp')}</p>
        <p>
          <button type="submit" className="button button--secondary">
            {t('import.applyMapping')}
          </button>
        </p>
      </Form>

      {preview.mappingError ? (
        <ErrorList id="mapping-error" errors={[preview.mappingError]} />
      ) : (
        <>
          <p role="status" data-testid="import-summary">
            {t('import.summaryValid', { count: preview.validCount })}
            {hasErrors ? ' ' + t('import.summaryErrors', { count: preview.errorRowCount }) : null}
          </p>

          {hasErrors ? (
            <>
              <h2>{t('import.errorsHeading')}</h2>
              <table className="table" data-testid="import-errors">
                <thead>
                  <tr>
                    <th scope="col">{t('import.errorRow')}</th>
                    <th scope="col">{t('import.errorField')}</th>
                    <th scope="col">{t('import.errorMessage')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.errors.map((e, i) => (
                    <tr key={i}>
                      <td>{e.row}</td>
                      <td>{t(`import.field.${e.field}`)}</td>
                      <td>{t(e.message)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {preview.errors.length >= 200 ? <p>{t('import.errorsMore', { shown: preview.errors.length })}</p> : null}
              <p>
                <a href={`/import/${preview.id}/errors.csv?${mappingQuery}`} download>
                  {t('import.downloadErrors')}
                </a>
              </p>
            </>
          ) : null}

          {preview.sample.length > 0 ? (
            <>
              <h2>{t('import.sampleHeading')}</h2>
              <p className="field__help">{t('import.sampleNote')}</p>
              <ul className="card-list">
                {preview.sample.map((row) => (
                  <li key={row.row} className="card">
                    <p className="card__meta">
                      {t('import.errorRow')} {row.row}
                      {row.incidentMonth ? ` · ${formatMonth(row.incidentMonth, i18n.language)}` : ''}
                      {row.area ? ` · ${t(`area.${row.area}`)}` : ''}
                      {row.setting ? ` · ${t(`setting.${row.setting}`)}` : ''}
                      {row.agencies.length ? ` · ${row.agencies.map((a) => t(`agency.${a}`)).join(', ')}` : ''}
                    </p>
                    <p className="card__meta" data-testid="import-permissions">
                      {t('import.permissionsLabel')}: {t(row.consentQuote ? 'import.mayQuote' : 'import.mayNotQuote')}, {t(row.consentContact ? 'import.mayContact' : 'import.mayNotContact')}
                    </p>
                    <p className="excerpt" lang={row.language === 'other' ? undefined : row.language}>
                      {row.text.length > 240 ? row.text.slice(0, 240) + '…' : row.text}
                    </p>
                  </li>
                ))}
              </ul>
            </>
          ) : null}

          <h2>{t('import.commitHeading')}</h2>
          <Form method="post" action={commitAction} className="stack">
            <CsrfInput />
            {mappingToEntries(preview.mapping).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <ErrorList id="commit-error" errors={result?.formErrors} />
            {hasErrors ? (
              <>
                <p className="notice">{t('import.hasErrorsNotice')}</p>
              </>
            ) : null}
            {/* The label says what a click does: with rows in error, the button itself is the choice to leave them out. */}
            <button
              type="submit"
              className="button"
              data-testid="import-commit"
              disabled={committing || preview.validCount === 0}
              {...(hasErrors ? { name: 'skipInvalid', value: 'on' } : {})}
            >
              {committing
                ? t('import.committing')
                : preview.validCount === 0
                  ? t('import.nothingToImport')
                  : hasErrors
                    ? t('import.commitValidOnly', { count: preview.validCount, errors: t('import.errorRows', { count: preview.errorRowCount }) })
                    : t('import.commit', { count: preview.validCount })}
            </button>
            {committing ? (
              <div role="status" data-testid="import-progress">
                <progress max={100} value={progress && progress.state !== 'idle' ? progress.percent : undefined} aria-label={t('import.progressLabel')} />{' '}
                {progress?.phase ? t(`import.phase.${progress.phase}`, { done: progress.done.toLocaleString(i18n.language), total: progress.total.toLocaleString(i18n.language) }) : t('import.committing')}
              </div>
            ) : null}
          </Form>
          <p>
            <Link to="/import">{t('import.startOver')}</Link>
          </p>
        </>
      )}
    </section>
  )
}
