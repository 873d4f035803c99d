import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { TRPCError } from '@trpc/server'
import { useTranslation } from 'react-i18next'
import type { CommentThread } from '../../server/services/report'
import { COMMENT_MAX, ReportCommentSchema, ReportReplySchema } from '../../server/schemas/report'
import { requireRole } from '../.server/auth'
import { versionParam } from '../.server/reports'
import { formErrorOf, getCaller, toResponse } from '../.server/trpc'
import { CsrfInput } from '../components/csrf-input'
import { ErrorList } from '../components/field'
import { ChangeList, ReportHeader, ThemeSection } from '../components/report-view'
import { formatDate } from '../components/submission-meta'
import { readForm } from '../.server/form'

export const meta: MetaFunction = () => [{ title: 'Voces — Theme report' }]

function requestedVersion(url: URL): number | undefined {
  const value = url.searchParams.get('version')
  return value === 'draft' ? 0 : versionParam(value)
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, caller } = await requireRole(request, 'commission', 'facilitator')
  const url = new URL(request.url)
  const view = await caller.report.view({ id: params.id ?? '', version: requestedVersion(url) }).catch(toResponse)
  return { view, role: user.role, commented: url.searchParams.has('commented') }
}

/** A comment on a theme (commission staff) or a reply (both roles); back to the same version. */
export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request)
  const id = params.id ?? ''
  const caller = await getCaller(request, { form })
  const intent = form.get('intent')
  const shown = String(form.get('shown') ?? '')
  const key = String(form.get(intent === 'reply' ? 'commentId' : 'themeId') ?? '')
  const body = form.get('body') ?? ''
  const back = (themeId: string) => redirect(`/reports/${id}?${shown ? `version=${encodeURIComponent(shown)}&` : ''}commented=1#comments-${themeId}`)
  try {
    if (intent === 'comment') {
      const input = ReportCommentSchema.safeParse({ id, themeId: key, version: Number(form.get('version') ?? 0) || 0, body })
      if (!input.success) return data({ intent, key, error: input.error.issues[0]?.message ?? 'errors.required' }, { status: 400 })
      await caller.report.comment(input.data)
      return back(input.data.themeId)
    }
    if (intent === 'reply') {
      const input = ReportReplySchema.safeParse({ commentId: key, body })
      if (!input.success) return data({ intent, key, error: input.error.issues[0]?.message ?? 'errors.required' }, { status: 400 })
      await caller.report.reply(input.data)
      return back(String(form.get('themeId') ?? ''))
    }
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'UNAUTHORIZED' || error.code === 'NOT_FOUND')) toResponse(error)
    return data({ intent, key, error: formErrorOf(error) }, { status: 400 })
  }
  return data({ intent, key, error: 'errors.unexpected' }, { status: 400 })
}

