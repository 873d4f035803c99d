import { useTranslation } from 'react-i18next'
import { formatDate } from './submission-meta'

type Answers = { cityResponse: string | null; guidanceWanted: string | null }

/**
 * The two free-text answers as stored (redacted the same way as the testimony),
 * so that a submitter can check what was kept.
 */
export function ReceiptAnswers({ submission }: { submission: Answers }) {
  const { t } = useTranslation()
  return (
    <>
      <h3>{t('submit.cityResponse')}</h3>
      <p data-testid="receipt-city-response">{submission.cityResponse ?? t('common.notGiven')}</p>
      <h3>{t('submit.guidanceWanted')}</h3>
      <p data-testid="receipt-guidance-wanted">{submission.guidanceWanted ?? t('common.notGiven')}</p>
    </>
  )
}


/**
 * What the top of a receipt says: thanks only for a testimony just sent and
 * still there; a withdrawn one is a plain receipt with its withdrawn notice.
 */
export function receiptHeading(isNew: boolean, status: string): 'thanks' | 'title' {
  return isNew && status !== 'withdrawn' ? 'thanks' : 'title'
}

const EXCERPT_MAX = 240

/** The body of a card on /org: the start of the text, or when it was withdrawn (its text is gone). */
export function OrgCardText({ submission }: { submission: { text: string | null; language: string; status: string; withdrawnAt: string | Date | null } }) {
  const { t, i18n } = useTranslation()
  if (submission.status === 'withdrawn') {
    return <p className="excerpt">{submission.withdrawnAt ? t('org.withdrawnOn', { date: formatDate(submission.withdrawnAt, i18n.language) }) : t('detail.withdrawn')}</p>
  }
  const text = submission.text ?? ''
  return (
    <p className="excerpt" lang={submission.language === 'other' ? undefined : submission.language}>
      {text.length > EXCERPT_MAX ? text.slice(0, EXCERPT_MAX).trimEnd() + '…' : text}
    </p>
  )
}
