import { useTranslation } from 'react-i18next'
import { BUREAUS } from '../../server/schemas/reference'

/** The <option>s of an LAPD Area select: Areas grouped by bureau, then the two catch-alls. */
export function AreaOptions() {
  const { t } = useTranslation()
  return (
    <>
      {Object.entries(BUREAUS).map(([bureau, areas]) => (
        <optgroup key={bureau} label={t(`bureau.${bureau}`)}>
          {areas.map((area) => (
            <option key={area} value={area}>
              {t(`area.${area}`)}
            </option>
          ))}
        </optgroup>
      ))}
      <optgroup label={t('bureau.other')}>
        <option value="outside-city">{t('area.outside-city')}</option>
        <option value="not-sure">{t('area.not-sure')}</option>
      </optgroup>
    </>
  )
}
