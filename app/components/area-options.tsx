import { useTranslation } from 'react-i18next'
import { BUREAUS } from '../../server/schemas/reference'

/**
 * The <option>s of an LAPD Area select: Areas grouped by bureau, then the two catch-alls.
 * With `counts`, each option shows how many submissions it would select.
 */
export function AreaOptions({ counts }: { counts?: Record<string, number> } = {}) {
  const { t } = useTranslation()
  const label = (area: string) => (counts ? `${t(`area.${area}`)} (${counts[area] ?? 0})` : t(`area.${area}`))
  return (
    <>
      {Object.entries(BUREAUS).map(([bureau, areas]) => (
        <optgroup key={bureau} label={t(`bureau.${bureau}`)}>
          {areas.map((area) => (
            <option key={area} value={area}>
              {label(area)}
            </option>
          ))}
        </optgroup>
      ))}
      <optgroup label={t('bureau.other')}>
        <option value="outside-city">{label('outside-city')}</option>
        <option value="not-sure">{label('not-sure')}</option>
      </optgroup>
    </>
  )
}
