import { useTranslation } from 'react-i18next'

/**
 * The stored machine translation of a testimony into the reader's language, when
 * the testimony is in the other one. Always labelled as a machine translation.
 */
export function MachineTranslation({ submission }: { submission: { language: string; translationEn: string | null; translationEs: string | null } }) {
  const { t, i18n } = useTranslation()
  const reader = i18n.language === 'es' ? 'es' : 'en'
  if (submission.language === reader || submission.language === 'other') return null
  const text = reader === 'en' ? submission.translationEn : submission.translationEs
  if (!text) return null
  return (
    <section className="machine-translation" aria-labelledby="machine-translation-heading">
      <h2 id="machine-translation-heading">{t('translation.heading', { language: t(`language.${reader}`) })}</h2>
      <p className="field__help">{t('translation.help')}</p>
      <blockquote className="testimony" lang={reader}>
        {text}
      </blockquote>
    </section>
  )
}
