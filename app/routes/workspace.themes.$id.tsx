import { getFormProps, getInputProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { TRPCError } from '@trpc/server'
import { useTranslation } from 'react-i18next'
import {
  ThemeMergeSchema,
  ThemeMoveSchema,
  ThemeQuoteAddSchema,
  ThemeQuoteIdSchema,
  ThemeQuoteMoveSchema,
  ThemeQuoteTranslationSchema,
  ThemeRemoveMembersSchema,
  ThemeUpdateSchema,
} from '../../server/schemas/theme'
import { requireRole } from '../.server/auth'
import { formErrorOf, getCaller, toResponse } from '../.server/trpc'
import { CsrfInput } from '../components/csrf-input'
import { describedBy, ErrorList, Field } from '../components/field'
import { Pagination } from '../components/pagination'
import { formatDate } from '../components/submission-meta'
import { readForm } from '../.server/form'

export const meta: MetaFunction = () => [{ title: 'Voces — Theme' }]

const pageParam = (url: URL, name: string) => {
  const value = Number(url.searchParams.get(name) ?? '1')
  return Number.isInteger(value) && value >= 1 ? Math.min(value, 100_000) : 1
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caller } = await requireRole(request, 'facilitator')
  const id = params.id ?? ''
  const url = new URL(request.url)
  const [theme, members, quotable, history, themes] = await Promise.all([
    caller.theme.byId({ id }),
    caller.theme.members({ id, page: pageParam(url, 'page'), pageSize: 25 }),
    caller.theme.quotable({ id, page: pageParam(url, 'qpage'), pageSize: 10 }),
    caller.theme.history({ id }),
    caller.theme.list({ status: 'active' }),
  ]).catch(toResponse)
  const done = url.searchParams.get('done')
  return data(
    {
      theme,
      members,
      quotable,
      history,
      others: themes.filter((t) => t.id !== id),
      done: done && /^[a-zA-Z]+$/.test(done) ? done : url.searchParams.has('created') ? 'created' : null,
    },
    { headers: { 'Cache-Control': 'no-store' } },
  )
}

const fields = (form: FormData) => Object.fromEntries([...form.keys()].map((k) => [k, form.getAll(k).length > 1 || k.endsWith('Ids') ? form.getAll(k) : form.get(k)]))

/** Every edit of the theme, one intent per form; each is audited by its procedure. */
export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request)
  const caller = await getCaller(request, { form })
  const id = params.id ?? ''
  const intent = String(form.get('intent') ?? '')
  const values = fields(form)
  const back = (done: string, target = id) => {
    const url = new URL(request.url)
    url.searchParams.delete('created')
    url.searchParams.set('done', done)
    return redirect(target === id ? `${url.pathname}?${url.searchParams}` : `/workspace/themes/${target}?done=${done}`)
  }
  const refuse = (error: string, quoteId: string | null = null) => data({ intent, error, quoteId, result: null }, { status: 400 })
  try {
    switch (intent) {
      case 'update': {
        const submission = parseWithZod(form, { schema: ThemeUpdateSchema })
        if (submission.status !== 'success') return data({ intent, error: null, quoteId: null, result: submission.reply() }, { status: 400 })
        await caller.theme.update(submission.value)
        return back('update')
      }
      case 'addQuote': {
        const input = ThemeQuoteAddSchema.safeParse({ themeId: id, submissionId: values.submissionId })
        if (!input.success) return refuse('errors.notFound')
        await caller.theme.addQuote(input.data)
        return back('addQuote')
      }
      case 'translateQuote': {
        const input = ThemeQuoteTranslationSchema.safeParse(values)
        if (!input.success) return refuse(input.error.issues[0]?.message ?? 'errors.required', typeof values.quoteId === 'string' ? values.quoteId : null)
        await caller.theme.translateQuote(input.data)
        return back('translateQuote')
      }
      case 'removeQuote': {
        const input = ThemeQuoteIdSchema.safeParse(values)
        if (!input.success) return refuse('errors.notFound')
        await caller.theme.removeQuote(input.data)
        return back('removeQuote')
      }
      case 'moveQuote': {
        const input = ThemeQuoteMoveSchema.safeParse(values)
        if (!input.success) return refuse('errors.notFound')
        await caller.theme.moveQuote(input.data)
        return back('moveQuote')
      }
      case 'move': {
        const input = ThemeMoveSchema.safeParse({ fromThemeId: id, toThemeId: values.toThemeId || undefined, submissionIds: values.submissionIds })
        if (!input.success) return refuse(input.error.issues[0]?.message ?? 'errors.themeChooseMembers')
        await caller.theme.moveMembers(input.data)
        return back('move')
      }
      case 'remove': {
        const input = ThemeRemoveMembersSchema.safeParse({ themeId: id, submissionIds: values.submissionIds })
        if (!input.success) return refuse(input.error.issues[0]?.message ?? 'errors.themeChooseMembers')
        await caller.theme.removeMembers(input.data)
        return back('remove')
      }
      case 'merge': {
        const input = ThemeMergeSchema.safeParse({ targetId: id, sourceIds: values.sourceIds })
        if (!input.success) return refuse(input.error.issues[0]?.message ?? 'errors.themeChooseMerge')
        await caller.theme.merge(input.data)
        return back('merge')
      }
      case 'archive': {
        await caller.theme.archive({ id })
        return back('archive')
      }
      default:
        return refuse('errors.unexpected')
    }
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'UNAUTHORIZED') toResponse(error)
    return refuse(formErrorOf(error), typeof values.quoteId === 'string' ? values.quoteId : null)
  }
}

