import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { TRPCError } from '@trpc/server'
import { useTranslation } from 'react-i18next'
import { REVEAL_REASON_MIN, RevealSchema } from '../../server/schemas/submission-change'
import { requireRole } from '../.server/auth'
import { formErrorOf, getCaller, toResponse } from '../.server/trpc'
import { CsrfInput } from '../components/csrf-input'
import { ErrorList } from '../components/field'
import { ModerationActions } from '../components/moderation-actions'
import { formatDate, SubmissionMeta } from '../components/submission-meta'
import { MachineTranslation } from '../components/machine-translation'

export const meta: MetaFunction = () => [{ title: 'Voces — Submission' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caller } = await requireRole(request, 'facilitator')
  const id = params.id ?? ''
  const [submission, moderation] = await Promise.all([caller.submission.byId({ id }), caller.moderation.state({ id })]).catch(toResponse)
  const url = new URL(request.url)
  const error = url.searchParams.get('error')
  return { submission, moderation, decided: url.searchParams.has('decided'), error: error?.startsWith('errors.') ? error : null }
}

/**
 * The reveal: the original comes back in this response only, never from the
 * loader, so it is shown once and gone on reload. `no-store` keeps it out of caches.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData()
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
  const { submission, moderation, decided, error } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
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
      <blockquote className="testimony" lang={submission.language === 'other' ? undefined : submission.language}>
        {submission.text ?? t('detail.withdrawn')}
      </blockquote>
      <MachineTranslation submission={submission} />
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
      {moderation.mergedIntoCode ? <p>{t('moderation.mergedInto', { code: moderation.mergedIntoCode })}</p> : null}
      {moderation.duplicateOfCode && moderation.flaggedAt ? (
        <p className="notice">{t('moderation.duplicateOf', { code: moderation.duplicateOfCode, percent: Math.round((moderation.duplicateSimilarity ?? 0) * 100) })}</p>
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
      <h2>{t('detail.tags')}</h2>
      {submission.tags.length === 0 ? (
        <p className="empty">{t('detail.noTags')}</p>
      ) : (
        <ul className="tag-list">
          {submission.tags.map((tag) => (
            <li key={`${tag.id}-${tag.spanStart ?? ''}`} className="tag" style={{ borderColor: tag.color }}>
              {i18n.language === 'es' ? tag.nameEs : tag.nameEn}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
