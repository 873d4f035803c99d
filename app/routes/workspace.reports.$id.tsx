import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { TRPCError } from '@trpc/server'
import { useTranslation } from 'react-i18next'
import { AGENCIES, BUREAUS, LANGUAGES, SETTINGS } from '../../server/schemas/reference'
import { cellLabel, PUBLIC_SUMMARY_MAX, ReportMoveThemeSchema, ReportQuoteReviewSchema, ReportThemeSchema, ReportThemeSummarySchema, ReportUpdateSchema } from '../../server/schemas/report'
import { requireRole } from '../.server/auth'
import { formErrorOf, getCaller, toResponse } from '../.server/trpc'
import { CsrfInput } from '../components/csrf-input'
import { AreaOptions } from '../components/area-options'
import { describedBy, ErrorList, Field } from '../components/field'
import { FormResult, useResultAction } from '../components/form-result'
import { ChangeList } from '../components/report-view'
import { formatDate } from '../components/submission-meta'
import { ChoiceOptions } from '../components/choice-options'
import { readForm } from '../.server/form'

export const meta: MetaFunction = () => [{ title: 'Voces — Edit report' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caller } = await requireRole(request, 'facilitator')
  const [draft, organizations] = await Promise.all([caller.report.draft({ id: params.id ?? '' }), caller.organization.list()]).catch(toResponse)
  const url = new URL(request.url)
  const kinds = [...new Set(organizations.map((o) => o.kind)), 'none'].sort()
  return { draft, kinds, saved: url.searchParams.get('saved'), published: url.searchParams.get('published') }
}

const fields = (form: FormData) => Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string'))

/** One change per post; each procedure audits it. Success redirects back (nothing is posted twice on reload). */
export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request)
  const id = params.id ?? ''
  const caller = await getCaller(request, { form })
  const intent = String(form.get('intent') ?? '')
  const back = (query: string, hash = '') => redirect(`/workspace/reports/${id}?${query}${hash}`)
  const fail = (error: unknown, themeId: string | null = null) => {
    if (error instanceof TRPCError && (error.code === 'UNAUTHORIZED' || error.code === 'NOT_FOUND')) toResponse(error)
    return data({ intent, themeId, error: formErrorOf(error), result: null }, { status: 400 })
  }
  if (intent === 'update') {
    form.set('id', id)
    const submission = parseWithZod(form, { schema: ReportUpdateSchema })
    if (submission.status !== 'success') return data({ intent, themeId: null, error: null, result: submission.reply() }, { status: 400 })
    try {
      await caller.report.update(submission.value)
      return back('saved=settings', '#result')
    } catch (error) {
      if (error instanceof TRPCError && error.code === 'UNAUTHORIZED') toResponse(error)
      return data({ intent, themeId: null, error: null, result: submission.reply({ formErrors: [formErrorOf(error)] }) }, { status: 400 })
    }
  }
  const values: Record<string, unknown> = { ...fields(form), id }
  const themeId = typeof values.themeId === 'string' ? values.themeId : null
  try {
    if (intent === 'add') {
      const input = ReportThemeSchema.safeParse(values)
      if (!input.success) return data({ intent, themeId, error: 'errors.chooseReportTheme', result: null }, { status: 400 })
      await caller.report.addTheme(input.data)
      return back('saved=themes', '#themes')
    }
    if (intent === 'move') {
      const input = ReportMoveThemeSchema.safeParse(values)
      if (!input.success) return data({ intent, themeId, error: 'errors.unexpected', result: null }, { status: 400 })
      await caller.report.moveTheme(input.data)
      return back('saved=themes', '#themes')
    }
    if (intent === 'remove') {
      const input = ReportThemeSchema.safeParse(values)
      if (!input.success) return data({ intent, themeId, error: 'errors.unexpected', result: null }, { status: 400 })
      await caller.report.removeTheme(input.data)
      return back('saved=themes', '#themes')
    }
    if (intent === 'summary') {
      const input = ReportThemeSummarySchema.safeParse(values)
      if (!input.success) return data({ intent, themeId, error: input.error.issues[0]?.message ?? 'errors.unexpected', result: null }, { status: 400 })
      await caller.report.updateTheme(input.data)
      return back(`saved=summary`, `#report-theme-${input.data.themeId}`)
    }
    if (intent === 'reviewQuote') {
      const input = ReportQuoteReviewSchema.safeParse(values)
      if (!input.success) return data({ intent, themeId, error: 'errors.unexpected', result: null }, { status: 400 })
      await caller.report.reviewQuote(input.data)
      return back('saved=review', `#report-theme-${input.data.themeId}`)
    }
    if (intent === 'approveSummary') {
      const input = ReportThemeSchema.safeParse(values)
      if (!input.success) return data({ intent, themeId, error: 'errors.unexpected', result: null }, { status: 400 })
      await caller.theme.approveSummary({ id: input.data.themeId })
      return back('saved=summary', `#report-theme-${input.data.themeId}`)
    }
    if (intent === 'publish') {
      const { version } = await caller.report.publish({ id })
      return back(`published=${version}`, '#result')
    }
  } catch (error) {
    return fail(error, themeId)
  }
  return data({ intent, themeId, error: 'errors.unexpected', result: null }, { status: 400 })
}

