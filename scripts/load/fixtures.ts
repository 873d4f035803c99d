/**
 * Test data for the fault and scale scripts, from the demo generator: a CSV as
 * organizations type it (English and Spanish labels, both month formats), under
 * the upload limit.
 */
import en from '../../app/i18n/en.json'
import es from '../../app/i18n/es.json'
import { generateDemoTestimonies } from '../../server/demo/testimonies'
import { toCsv } from '../../server/lib/csv'
import { IMPORT_MAX_BYTES } from '../../server/schemas/import'

export const CSV_HEADERS = ['Testimony', 'Month', 'LAPD Area', 'Setting', 'Agencies', 'May quote', 'May contact']
/** The commit form's mapping for CSV_HEADERS (column indexes), as the preview page sends it. */
export const CSV_MAPPING: Record<string, string> = {
  mapped: '1',
  'map.text': '0',
  'map.incidentMonth': '1',
  'map.area': '2',
  'map.setting': '3',
  'map.agencies': '4',
  'map.cityResponse': '',
  'map.guidanceWanted': '',
  'map.consentQuote': '5',
  'map.consentContact': '6',
}

/** Long testimonies are cut at a word so that 50,000 rows fit in one upload. */
const clip = (text: string, max: number) => (text.length <= max ? text : text.slice(0, text.lastIndexOf(' ', max)) + '…')

export function testimonyCsv(rowCount: number, seed = 4242): Buffer {
  const base = generateDemoTestimonies({ count: 2000, seed })
  const rows: string[][] = [CSV_HEADERS]
  for (let i = 0; i < rowCount; i++) {
    const d = base[i % base.length]!
    const labels = d.lang === 'es' ? es : en
    const [year, month] = d.incidentMonth.split('-')
    rows.push([
      `${clip(d.text, 300)} (${i})`,
      i % 2 ? d.incidentMonth : `${Number(month)}/${year}`,
      i % 3 ? labels.area[d.area] : d.area,
      labels.setting[d.setting],
      d.agencies.map((a) => (i % 2 ? a : labels.agency[a])).join('; '),
      d.consentQuote ? (d.lang === 'es' ? 'sí' : 'yes') : 'no',
      d.consentContact ? '1' : '0',
    ])
  }
  const csv = Buffer.from(toCsv(rows, { formulas: 'keep' }))
  if (csv.length > IMPORT_MAX_BYTES) throw new Error(`the generated CSV (${csv.length} bytes) is over the upload limit`)
  return csv
}
