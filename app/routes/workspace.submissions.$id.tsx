import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { TRPCError } from '@trpc/server'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { REVEAL_REASON_MIN, RevealSchema } from '../../server/schemas/submission-change'
import { SuggestionIdSchema } from '../../server/schemas/suggestion'
import { TaggingAddSchema, TaggingIdSchema } from '../../server/schemas/tagging'
import { requireRole } from '../.server/auth'
import { formErrorOf, getCaller, toResponse } from '../.server/trpc'
import { CsrfInput } from '../components/csrf-input'
import { ErrorList } from '../components/field'
import { ModerationActions } from '../components/moderation-actions'
import { formatDate, SubmissionMeta } from '../components/submission-meta'
import { MachineTranslation } from '../components/machine-translation'
import { HighlightedTestimony, useSelectedPassage } from '../components/passages'
import { TagChip, TagPicker, tagName, type PickerTag } from '../components/tags'
import { readForm } from '../.server/form'
import { SubmissionCodeSentence } from '../components/code-link'
import { confidencePercent } from '../../server/analysis/confidence'

export const meta: MetaFunction = () => [{ title: 'Voces — Submission' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caller } = await requireRole(request, 'facilitator')
  const id = params.id ?? ''
  const [submission, moderation, tags, suggestions] = await Promise.all([
    caller.submission.byId({ id }),
    caller.moderation.state({ id }),
    caller.tag.list(),
    caller.suggestion.list({ submissionId: id }),
  ]).catch(toResponse)
  const url = new URL(request.url)
  const error = url.searchParams.get('error')
  const tagged = url.searchParams.get('tagged')
  const tagError = url.searchParams.get('tagError')
  return {
    submission,
    moderation,
    tags,
    suggestions,
    decided: url.searchParams.has('decided'),
    tagged: tagged && TAGGING_NOTICES.includes(tagged as never) ? (tagged as (typeof TAGGING_NOTICES)[number]) : null,
    error: error?.startsWith('errors.') ? error : null,
    tagError: tagError?.startsWith('errors.') ? tagError : null,
  }
}

const TAGGING_NOTICES = ['added', 'already', 'removed', 'accepted', 'rejected'] as const
const TAGGING_INTENTS = ['tag', 'untag', 'accept', 'reject']

type TaggingResult = { intent: 'tag'; errors: Record<string, string[] | null> }

/** Tagging, removing a tag, accepting or rejecting a suggestion: each audited by its procedure, then back to the page. */
async function taggingAction(request: Request, form: FormData, id: string) {
  const intent = String(form.get('intent'))
  const caller = await getCaller(request, { form })
  const back = (notice: string) => redirect(`/workspace/submissions/${id}?tagged=${notice}#tags`)
  const failed = (key: string) => redirect(`/workspace/submissions/${id}?tagError=${encodeURIComponent(key)}#tags`)
  try {
    if (intent === 'tag') {
      const parsed = parseWithZod(form, { schema: TaggingAddSchema })
      if (parsed.status !== 'success') return data<TaggingResult>({ intent: 'tag', errors: parsed.error ?? {} }, { status: 400 })
      const result = await caller.tagging.add({ ...parsed.value, submissionId: id })
      return back(result.created ? 'added' : 'already')
    }
    const parsed = (intent === 'untag' ? TaggingIdSchema : SuggestionIdSchema).safeParse({ id: form.get('id') })
    if (!parsed.success) return failed('errors.notFound')
    if (intent === 'untag') await caller.tagging.remove(parsed.data)
    else if (intent === 'accept') await caller.suggestion.accept(parsed.data)
    else await caller.suggestion.reject(parsed.data)
    return back(intent === 'untag' ? 'removed' : intent === 'accept' ? 'accepted' : 'rejected')
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'UNAUTHORIZED') toResponse(error)
    const key = formErrorOf(error)
    if (intent === 'tag') {
      const field = key === 'errors.quoteNotFound' || key === 'errors.spanInvalid' ? 'quote' : key === 'errors.taggingClosed' ? '' : 'tagId'
      return data<TaggingResult>({ intent: 'tag', errors: { [field]: [key] } }, { status: 400 })
    }
    return failed(key)
  }
}