export default function ReportBuilder() {
  const { t, i18n } = useTranslation()
  const { draft, kinds, saved, published } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { report, themes, options, versions, threshold, changesSincePublished, warnings } = draft
  const [form, f] = useForm({
    id: 'report-settings',
    lastResult: actionData?.intent === 'update' ? actionData.result : undefined,
    defaultValue: { title: report.title, periodStart: report.periodStart, periodEnd: report.periodEnd, ...report.filters },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReportUpdateSchema }),
    shouldValidate: 'onBlur',
  })
  const errorFor = (intent: string, themeId: string | null = null) => (actionData?.intent === intent && actionData.themeId === themeId && actionData.error ? [actionData.error] : null)
  const nextVersion = report.version + 1
  const resultAction = useResultAction()
  return (
    <section className="page">
      <p>
        <Link to="/workspace/reports">← {t('reports.back')}</Link>
      </p>
      <h1>
        {t('reports.builderTitle')}: {report.title}
      </h1>
      <p>
        <Link to={`/reports/${report.id}?version=0`}>{t('reports.readView')}</Link>
      </p>
      {published ? (
        <FormResult tone="success">{t('reports.publishedNotice', { version: published })}</FormResult>
      ) : saved ? (
        <FormResult tone="success">{t('reports.saved')}</FormResult>
      ) : null}

      {warnings.length ? (
        <section className="notice notice--warning" aria-labelledby="withdrawn-warnings" data-testid="withdrawn-warnings">
          <h2 id="withdrawn-warnings">{t('reports.withdrawnWarningsTitle')}</h2>
          <p>{t('reports.withdrawnWarningsHelp')}</p>
          <ul>
            {warnings.map((w) => (
              <li key={w.id}>
                {t(w.version === 0 ? 'reports.withdrawnWarningDraft' : 'reports.withdrawnWarning', { version: w.version, theme: w.themeTitle ?? '', field: t(`reports.verbatimField.${w.field}`) })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <h2>{t('reports.settings')}</h2>
      <Form method="post" action={resultAction} {...getFormProps(form)} className="stack">
        <CsrfInput />
        <input type="hidden" name="intent" value="update" />
        {/* The schema the browser checks needs the report's id too (issue 14: without it, Save did nothing with JavaScript). */}
        <input type="hidden" name="id" value={report.id} />
        <ErrorList id={form.errorId} errors={form.errors} result token={actionData} />
        <Field id={f.title.id} label={t('reports.fieldTitle')} errors={f.title.errors} required>
          <input {...getInputProps(f.title, { type: 'text' })} maxLength={200} aria-describedby={describedBy(f.title.id, { errors: f.title.errors })} />
        </Field>
        <p className="field__help">{t('reports.periodHelp')}</p>
        <div className="field-row">
          <Field id={f.periodStart.id} label={t('reports.periodStart')} errors={f.periodStart.errors} required>
            <input {...getInputProps(f.periodStart, { type: 'month' })} aria-describedby={describedBy(f.periodStart.id, { errors: f.periodStart.errors })} />
          </Field>
          <Field id={f.periodEnd.id} label={t('reports.periodEnd')} errors={f.periodEnd.errors} required>
            <input {...getInputProps(f.periodEnd, { type: 'month' })} aria-describedby={describedBy(f.periodEnd.id, { errors: f.periodEnd.errors })} />
          </Field>
        </div>
        <fieldset className="field">
          <legend>{t('reports.filters')}</legend>
          <p className="field__help">{t('reports.filtersHelp')}</p>
          <div className="filters filters--plain">
            <Field id={f.bureau.id} label={t('workspace.bureau')} errors={f.bureau.errors}>
              <select {...getSelectProps(f.bureau)}>
                <option value="">{t('reports.any')}</option>
                <ChoiceOptions values={Object.keys(BUREAUS)} prefix="bureau" />
              </select>
            </Field>
            <Field id={f.area.id} label={t('submission.area')} errors={f.area.errors}>
              <select {...getSelectProps(f.area)}>
                <option value="">{t('reports.any')}</option>
                <AreaOptions />
              </select>
            </Field>
            <Field id={f.setting.id} label={t('submission.setting')} errors={f.setting.errors}>
              <select {...getSelectProps(f.setting)}>
                <option value="">{t('reports.any')}</option>
                <ChoiceOptions values={SETTINGS} prefix="setting" />
              </select>
            </Field>
            <Field id={f.agency.id} label={t('workspace.agency')} errors={f.agency.errors}>
              <select {...getSelectProps(f.agency)}>
                <option value="">{t('reports.any')}</option>
                <ChoiceOptions values={AGENCIES} prefix="agency" />
              </select>
            </Field>
            <Field id={f.language.id} label={t('submission.language')} errors={f.language.errors}>
              <select {...getSelectProps(f.language)}>
                <option value="">{t('reports.any')}</option>
                <ChoiceOptions values={LANGUAGES} prefix="language" />
              </select>
            </Field>
            <Field id={f.organizationKind.id} label={t('reports.organizationKind')} errors={f.organizationKind.errors}>
              <select {...getSelectProps(f.organizationKind)}>
                <option value="">{t('reports.any')}</option>
                {kinds.map((k) => (
                  <option key={k} value={k}>
                    {cellLabel(t, 'organizationKinds', k)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        </fieldset>
        <p>
          <button type="submit" className="button">
            {t('reports.save')}
          </button>
        </p>
      </Form>

      <h2 id="themes">{t('reports.themes')}</h2>
      {themes.length === 0 ? <p className="empty">{t('reports.noThemes')}</p> : null}
      <ol className="card-list builder-themes">
        {themes.map((theme, i) => (
          <li key={theme.themeId} className="card" id={`report-theme-${theme.themeId}`} data-testid="builder-theme">
            <h3>
              {i + 1}. {theme.title}
            </h3>
            <p>{t('reports.exactCount', { count: theme.total })}</p>
            <p className="card__meta">
              {t('reports.preview', {
                n: threshold,
                fewer: theme.preview.fewer,
                withheld: theme.preview.withheld,
                breakdowns: theme.preview.breakdownsWithheld,
                shown: theme.preview.quotesShown,
                quotes: theme.quoteCount,
              })}
            </p>
            {theme.preview.quotesHeldBack > 0 ? <p className="field__help">{t('reports.quotesHeldBackHelp', { n: threshold })}</p> : null}
            <ThemeSummary theme={theme} threshold={threshold} errors={errorFor('approveSummary', theme.themeId)} />
            <QuoteChecks theme={theme} threshold={threshold} errors={errorFor('reviewQuote', theme.themeId)} />
            {theme.verbatim.length ? (
              <ul className="notice notice--warning" data-testid="verbatim-warnings">
                {theme.verbatim.map((w) => (
                  <li key={`${w.field}-${w.submissionId}`}>
                    {t('reports.verbatimWarning', { field: t(`reports.verbatimField.${w.field}`), code: w.receiptCode })}{' '}
                    <Link to={`/workspace/submissions/${w.submissionId}`}>{w.receiptCode}</Link>
                  </li>
                ))}
              </ul>
            ) : null}
            <ErrorList errors={errorFor('move', theme.themeId) ?? errorFor('remove', theme.themeId)} />
            <div className="button-row">
              {i > 0 ? <ThemeButton themeId={theme.themeId} intent="move" direction="up" label={t('reports.moveUp')} ariaLabel={t('reports.moveUpLabel', { title: theme.title })} /> : null}
              {i < themes.length - 1 ? <ThemeButton themeId={theme.themeId} intent="move" direction="down" label={t('reports.moveDown')} ariaLabel={t('reports.moveDownLabel', { title: theme.title })} /> : null}
              <ThemeButton themeId={theme.themeId} intent="remove" label={t('reports.remove')} ariaLabel={t('reports.removeLabel', { title: theme.title })} />
            </div>
            <Form method="post" className="stack">
              <CsrfInput />
              <input type="hidden" name="intent" value="summary" />
              <input type="hidden" name="themeId" value={theme.themeId} />
              <p className="field__help" id={`summary-help-${theme.themeId}`}>
                {t('reports.publicSummaryHelp')}
              </p>
              <ErrorList id={`summary-error-${theme.themeId}`} errors={errorFor('summary', theme.themeId)} />
              <div className="field">
                <label htmlFor={`summary-en-${theme.themeId}`}>{t('reports.publicSummaryEn')}</label>
                <textarea id={`summary-en-${theme.themeId}`} name="publicSummaryEn" rows={3} maxLength={PUBLIC_SUMMARY_MAX} defaultValue={theme.publicSummaryEn} lang="en" aria-describedby={`summary-help-${theme.themeId}`} />
              </div>
              <div className="field">
                <label htmlFor={`summary-es-${theme.themeId}`}>{t('reports.publicSummaryEs')}</label>
                <textarea id={`summary-es-${theme.themeId}`} name="publicSummaryEs" rows={3} maxLength={PUBLIC_SUMMARY_MAX} defaultValue={theme.publicSummaryEs} lang="es" aria-describedby={`summary-help-${theme.themeId}`} />
              </div>
              <p>
                <button type="submit" className="button button--secondary">
                  {t('reports.saveSummary')}
                </button>
              </p>
            </Form>
          </li>
        ))}
      </ol>

      <h3>{t('reports.addTheme')}</h3>
      {options.length === 0 ? (
        <p className="empty">{t('reports.noThemeOptions')}</p>
      ) : (
        <Form method="post" className="inline-form">
          <CsrfInput />
          <input type="hidden" name="intent" value="add" />
          <div className={actionData?.intent === 'add' && actionData.error ? 'field field--invalid' : 'field'}>
            <label htmlFor="add-theme">{t('reports.themeToAdd')}</label>
            <select id="add-theme" name="themeId" defaultValue="">
              <option value="">{t('common.chooseOne')}</option>
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {t('reports.memberCount', { title: o.title, count: Number(o.memberCount ?? 0) })}
                </option>
              ))}
            </select>
            <ErrorList errors={actionData?.intent === 'add' && actionData.error ? [actionData.error] : null} />
          </div>
          <button type="submit" className="button button--secondary">
            {t('reports.add')}
          </button>
        </Form>
      )}

      <h2>{t('reports.publishTitle')}</h2>
      {changesSincePublished ? (
        <>
          <h3>{t('reports.changesSince', { version: report.version })}</h3>
          {changesSincePublished.length ? <ChangeList changes={changesSincePublished} /> : <p className="empty">{t('reports.noChanges', { version: report.version })}</p>}
        </>
      ) : null}
      <Form method="post" className="stack narrow">
        <CsrfInput />
        <input type="hidden" name="intent" value="publish" />
        <p className="field__help" id="publish-help">
          {t('reports.publishHelp', { n: threshold, version: nextVersion })}
        </p>
        <ErrorList errors={errorFor('publish')} />
        <p>
          <button type="submit" className="button" aria-describedby="publish-help">
            {t('reports.publish', { version: nextVersion })}
          </button>
        </p>
      </Form>

      {versions.length ? (
        <>
          <h2>{t('reports.versions')}</h2>
          <ul>
            {versions.map((v) => (
              <li key={v.version}>
                <Link to={`/reports/${report.id}?version=${v.version}`}>{t('reports.version', { version: v.version })}</Link> —{' '}
                {t('reports.publishedBy', { version: v.version, date: formatDate(v.publishedAt, i18n.language), name: v.publishedBy ?? '' })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}

type BuilderTheme = ReturnType<typeof useLoaderData<typeof loader>>['draft']['themes'][number]

/** Issue 12 §2: the theme's own summary, whether it may be published, and the button that approves it. */
function ThemeSummary({ theme, threshold, errors }: { theme: BuilderTheme; threshold: number; errors: string[] | null }) {
  const { t } = useTranslation()
  const headingId = `theme-summary-${theme.themeId}`
  return (
    <section aria-labelledby={headingId} className="stack" data-testid="theme-summary">
      <h4 id={headingId}>{t('reports.themeSummaryHeading')}</h4>
      {theme.total < threshold ? <p className="field__help">{t('reports.belowThresholdSummaries', { n: threshold })}</p> : null}
      {theme.summary.trim() === '' ? (
        <p className="empty">{t('reports.summaryNone')}</p>
      ) : (
        <>
          <blockquote className="testimony">{theme.summary}</blockquote>
          {theme.summaryApproved ? (
            <p data-testid="summary-approved">{t('reports.summaryApproved')}</p>
          ) : (
            <>
              <p className={theme.summaryNeedsApproval ? 'notice notice--warning' : 'field__help'} data-testid="summary-draft">
                {t('reports.summaryDraft')} <Link to={`/workspace/themes/${theme.themeId}`}>{t('reports.rewriteSummary')}</Link>
              </p>
              <ErrorList errors={errors} />
              <Form method="post">
                <CsrfInput />
                <input type="hidden" name="intent" value="approveSummary" />
                <input type="hidden" name="themeId" value={theme.themeId} />
                <button type="submit" className="button button--secondary" aria-label={t('reports.approveSummaryLabel', { title: theme.title })}>
                  {t('reports.approveSummary')}
                </button>
              </Form>
            </>
          )}
        </>
      )}
    </section>
  )
}

/** Issue 12 §4: each quote of the theme with its re-identification flags, and the review that lets a flagged one be published. */
function QuoteChecks({ theme, threshold, errors }: { theme: BuilderTheme; threshold: number; errors: string[] | null }) {
  const { t, i18n } = useTranslation()
  if (theme.quotes.length === 0) return null
  const headingId = `quote-checks-${theme.themeId}`
  return (
    <section aria-labelledby={headingId} className="stack" data-testid="quote-checks">
      <h4 id={headingId}>{t('reports.reidHeading')}</h4>
      <p className="field__help">{t('reports.reidHelp', { n: threshold })}</p>
      <ErrorList errors={errors} />
      <ul className="card-list">
        {theme.quotes.map((q, i) => (
          <li key={q.submissionId} className="card" data-testid="quote-check">
            <blockquote className="testimony" lang={q.language === 'other' ? undefined : q.language}>
              {q.text}
            </blockquote>
            {!q.flags?.flagged ? (
              <p>{t('reports.reidClear')}</p>
            ) : (
              <>
                {q.flags.rareTerms.length ? <p>{t('reports.reidRareTerms', { terms: q.flags.rareTerms.map((w) => `“${w}”`).join(', ') })}</p> : null}
                {q.flags.rareCell ? <p>{t('reports.reidRareCell', { count: q.flags.cellCount, n: threshold })}</p> : null}
                {q.review ? (
                  <p data-testid="quote-reviewed">{t('reports.reidReviewed', { name: q.review.by, date: formatDate(q.review.at, i18n.language) })}</p>
                ) : (
                  <>
                    <p className="notice notice--warning">{t('reports.reidHeldBack')}</p>
                    <Form method="post">
                      <CsrfInput />
                      <input type="hidden" name="intent" value="reviewQuote" />
                      <input type="hidden" name="themeId" value={theme.themeId} />
                      <input type="hidden" name="submissionId" value={q.submissionId} />
                      <button type="submit" className="button button--secondary" aria-label={t('reports.reidReviewLabel', { n: i + 1, title: theme.title })}>
                        {t('reports.reidReview')}
                      </button>
                    </Form>
                  </>
                )}
              </>
            )}
            {q.flags?.flagged && q.review && !q.shown ? <p className="field__help">{t('reports.reidOtherRules')}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  )
}

function ThemeButton({ themeId, intent, direction, label, ariaLabel }: { themeId: string; intent: 'move' | 'remove'; direction?: 'up' | 'down'; label: string; ariaLabel: string }) {
  return (
    <Form method="post">
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="themeId" value={themeId} />
      {direction ? <input type="hidden" name="direction" value={direction} /> : null}
      <button type="submit" className="button button--secondary" aria-label={ariaLabel}>
        {label}
      </button>
    </Form>
  )
}
