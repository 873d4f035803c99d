/**
 * From CSV records to submission inputs: which column holds which field, how a
 * spreadsheet's words ("Hollenbeck", "Escuela", "sí", "7/2025") become the
 * codes the intake form sends, and validation of every row with the form's own
 * schema (SubmissionInputSchema). Pure: no db, no clock.
 */
import en from '../../app/i18n/en.json'
import es from '../../app/i18n/es.json'
import { AGENCIES, AREA_CODES, SETTINGS } from '../schemas/reference'
import { SubmissionInputSchema, type SubmissionInput } from '../schemas/submission'
import type { CsvRecord } from './csv'

export const IMPORT_FIELDS = [
  'text',
  'incidentMonth',
  'area',
  'setting',
  'agencies',
  'cityResponse',
  'guidanceWanted',
  'consentQuote',
  'consentContact',
] as const
export type ImportField = (typeof IMPORT_FIELDS)[number]

/** Field → index of the column that holds it (absent: not in the file). */
export type ColumnMapping = Partial<Record<ImportField, number>>

export type RowError = { row: number; field: ImportField | 'row'; message: string }
export type ValidRow = { row: number; input: SubmissionInput }

/** Lower case, no accents, words separated by single spaces: "¿Qué pasó?" → "que paso". */
export function normalizeLabel(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

const HEADER_WORDS: Record<ImportField, string[]> = {
  text: ['text', 'testimony', 'testimonio', 'testimonies', 'what happened', 'que paso', 'story', 'relato', 'historia', 'description', 'descripcion'],
  incidentMonth: ['incident month', 'incidentmonth', 'incident_month', 'month', 'mes', 'when', 'cuando', 'fecha', 'date', 'month of incident', 'mes del incidente'],
  area: ['area', 'lapd area', 'area del lapd', 'zona', 'division'],
  setting: ['setting', 'place', 'lugar', 'tipo de lugar', 'kind of place', 'location type'],
  agencies: ['agencies', 'agency', 'agencias', 'agencia', 'agencies seen', 'agencias vistas'],
  cityResponse: ['city response', 'cityresponse', 'city_response', 'respuesta de la ciudad', 'respuesta', 'what did city staff do', 'officers did'],
  guidanceWanted: ['guidance wanted', 'guidancewanted', 'guidance_wanted', 'guidance', 'orientacion', 'orientacion deseada', 'recommendation', 'recomendacion'],
  consentQuote: ['consent quote', 'consentquote', 'consent_quote', 'may quote', 'quote', 'citar', 'permiso para citar', 'consentimiento cita'],
  consentContact: ['consent contact', 'consentcontact', 'consent_contact', 'may contact', 'contact', 'contacto', 'permiso para contactar', 'consentimiento contacto'],
}

const FORM_LABEL_KEYS: Record<ImportField, keyof typeof en.submit> = {
  text: 'text',
  incidentMonth: 'incidentMonth',
  area: 'area',
  setting: 'setting',
  agencies: 'agencies',
  cityResponse: 'cityResponse',
  guidanceWanted: 'guidanceWanted',
  consentQuote: 'consentQuote',
  consentContact: 'consentContact',
}

const headerLookup = new Map<string, ImportField>()
for (const field of IMPORT_FIELDS) {
  for (const word of [...HEADER_WORDS[field], en.import.field[field], es.import.field[field], en.submit[FORM_LABEL_KEYS[field]], es.submit[FORM_LABEL_KEYS[field]]]) {
    const key = normalizeLabel(word)
    if (!headerLookup.has(key)) headerLookup.set(key, field)
  }
}

// Permission columns are named in many ways ("Quote OK", "Consent to quote", "OK to contact?",
// "Permiso para contactar", "¿Se puede citar?"): a word for what is permitted plus a word that
// says it is a permission. A column naming both quoting and contact is left for the user to choose.
const CONSENT_TOPICS: Record<'consentQuote' | 'consentContact', Set<string>> = {
  consentQuote: new Set(['quote', 'quotes', 'quoted', 'quoting', 'quotable', 'quotation', 'cite', 'cited', 'citar', 'citarse', 'citado', 'citada', 'citarlo', 'citarla', 'cita', 'citas', 'citen', 'citacion']),
  consentContact: new Set(['contact', 'contacted', 'contacting', 'contactable', 'recontact', 'contactar', 'contactarse', 'contactarlo', 'contactarla', 'contacto', 'contactado', 'contactada', 'contacten', 'comunicarse']),
}
const PERMISSION_WORDS = new Set(['ok', 'okay', 'consent', 'consents', 'consented', 'consentimiento', 'consiente', 'permission', 'permiso', 'permitido', 'permite', 'may', 'can', 'allowed', 'allow', 'allows', 'agree', 'agrees', 'agreed', 'puede', 'pueden', 'podemos', 'acepta', 'autoriza', 'autorizacion', 'autorizado', 'yes', 'si'])

function consentFieldOf(key: string): ImportField | undefined {
  const words = key.split(' ').filter(Boolean)
  const topics = (['consentQuote', 'consentContact'] as const).filter((field) => words.some((w) => CONSENT_TOPICS[field].has(w)))
  if (topics.length !== 1) return undefined
  const permission = words.some((w) => PERMISSION_WORDS.has(w))
  // "Quotable" or "Contactar" alone name the permission by themselves; "Contact phone" does not.
  return permission || words.length === 1 ? topics[0] : undefined
}

/** A first mapping from the header names, English or Spanish; the user corrects it. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {}
  const unmatched: number[] = []
  headers.forEach((header, index) => {
    const field = headerLookup.get(normalizeLabel(header))
    if (field && mapping[field] === undefined) mapping[field] = index
    else if (!field) unmatched.push(index)
  })
  for (const index of unmatched) {
    const field = consentFieldOf(normalizeLabel(headers[index]!))
    if (field && mapping[field] === undefined) mapping[field] = index
  }
  return mapping
}

/** code → code, English label → code, Spanish label → code; a label's parenthesis is optional ("ICE (…)" or "ICE"). */
function lookupOf(codes: readonly string[], enLabels: Record<string, string>, esLabels: Record<string, string>) {
  const map = new Map<string, string>()
  const add = (label: string, code: string) => {
    const key = normalizeLabel(label)
    if (key && !map.has(key)) map.set(key, code)
  }
  for (const code of codes) add(code, code)
  for (const code of codes) {
    for (const label of [enLabels[code], esLabels[code]]) {
      if (!label) continue
      add(label, code)
      const inner = /\(([^)]+)\)/.exec(label)
      if (inner) add(inner[1]!, code)
      add(label.replace(/\s*\(.*\)\s*/, ' '), code)
      for (const part of label.split('/')) add(part, code)
    }
  }
  return map
}