/**
 * The reveal: the original comes back in this response only, never from the
 * loader, so it is shown once and gone on reload. `no-store` keeps it out of caches.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request)
  if (TAGGING_INTENTS.includes(String(form.get('intent')))) return taggingAction(request, form, params.id ?? '')
  const parsed = RevealSchema.safeParse({ id: params.id, reason: form.get('reason') ?? '' })
  if (!parsed.success) return data({ revealed: null, error: parsed.error.issues[0]?.message ?? 'errors.revealReason' }, { status: 400 })
  const caller = await getCaller(request, { form })
  try {
    const revealed = await caller.submission.reveal(parsed.data)
    return data({ revealed: revealed.text, error: null }, { headers: { 'Cache-Control': 'no-store' } })
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'UNAUTHORIZED' || error.code === 'NOT_FOUND')) toResponse(error)
    return data({ revealed: null, error: formErrorOf(error) }, { status: 400 })
  }
}

export default function SubmissionDetail() {
  const { t, i18n } = useTranslation()
  const { submission, moderation, tags, suggestions, decided, tagged, error, tagError } = useLoaderData<typeof loader>()
  const loaderAction = useActionData<typeof action>()
  const tagResult = loaderAction && 'intent' in loaderAction ? loaderAction : null
  const actionData = loaderAction && !('intent' in loaderAction) ? loaderAction : null
  const testimony = useRef<HTMLQuoteElement>(null)
  const path = `/workspace/submissions/${submission.id}`
  return (
    <section className="page narrow">
      <p>
        <Link to="/workspace">← {t('workspace.back')}</Link>
      </p>
      <h1>{t('detail.title', { code: submission.receiptCode })}</h1>
      <p className="card__meta">
        {submission.organizationName ?? t('detail.noOrganization')} · {formatDate(submission.createdAt, i18n.language)}
        {submission.isDemo ? <span className="badge">{t('detail.demo')}</span> : null}
      </p>
      <h2>{t('detail.redactedText')}</h2>
      {submission.text ? (
        <HighlightedTestimony
          ref={testimony}
          text={submission.text}
          lang={submission.language === 'other' ? undefined : submission.language}
          passages={submission.tags.filter((tag) => tag.spanStart !== null && tag.spanEnd !== null).map((tag) => ({ start: tag.spanStart!, end: tag.spanEnd!, color: tag.color }))}
        />
      ) : (
        <blockquote className="testimony">{t('detail.withdrawn')}</blockquote>
      )}
      <MachineTranslation submission={submission} />
      <TagsSection
        submission={submission}
        tags={tags}
        suggestions={suggestions}
        testimony={testimony}
        notice={tagged}
        error={tagError}
        result={tagResult}
      />
      <SubmissionMeta submission={submission} />

      <h2>{t('moderation.revealTitle')}</h2>
      {actionData?.revealed ? (
        <div className="stack" data-testid="revealed">
          <p className="notice" role="status">
            {t('moderation.revealedNotice')}
          </p>
          <blockquote className="testimony" lang={submission.language === 'other' ? undefined : submission.language}>
            {actionData.revealed}
          </blockquote>
        </div>
      ) : moderation.originalHeld ? (
        <Form method="post" className="stack">
          <CsrfInput />
          <p className="field__help" id="reveal-help">
            {t('moderation.revealHelp')}
          </p>
          <div className={actionData?.error ? 'field field--invalid' : 'field'}>
            <label htmlFor="reveal-reason">{t('moderation.revealReason')}</label>
            <textarea
              id="reveal-reason"
              name="reason"
              rows={2}
              required
              minLength={REVEAL_REASON_MIN}
              maxLength={500}
              aria-invalid={actionData?.error ? true : undefined}
              aria-describedby={actionData?.error ? 'reveal-help reveal-error' : 'reveal-help'}
            />
            <ErrorList id="reveal-error" errors={actionData?.error ? [actionData.error] : null} />
          </div>
          <p>
            <button type="submit" className="button button--secondary">
              {t('moderation.reveal')}
            </button>
          </p>
        </Form>
      ) : (
        <p className="empty">{moderation.originalPurgedAt ? t('moderation.originalPurged', { date: formatDate(moderation.originalPurgedAt, i18n.language) }) : t('moderation.originalGone')}</p>
      )}

      <h2>{t('moderation.stateTitle')}</h2>
      {decided ? (
        <p className="notice notice--success" role="status">
          {t('moderation.decided')}
        </p>
      ) : null}
      <ErrorList errors={error ? [error] : null} />
      {moderation.intakeLinkName ? <p>{t('moderation.viaLink', { name: moderation.intakeLinkName })}</p> : null}
      {moderation.hiddenReason ? <p>{t('moderation.hiddenBecause', { reason: t(`moderation.reasons.${moderation.hiddenReason}`) })}</p> : null}
      {moderation.mergedIntoCode ? (
        <p>
          <SubmissionCodeSentence sentence={t('moderation.mergedInto', { code: moderation.mergedIntoCode })} code={moderation.mergedIntoCode} id={moderation.mergedIntoId} />
        </p>
      ) : null}
      {moderation.duplicateOfCode && moderation.flaggedAt ? (
        <p className="notice">
          <SubmissionCodeSentence
            sentence={t('moderation.duplicateOf', { code: moderation.duplicateOfCode, percent: Math.round((moderation.duplicateSimilarity ?? 0) * 100) })}
            code={moderation.duplicateOfCode}
            id={moderation.duplicateOfId}
          />
        </p>
      ) : null}
      {moderation.status === 'withdrawn' || moderation.status === 'merged' ? null : (
        <ModerationActions id={submission.id} code={submission.receiptCode} suggestedIntoCode={moderation.flaggedAt ? moderation.duplicateOfCode : null} redirectTo={path} />
      )}

      <h2>{t('submit.cityResponse')}</h2>
      <p>{submission.cityResponse ?? t('common.notGiven')}</p>
      <h2>{t('submit.guidanceWanted')}</h2>
      <p>{submission.guidanceWanted ?? t('common.notGiven')}</p>
      <h2>{t('detail.consent')}</h2>
      <ul>
        <li>{submission.consentQuote ? t('detail.mayQuote') : t('detail.mayNotQuote')}</li>
        <li>{submission.consentContact ? t('detail.mayContact') : t('detail.mayNotContact')}</li>
      </ul>
    </section>
  )
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>

/**
 * Tags on the testimony (whole, and passages with their words), a form to add one, and the
 * model's suggestions with Accept and Reject. Every form works without JavaScript; with it,
 * the tag picker filters as you type and a selection in the testimony fills the passage.
 */
