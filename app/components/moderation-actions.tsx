import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { HIDE_REASONS } from '../../server/schemas/moderation'
import { CsrfInput } from './csrf-input'

const row = { display: 'flex', flexWrap: 'wrap', gap: '0.5rem', alignItems: 'flex-end' } as const

/**
 * Accept, hide with a reason, or merge into the testimony that is kept. The
 * forms post to the moderation page, which returns to `redirectTo` when given.
 */
export function ModerationActions({ id, code, suggestedIntoCode, redirectTo }: { id: string; code: string; suggestedIntoCode?: string | null; redirectTo?: string }) {
  const { t } = useTranslation()
  const common = (intent: string) => (
    <>
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={id} />
      {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
    </>
  )
  return (
    <div className="stack" data-testid="moderation-actions">
      <Form method="post" action="/workspace/moderation#result" style={row}>
        {common('accept')}
        <button type="submit" className="button" aria-label={t('moderation.acceptLabel', { code })}>
          {t('moderation.accept')}
        </button>
      </Form>
      <Form method="post" action="/workspace/moderation#result" style={row}>
        {common('hide')}
        <div className="field">
          <label htmlFor={`hide-reason-${id}`}>{t('moderation.reason')}</label>
          <select id={`hide-reason-${id}`} name="reason" defaultValue={suggestedIntoCode ? 'duplicate' : 'spam'}>
            {HIDE_REASONS.map((reason) => (
              <option key={reason} value={reason}>
                {t(`moderation.reasons.${reason}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary" aria-label={t('moderation.hideLabel', { code })}>
          {t('moderation.hide')}
        </button>
      </Form>
      <Form method="post" action="/workspace/moderation#result" style={row}>
        {common('merge')}
        <div className="field">
          <label htmlFor={`merge-into-${id}`}>{t('moderation.mergeInto')}</label>
          <input id={`merge-into-${id}`} type="text" name="intoCode" defaultValue={suggestedIntoCode ?? ''} placeholder="ABC-DEF-GHJ" autoComplete="off" />
        </div>
        <button type="submit" className="button button--secondary" aria-label={t('moderation.mergeLabel', { code })}>
          {t('moderation.merge')}
        </button>
      </Form>
    </div>
  )
}