const areaLookup = lookupOf(AREA_CODES, en.area, es.area)
const settingLookup = lookupOf(SETTINGS, en.setting, es.setting)
const agencyLookup = lookupOf(AGENCIES, en.agency, es.agency)
// Words people write on paper forms for agencies whose label is longer.
for (const [word, code] of [['sheriff', 'lasd'], ['border patrol', 'cbp'], ['national guard', 'national-guard'], ['guardia nacional', 'national-guard'], ['homeland security', 'hsi']] as const) {
  if (!agencyLookup.has(word)) agencyLookup.set(word, code)
}

const YES = new Set(['yes', 'y', 'si', 's', 'true', '1', 'x', 'verdadero'])
const NO = new Set(['no', 'n', 'false', '0', 'falso'])

/** "2025-07", "2025-7", "7/2025", "07/2025", "2025/07" → "2025-07"; anything else is left for the schema to refuse. */
export function normalizeMonth(value: string): string {
  const v = value.trim()
  let m = /^(\d{4})[-/](\d{1,2})$/.exec(v)
  if (m) return `${m[1]}-${m[2]!.padStart(2, '0')}`
  m = /^(\d{1,2})[-/](\d{4})$/.exec(v)
  if (m) return `${m[2]}-${m[1]!.padStart(2, '0')}`
  return v
}

/**
 * The raw values of one record as the form would send them; a consent value
 * that is neither yes nor no is reported here, the rest by the schema.
 */
function toInput(cells: readonly string[], mapping: ColumnMapping, problems: { field: ImportField; message: string }[]) {
  const cell = (field: ImportField) => {
    const index = mapping[field]
    return index === undefined ? '' : (cells[index] ?? '').trim()
  }
  const code = (field: 'area' | 'setting', lookup: Map<string, string>) => {
    const v = cell(field)
    return v === '' ? undefined : (lookup.get(normalizeLabel(v)) ?? v)
  }
  const yesNo = (field: 'consentQuote' | 'consentContact') => {
    const v = normalizeLabel(cell(field))
    if (v === '' || NO.has(v)) return false
    if (YES.has(v)) return true
    problems.push({ field, message: 'errors.importYesNo' })
    return false
  }
  const agencies = cell('agencies')
    .split(/[;,]/)
    .map((a) => a.trim())
    .filter(Boolean)
    .map((a) => agencyLookup.get(normalizeLabel(a)) ?? a)
  const month = cell('incidentMonth')
  return {
    text: cell('text'),
    incidentMonth: month === '' ? undefined : normalizeMonth(month),
    area: code('area', areaLookup),
    setting: code('setting', settingLookup),
    agencies: [...new Set(agencies)],
    cityResponse: cell('cityResponse'),
    guidanceWanted: cell('guidanceWanted'),
    consentQuote: yesNo('consentQuote'),
    consentContact: yesNo('consentContact'),
  }
}

const fieldOrder = (field: ImportField | 'row') => (field === 'row' ? -1 : IMPORT_FIELDS.indexOf(field))

/** Maps and validates every record after the header. Row errors carry the spreadsheet row, the field and a translation key. */
export function validateRecords(records: readonly CsvRecord[], mapping: ColumnMapping, headerCount: number): { valid: ValidRow[]; errors: RowError[] } {
  const valid: ValidRow[] = []
  const errors: RowError[] = []
  for (const record of records) {
    const problems: { field: ImportField | 'row'; message: string }[] = []
    if (record.cells.slice(headerCount).some((c) => c.trim() !== '')) problems.push({ field: 'row', message: 'errors.importExtraCells' })
    const raw = toInput(record.cells, mapping, problems as { field: ImportField; message: string }[])
    const parsed = SubmissionInputSchema.safeParse(raw)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = (issue.path[0] as ImportField | undefined) ?? 'row'
        if (!problems.some((p) => p.field === field)) problems.push({ field, message: issue.message.startsWith('errors.') ? issue.message : 'errors.choose' })
      }
    }
    if (problems.length > 0 || !parsed.success) {
      // In the order of the fields on the form, whole-row problems first.
      problems.sort((a, b) => fieldOrder(a.field) - fieldOrder(b.field))
      for (const p of problems) errors.push({ row: record.row, ...p })
    } else {
      valid.push({ row: record.row, input: parsed.data })
    }
  }
  return { valid, errors }
}