type HistoryEntry = { id: string; at: Date | string; action: string; details: Record<string, unknown>; actorName: string | null }

export default function ThemePage() {
  const { t, i18n } = useTranslation()
  const { theme, members, quotable, history, others, done } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const editable = theme.status === 'active'
  const errorFor = (intent: string) => (actionData?.intent === intent && actionData.error ? [actionData.error] : null)
  const [form, formFields] = useForm({
    id: `theme-${theme.id}`,
    lastResult: actionData?.intent === 'update' ? actionData.result : undefined,
    defaultValue: { id: theme.id, title: theme.title, summary: theme.summary },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ThemeUpdateSchema }),
    shouldValidate: 'onBlur',
  })
  const es = i18n.language === 'es'
  const titleOf = (id: string | null) => others.find((o) => o.id === id)?.title
  return (
    <section className="page">
      <p>
        <Link to="/workspace/themes">← {t('themes.back')}</Link>
      </p>
      <h1>
        {theme.title} <span className={`status theme-status--${theme.status}`}>{t(`themes.status.${theme.status}`)}</span>
      </h1>
      <p className="card__meta">
        {t('themes.memberCount', { count: theme.memberCount })} · {t('themes.createdBy', { name: theme.createdByName ?? '—', date: formatDate(theme.createdAt, i18n.language) })}
      </p>
      {done ? (
        <p className="notice notice--success" role="status" data-testid="theme-done">
          {t(`themes.done.${done}`)}
        </p>
      ) : null}
      {theme.mergedIntoId ? (
        <p className="notice">
          {t('themes.mergedNotice')} <Link to={`/workspace/themes/${theme.mergedIntoId}`}>{theme.mergedIntoTitle}</Link>
        </p>
      ) : null}
      {theme.status === 'archived' ? <p className="notice">{t('themes.archivedNotice')}</p> : null}

      <h2 id="summary-heading">{t('themes.summaryHeading')}</h2>
      {editable ? (
        <Form method="post" {...getFormProps(form)} className="stack" aria-labelledby="summary-heading">
          <CsrfInput />
          <input type="hidden" name="intent" value="update" />
          <input type="hidden" name="id" value={theme.id} />
          <ErrorList id={form.errorId} errors={form.errors} />
          <Field id={formFields.title.id} label={t('themes.themeTitle')} errors={formFields.title.errors} required>
            <input
              {...getInputProps(formFields.title, { type: 'text' })}
              maxLength={200}
              aria-describedby={describedBy(formFields.title.id, { errors: formFields.title.errors })}
            />
          </Field>
          <Field id={formFields.summary.id} label={t('themes.summary')} help={t('themes.summaryHelp')} errors={formFields.summary.errors}>
            <textarea
              {...getTextareaProps(formFields.summary)}
              rows={6}
              maxLength={5000}
              aria-describedby={describedBy(formFields.summary.id, { help: true, errors: formFields.summary.errors })}
            />
          </Field>
          <p>
            <button type="submit" className="button">
              {t('themes.save')}
            </button>
          </p>
        </Form>
      ) : (
        <p className="cluster__summary">{theme.summary || t('themes.noSummary')}</p>
      )}

      <h2>{t('themes.sourcesHeading')}</h2>
      <ul data-testid="theme-sources">
        {theme.sources.map((s) => (
          <li key={s.id}>
            {s.kind === 'cluster' && s.runId ? (
              <>
                {t('themes.source.cluster', { count: s.memberCount })}{' '}
                <Link to={`/workspace/runs/${s.runId}/clusters/${s.cluster}`}>{t('runs.clusterOfRun', { cluster: (s.cluster ?? 0) + 1, run: s.runName ?? '' })}</Link>
              </>
            ) : s.kind === 'tag' ? (
              t('themes.source.tag', { count: s.memberCount, tag: (es ? s.tagNameEs : s.tagNameEn) ?? '—' })
            ) : s.kind === 'theme' && s.sourceThemeId ? (
              <>
                {t('themes.source.theme', { count: s.memberCount })} <Link to={`/workspace/themes/${s.sourceThemeId}`}>{s.sourceThemeTitle}</Link>
              </>
            ) : s.sourceThemeId ? (
              <>
                {t('themes.source.moved', { count: s.memberCount })} <Link to={`/workspace/themes/${s.sourceThemeId}`}>{s.sourceThemeTitle}</Link>
              </>
            ) : (
              t('themes.source.manual', { count: s.memberCount })
            )}
            <span className="card__meta">
              {' '}
              · {formatDate(s.createdAt, i18n.language)}
              {s.createdByName ? ` · ${s.createdByName}` : ''}
            </span>
          </li>
        ))}
      </ul>

      <h2>{t('themes.quotesHeading')}</h2>
      <p className="field__help">{t('themes.quotesHelp')}</p>
      <ErrorList errors={actionData?.quoteId ? null : errorFor('removeQuote') ?? errorFor('moveQuote')} />
      {theme.quotes.length === 0 ? (
        <p className="empty">{t('themes.noQuotes')}</p>
      ) : (
        <ol className="card-list quotes" data-testid="theme-quotes">
          {theme.quotes.map((q, index) => (
            <li key={q.id} className="card quote" data-testid="theme-quote">
              <p className="card__meta">
                <Link to={`/workspace/submissions/${q.submissionId}`}>{q.receiptCode}</Link> · {t('themes.original', { language: t(`language.${q.language}`) })}
              </p>
              {q.stillQuotable ? (
                <>
                  <div className="quote__pair">
                    <blockquote className="testimony" lang={q.language === 'other' ? undefined : q.language}>
                      {q.text}
                    </blockquote>
                    <div className="quote__translation">
                      <p className="quote__label" id={`quote-${q.id}-label`}>
                        {q.translation
                          ? q.translationKind === 'human'
                            ? t('themes.humanTranslation', { language: t(`language.${q.translationLang}`) })
                            : t('themes.machineTranslation', { language: t(`language.${q.translationLang}`) })
                          : t('themes.noTranslation')}
                      </p>
                      {q.translation ? (
                        <blockquote className="testimony testimony--translation" lang={q.translationLang ?? undefined} aria-labelledby={`quote-${q.id}-label`}>
                          {q.translation}
                        </blockquote>
                      ) : null}
                    </div>
                  </div>
                  {editable ? (
                    <details className="quote__edit" open={actionData?.quoteId === q.id}>
                      <summary>{q.translation ? t('themes.correctTranslation') : t('themes.addTranslation')}</summary>
                      <Form method="post" className="stack">
                        <CsrfInput />
                        <input type="hidden" name="intent" value="translateQuote" />
                        <input type="hidden" name="quoteId" value={q.id} />
                        <div className={actionData?.quoteId === q.id ? 'field field--invalid' : 'field'}>
                          <label htmlFor={`translation-${q.id}`}>
                            {t('themes.translationField', { language: t(`language.${q.translationLang ?? (q.language === 'en' ? 'es' : 'en')}`) })}
                          </label>
                          <textarea
                            id={`translation-${q.id}`}
                            name="translation"
                            rows={4}
                            defaultValue={q.translation ?? ''}
                            lang={q.translationLang ?? undefined}
                            aria-invalid={actionData?.quoteId === q.id ? true : undefined}
                            aria-describedby={actionData?.quoteId === q.id ? `translation-${q.id}-error` : undefined}
                          />
                          <ErrorList id={`translation-${q.id}-error`} errors={actionData?.quoteId === q.id && actionData.error ? [actionData.error] : null} />
                        </div>
                        <p>
                          <button type="submit" className="button button--secondary">
                            {t('themes.saveTranslation')}
                          </button>
                        </p>
                      </Form>
                    </details>
                  ) : null}
                </>
              ) : (
                <p className="notice">{t('themes.quoteLapsed')}</p>
              )}
              {editable ? (
                <div className="inline-actions">
                  {index > 0 ? (
                    <QuoteButton quoteId={q.id} intent="moveQuote" direction="up" label={t('themes.quoteUp')} ariaLabel={t('themes.quoteUpLabel', { n: index + 1 })} />
                  ) : null}
                  {index < theme.quotes.length - 1 ? (
                    <QuoteButton quoteId={q.id} intent="moveQuote" direction="down" label={t('themes.quoteDown')} ariaLabel={t('themes.quoteDownLabel', { n: index + 1 })} />
                  ) : null}
                  <QuoteButton quoteId={q.id} intent="removeQuote" label={t('themes.quoteRemove')} ariaLabel={t('themes.quoteRemoveLabel', { n: index + 1 })} />
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}

      {editable ? (
        <>
          <h3 id="picker-heading">{t('themes.pickerHeading')}</h3>
          <p className="field__help">{t('themes.pickerHelp', { count: quotable.total })}</p>
          <ErrorList errors={errorFor('addQuote')} />
          {quotable.items.length === 0 ? (
            <p className="empty">{t('themes.pickerEmpty')}</p>
          ) : (
            <ul className="card-list" aria-labelledby="picker-heading" data-testid="quote-picker">
              {quotable.items.map((s) => (
                <li key={s.id} className="card">
                  <p className="excerpt" lang={s.language === 'other' ? undefined : s.language}>
                    {s.text && s.text.length > 400 ? s.text.slice(0, 400) + '…' : s.text}
                  </p>
                  <Form method="post" className="inline-form">
                    <CsrfInput />
                    <input type="hidden" name="intent" value="addQuote" />
                    <input type="hidden" name="submissionId" value={s.id} />
                    <button type="submit" className="button button--secondary" aria-label={t('themes.useAsQuoteLabel', { code: s.receiptCode })}>
                      {t('themes.useAsQuote')}
                    </button>
                    <span className="card__meta"> {s.receiptCode}</span>
                  </Form>
                </li>
              ))}
            </ul>
          )}
          <Pagination page={quotable.page} pageCount={quotable.pageCount} param="qpage" label={t('themes.pickerHeading')} />
        </>
      ) : null}

      <h2 id="members-heading">{t('themes.membersHeading', { count: members.total })}</h2>
      <Form method="post" className="stack" aria-labelledby="members-heading">
        <CsrfInput />
        <table className="table" data-testid="theme-members">
          <caption className="visually-hidden">{t('themes.membersCaption')}</caption>
          <thead>
            <tr>
              {editable ? (
                <th scope="col">
                  <span className="visually-hidden">{t('themes.select')}</span>
                </th>
              ) : null}
              <th scope="col">{t('workspace.testimony')}</th>
              <th scope="col">{t('submission.language')}</th>
              <th scope="col">{t('runs.mayQuote')}</th>
            </tr>
          </thead>
          <tbody>
            {members.items.map((m) => (
              <tr key={m.id}>
                {editable ? (
                  <td>
                    <input type="checkbox" name="submissionIds" value={m.id} id={`member-${m.id}`} aria-label={t('themes.selectMember', { code: m.receiptCode })} />
                  </td>
                ) : null}
                <td>
                  <Link to={`/workspace/submissions/${m.id}`} lang={m.language === 'other' ? undefined : m.language}>
                    {m.text ? (m.text.length > 200 ? m.text.slice(0, 200) + '…' : m.text) : t('detail.withdrawn')}
                  </Link>
                  <span className="card__meta"> · {m.receiptCode}</span>
                  {m.quoted ? <span className="badge">{t('themes.quoted')}</span> : null}
                </td>
                <td>{t(`language.${m.language}`)}</td>
                <td>{m.consentQuote ? t('common.yes') : t('common.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {editable && members.items.length > 0 ? (
          <div className="member-actions">
            <ErrorList errors={errorFor('move') ?? errorFor('remove')} />
            <div className="field">
              <label htmlFor="move-to">{t('themes.moveTo')}</label>
              <select id="move-to" name="toThemeId" defaultValue="">
                <option value="">{t('common.chooseOne')}</option>
                {others.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.title}
                  </option>
                ))}
              </select>
            </div>
            <p className="inline-actions">
              <button type="submit" name="intent" value="move" className="button button--secondary">
                {t('themes.move')}
              </button>
              <button type="submit" name="intent" value="remove" className="button button--secondary">
                {t('themes.remove')}
              </button>
            </p>
          </div>
        ) : null}
      </Form>
      <Pagination page={members.page} pageCount={members.pageCount} label={t('themes.membersCaption')} />

      {editable ? (
        <>
          <h2 id="merge-heading">{t('themes.mergeHeading')}</h2>
          {others.length === 0 ? (
            <p className="empty">{t('themes.mergeNone')}</p>
          ) : (
            <Form method="post" className="stack">
              <CsrfInput />
              <input type="hidden" name="intent" value="merge" />
              <fieldset className="field">
                <legend>{t('themes.mergeLegend')}</legend>
                <p className="field__help">{t('themes.mergeHelp')}</p>
                {others.map((o) => (
                  <label key={o.id} className="checkbox">
                    <input type="checkbox" name="sourceIds" value={o.id} />
                    {o.title} ({t('themes.memberCount', { count: o.memberCount })})
                  </label>
                ))}
                <ErrorList errors={errorFor('merge')} />
              </fieldset>
              <p>
                <button type="submit" className="button button--secondary">
                  {t('themes.merge')}
                </button>
              </p>
            </Form>
          )}

          <h2>{t('themes.archiveHeading')}</h2>
          <Form method="post" className="inline-form">
            <CsrfInput />
            <input type="hidden" name="intent" value="archive" />
            <button type="submit" className="button button--secondary">
              {t('themes.archive')}
            </button>
            <span className="field__help"> {t('themes.archiveHelp')}</span>
          </Form>
          <ErrorList errors={errorFor('archive')} />
        </>
      ) : null}

      <h2>{t('themes.historyHeading')}</h2>
      <table className="table" data-testid="theme-history">
        <caption className="visually-hidden">{t('themes.historyHeading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.when')}</th>
            <th scope="col">{t('admin.who')}</th>
            <th scope="col">{t('admin.what')}</th>
          </tr>
        </thead>
        <tbody>
          {(history as HistoryEntry[]).map((entry) => (
            <tr key={entry.id}>
              <td>{formatDateTime(entry.at, i18n.language)}</td>
              <td>{entry.actorName ?? '—'}</td>
              <td>
                {t(`themes.actions.${entry.action.replace(/^theme\./, '')}`, historyValues(entry.details, titleOf))} <code className="card__meta">{entry.action}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

function formatDateTime(value: Date | string, locale: string) {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value))
}

/** Values the history sentences may use. */
function historyValues(details: Record<string, unknown>, titleOf: (id: string | null) => string | undefined) {
  const count = (key: string) => (typeof details[key] === 'number' ? (details[key] as number) : Array.isArray(details[key]) ? (details[key] as unknown[]).length : 0)
  return {
    count: count('count') || count('members') || count('sourceIds'),
    titles: Array.isArray(details.sourceTitles) ? (details.sourceTitles as string[]).join(', ') : '',
    target: typeof details.targetTitle === 'string' ? details.targetTitle : titleOf(typeof details.targetId === 'string' ? details.targetId : null) ?? '',
    fields: Array.isArray(details.fields) ? (details.fields as string[]).join(', ') : '',
    added: count('membersAdded'),
  }
}

function QuoteButton({ quoteId, intent, direction, label, ariaLabel }: { quoteId: string; intent: string; direction?: 'up' | 'down'; label: string; ariaLabel: string }) {
  return (
    <Form method="post">
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="quoteId" value={quoteId} />
      {direction ? <input type="hidden" name="direction" value={direction} /> : null}
      <button type="submit" className="button button--secondary" aria-label={ariaLabel}>
        {label}
      </button>
    </Form>
  )
}
