import { useTranslation } from 'react-i18next'

/**
 * The <option>s of a select over a fixed list of codes (settings, agencies,
 * languages, statuses, bureaus…), each labelled by its translation `prefix.code`.
 */
export function ChoiceOptions({ values, prefix }: { values: readonly string[]; prefix: string }) {
  const { t } = useTranslation()
  return (
    <>
      {values.map((value) => (
        <option key={value} value={value}>
          {t(`${prefix}.${value}`)}
        </option>
      ))}
    </>
  )
}