function TagsSection({
  submission,
  tags,
  suggestions,
  testimony,
  notice,
  error,
  result,
}: {
  submission: Loaded['submission']
  tags: PickerTag[]
  suggestions: Loaded['suggestions']
  testimony: React.RefObject<HTMLQuoteElement | null>
  notice: Loaded['tagged']
  error: string | null
  result: TaggingResult | null
}) {
  const { t, i18n } = useTranslation()
  const [selected, setSelected] = useSelectedPassage(testimony)
  // What the person typed in the passage field; a new selection in the testimony replaces it.
  const [quote, setQuote] = useState<string | null>(null)
  useEffect(() => {
    if (selected) setQuote(null)
  }, [selected])
  const shownQuote = quote ?? selected?.quote ?? ''
  const whole = submission.tags.filter((tag) => tag.spanStart === null)
  const passages = submission.tags.filter((tag) => tag.spanStart !== null && tag.spanEnd !== null)
  const closed = submission.text === null || submission.status === 'withdrawn' || submission.status === 'merged'
  const fieldError = (name: string) => result?.errors[name] ?? null
  const formError = result?.errors[''] ?? null
  return (
    <section aria-labelledby="tags-heading" id="tags">
      <h2 id="tags-heading">{t('detail.tags')}</h2>
      {notice ? (
        <p className="notice notice--success" role="status">
          {t(`tagging.notice.${notice}`)}
        </p>
      ) : null}
      <ErrorList errors={error ? [error] : null} />
      {submission.tags.length === 0 ? <p className="empty">{t('detail.noTags')}</p> : null}
      {whole.length ? (
        <>
          <h3>{t('tagging.wholeTitle')}</h3>
          <ul className="tag-list" data-testid="whole-tags">
            {whole.map((tag) => (
              <li key={tag.taggingId}>
                <TagChip tag={tag}>
                  <RemoveTagging taggingId={tag.taggingId} label={t('tagging.removeLabel', { tag: tagName(tag, i18n.language) })} />
                </TagChip>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {passages.length ? (
        <>
          <h3>{t('tagging.passagesTitle')}</h3>
          <ul className="card-list" data-testid="passage-tags">
            {passages.map((tag) => (
              <li key={tag.taggingId} className="card passage-card" style={{ borderLeftColor: tag.color }}>
                <TagChip tag={tag}>
                  <RemoveTagging taggingId={tag.taggingId} label={t('tagging.removeLabel', { tag: tagName(tag, i18n.language) })} />
                </TagChip>
                <q lang={submission.language === 'other' ? undefined : submission.language}>{submission.text?.slice(tag.spanStart!, tag.spanEnd!)}</q>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {closed ? null : (
        <>
          <h3>{t('tagging.addTitle')}</h3>
          <p className="field__help" id="tag-shortcuts">
            {t('tagging.shortcuts')}
          </p>
          <Form method="post" className="stack tag-form" preventScrollReset>
            <CsrfInput />
            <input type="hidden" name="intent" value="tag" />
            <input type="hidden" name="submissionId" value={submission.id} />
            <input type="hidden" name="spanStart" value={quote === null && selected ? selected.start : ''} />
            <input type="hidden" name="spanEnd" value={quote === null && selected ? selected.end : ''} />
            <ErrorList errors={formError} />
            <div className={fieldError('tagId') ? 'field field--invalid' : 'field'}>
              <label htmlFor="tag-picker">{t('tagging.tag')}</label>
              <TagPicker
                id="tag-picker"
                tags={tags}
                label={t('tagging.tag')}
                shortcut="t"
                describedBy={fieldError('tagId') ? 'tag-shortcuts tag-picker-error' : 'tag-shortcuts'}
                invalid={Boolean(fieldError('tagId'))}
              />
              <ErrorList id="tag-picker-error" errors={fieldError('tagId')} />
            </div>
            <div className={fieldError('quote') ? 'field field--invalid' : 'field'}>
              <label htmlFor="tag-quote">{t('tagging.quote')}</label>
              <p className="field__help" id="tag-quote-help">
                {t('tagging.quoteHelp')}
              </p>
              <textarea
                id="tag-quote"
                name="quote"
                rows={2}
                maxLength={2000}
                value={shownQuote}
                onChange={(e) => setQuote(e.target.value)}
                aria-invalid={fieldError('quote') ? true : undefined}
                aria-describedby={fieldError('quote') ? 'tag-quote-help tag-quote-error' : 'tag-quote-help'}
              />
              <ErrorList id="tag-quote-error" errors={fieldError('quote')} />
            </div>
            <p className="actions">
              <button type="submit" className="button">
                {t('tagging.add')}
              </button>
              {shownQuote ? (
                <button
                  type="button"
                  className="button button--link"
                  onClick={() => {
                    setQuote('')
                    setSelected(null)
                  }}
                >
                  {t('tagging.clearPassage')}
                </button>
              ) : null}
            </p>
          </Form>
        </>
      )}

      <h3>{t('suggestions.title')}</h3>
      <p className="field__help">{t('suggestions.help')}</p>
      {suggestions.length === 0 ? (
        <p className="empty">{t('suggestions.none')}</p>
      ) : (
        <ul className="card-list" data-testid="suggestions">
          {suggestions.map((s) => {
            const name = tagName(s, i18n.language)
            return (
              <li key={s.id} className="card suggestion">
                <TagChip tag={s} />
                <span className="suggestion__confidence">{t('suggestions.confidence', { percent: confidencePercent(s.shownConfidence) })}</span>
                {closed ? null : (
                  <span className="suggestion__actions">
                    <Form method="post" preventScrollReset>
                      <CsrfInput />
                      <input type="hidden" name="intent" value="accept" />
                      <input type="hidden" name="id" value={s.id} />
                      <button type="submit" className="button" aria-label={t('suggestions.acceptLabel', { tag: name })}>
                        {t('suggestions.accept')}
                      </button>
                    </Form>
                    <Form method="post" preventScrollReset>
                      <CsrfInput />
                      <input type="hidden" name="intent" value="reject" />
                      <input type="hidden" name="id" value={s.id} />
                      <button type="submit" className="button button--secondary" aria-label={t('suggestions.rejectLabel', { tag: name })}>
                        {t('suggestions.reject')}
                      </button>
                    </Form>
                  </span>
                )}
              </li>
            )
          })}
        </ul>
      )}
      <p>
        <Link to="/workspace/codebook">{t('suggestions.howGood')}</Link>
      </p>
    </section>
  )
}

function RemoveTagging({ taggingId, label }: { taggingId: string; label: string }) {
  const { t } = useTranslation()
  return (
    <Form method="post" className="inline-form" preventScrollReset>
      <CsrfInput />
      <input type="hidden" name="intent" value="untag" />
      <input type="hidden" name="id" value={taggingId} />
      <button type="submit" className="button button--link tag__remove" aria-label={label}>
        {t('tagging.remove')}
      </button>
    </Form>
  )
}