export default function ReportRead() {
  const { t, i18n } = useTranslation()
  const { view, role, commented } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { report, snapshot, versions, isDraft, changes, previousVersion, commentsByTheme, guidanceSince } = view
  const shown = isDraft ? 'draft' : String(snapshot.version)
  const errorFor = (intent: string, key: string) => (actionData?.intent === intent && actionData.key === key && actionData.error ? [actionData.error] : null)
  return (
    <section className="page report">
      <h1>{snapshot.title}</h1>
      <ReportHeader snapshot={snapshot} />
      {isDraft ? (
        <p className="notice" role="note">
          {t('reports.draftNotice')}
        </p>
      ) : null}
      {commented ? (
        <p className="notice notice--success" role="status">
          {t('reports.commented')}
        </p>
      ) : null}
      <p className="field__help">{t('reports.suppressionNote', { n: snapshot.threshold })}</p>

      <div className="report-tools">
        <Form method="get" className="inline-form" aria-label={t('reports.versions')}>
          <div className="field">
            <label htmlFor="version">{t('reports.versionToRead')}</label>
            <select id="version" name="version" defaultValue={shown}>
              {versions.map((v) => (
                <option key={v.version} value={v.version}>
                  {t('reports.version', { version: v.version })} — {formatDate(v.publishedAt, i18n.language)}
                </option>
              ))}
              <option value="draft">{t('reports.draft')}</option>
            </select>
          </div>
          <button type="submit" className="button button--secondary">
            {t('reports.show')}
          </button>
        </Form>
        <div>
          <h2 className="h-small">{t('reports.exports')}</h2>
          {isDraft ? (
            <p className="field__help">{t('reports.draftNoExports')}</p>
          ) : (
            <>
              <ul className="link-list">
                <li>
                  <a href={`/reports/${report.id}/v/${snapshot.version}.pdf`} download>
                    {t('reports.downloadPdf', { version: snapshot.version })}
                  </a>
                </li>
                <li>
                  <a href={`/reports/${report.id}/v/${snapshot.version}.csv`} download>
                    {t('reports.downloadCsv', { version: snapshot.version })}
                  </a>
                </li>
                <li>
                  <Link to={`/reports/${report.id}/print?version=${snapshot.version}`}>{t('reports.printView')}</Link>
                </li>
              </ul>
              <p className="field__help">{t('reports.exportsHelp')}</p>
            </>
          )}
        </div>
      </div>

      {changes && previousVersion ? (
        <section aria-labelledby="changes-heading" className="changes">
          <h2 id="changes-heading">{t('reports.whatChanged', { version: previousVersion })}</h2>
          {changes.length ? <ChangeList changes={changes} /> : <p className="empty">{t('reports.noChanges', { version: previousVersion })}</p>}
        </section>
      ) : null}

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

      {snapshot.themes.map((theme, i) => {
        const threads = commentsByTheme[theme.themeId] ?? []
        return (
          <ThemeSection key={theme.themeId} theme={theme} index={i} threshold={snapshot.threshold} guidanceSince={guidanceSince[theme.themeId]}>
            <div className="comments" id={`comments-${theme.themeId}`}>
              <h3>{t('reports.comments')}</h3>
              {threads.length === 0 ? <p className="empty">{t('reports.noComments')}</p> : null}
              <ul className="comment-list">
                {threads.map((thread) => (
                  <li key={thread.id} className="comment" data-testid="comment">
                    <CommentBody comment={thread} />
                    {thread.replies.length ? (
                      <ul className="comment-list comment-list--replies">
                        {thread.replies.map((reply) => (
                          <li key={reply.id} className="comment comment--reply" data-testid="reply">
                            <CommentBody comment={reply} />
                          </li>
                        ))}
                      </ul>
                    ) : null}
                    <Form method="post" className="comment-form">
                      <CsrfInput />
                      <input type="hidden" name="intent" value="reply" />
                      <input type="hidden" name="commentId" value={thread.id} />
                      <input type="hidden" name="themeId" value={theme.themeId} />
                      <input type="hidden" name="shown" value={shown} />
                      <div className={errorFor('reply', thread.id) ? 'field field--invalid' : 'field'}>
                        <label htmlFor={`reply-${thread.id}`}>{t('reports.replyLabel')}</label>
                        <textarea id={`reply-${thread.id}`} name="body" rows={2} maxLength={COMMENT_MAX} required aria-describedby={errorFor('reply', thread.id) ? `reply-${thread.id}-error` : undefined} />
                        <ErrorList id={`reply-${thread.id}-error`} errors={errorFor('reply', thread.id)} />
                      </div>
                      <button type="submit" className="button button--secondary">
                        {t('reports.replySubmit')}
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
              {role === 'commission' ? (
                <Form method="post" className="comment-form">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="comment" />
                  <input type="hidden" name="themeId" value={theme.themeId} />
                  <input type="hidden" name="version" value={snapshot.version} />
                  <input type="hidden" name="shown" value={shown} />
                  <div className={errorFor('comment', theme.themeId) ? 'field field--invalid' : 'field'}>
                    <label htmlFor={`comment-${theme.themeId}`}>{t('reports.commentLabel')}</label>
                    <textarea
                      id={`comment-${theme.themeId}`}
                      name="body"
                      rows={3}
                      maxLength={COMMENT_MAX}
                      required
                      aria-describedby={errorFor('comment', theme.themeId) ? `comment-${theme.themeId}-error` : undefined}
                    />
                    <ErrorList id={`comment-${theme.themeId}-error`} errors={errorFor('comment', theme.themeId)} />
                  </div>
                  <button type="submit" className="button">
                    {t('reports.commentSubmit')}
                  </button>
                </Form>
              ) : null}
            </div>
          </ThemeSection>
        )
      })}
    </section>
  )
}

function CommentBody({ comment }: { comment: Omit<CommentThread, 'replies'> }) {
  const { t, i18n } = useTranslation()
  return (
    <>
      <p className="card__meta">
        <strong>{comment.authorName ?? '—'}</strong>
        {comment.authorRole ? <span className="badge">{t(`roles.${comment.authorRole}`)}</span> : null} · {formatDate(comment.createdAt, i18n.language)} ·{' '}
        {comment.version > 0 ? t('reports.onVersion', { version: comment.version }) : t('reports.onDraft')}
      </p>
      <p className="comment__body">{comment.body}</p>
    </>
  )
}
