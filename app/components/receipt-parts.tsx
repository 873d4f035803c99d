import { useTranslation } from 'react-i18next'

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

