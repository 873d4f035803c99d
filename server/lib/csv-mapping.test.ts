import { describe, expect, it } from 'vitest'
import { parseCsv } from './csv'
import { guessMapping, normalizeMonth, validateRecords } from './csv-mapping'

function run(csv: string) {
  const [header, ...records] = parseCsv(csv)
  const mapping = guessMapping(header!.cells)
  return { mapping, ...validateRecords(records, mapping, header!.cells.length) }
}

describe('guessMapping', () => {
  it('recognizes English and Spanish column names, with or without accents', () => {
    expect(guessMapping(['Testimonio', 'Mes', 'Área', 'Lugar', 'Agencias', '¿Se puede citar?', 'Contacto'])).toMatchObject({
      text: 0,
      incidentMonth: 1,
      area: 2,
      setting: 3,
      agencies: 4,
      consentQuote: 5,
      consentContact: 6,
    })
    expect(guessMapping(['id', 'What happened?', 'incident_month'])).toEqual({ text: 1, incidentMonth: 2 })
  })

  it('recognizes permission columns however a spreadsheet names them, in English and Spanish', () => {
    const cases: [string, string, { consentQuote: number; consentContact: number }][] = [
      ['Quote OK', 'Contact OK', { consentQuote: 1, consentContact: 2 }],
      ['Consent to quote', 'Consent to contact', { consentQuote: 1, consentContact: 2 }],
      ['OK to quote?', 'Can we contact them?', { consentQuote: 1, consentContact: 2 }],
      ['Se puede citar', 'Se puede contactar', { consentQuote: 1, consentContact: 2 }],
      ['¿Permiso para citarlo?', 'Acepta que lo contactemos / contacto OK', { consentQuote: 1, consentContact: 2 }],
      ['Quotable', 'Contactar', { consentQuote: 1, consentContact: 2 }],
    ]
    for (const [quote, contact, expected] of cases) {
      expect(guessMapping(['Testimony', quote, contact]), `${quote} / ${contact}`).toEqual({ text: 0, ...expected })
    }
  })

  it('leaves a column that is not a permission, or names both, for the user to choose', () => {
    expect(guessMapping(['Testimony', 'Contact phone', 'Quote and contact OK'])).toEqual({ text: 0 })
    // An exact name wins over a looser one, whichever comes first.
    expect(guessMapping(['Quote OK', 'Testimony', 'May quote'])).toEqual({ consentQuote: 2, text: 1 })
  })
})

describe('normalizeMonth', () => {
  it('accepts YYYY-MM and M/YYYY', () => {
    expect(normalizeMonth('2025-07')).toBe('2025-07')
    expect(normalizeMonth('7/2025')).toBe('2025-07')
    expect(normalizeMonth('2025/7')).toBe('2025-07')
    expect(normalizeMonth('July 2025')).toBe('July 2025')
  })
})

describe('validateRecords', () => {
  it('turns labels in either language into codes', () => {
    const { valid, errors } = run(
      'Testimony,Month,Area,Setting,Agencies,May quote,May contact\n' +
        'Agents came to the park,7/2025,Hollenbeck,Parque,"ICE; Patrulla Fronteriza, lapd",sí,no\n' +
        'Otro,2025-08,77th-street,Street or sidewalk,Sheriff,YES,1\n',
    )
    expect(errors).toEqual([])
    expect(valid[0]!.input).toMatchObject({ text: 'Agents came to the park', incidentMonth: '2025-07', area: 'hollenbeck', setting: 'park', agencies: ['ice', 'cbp', 'lapd'], consentQuote: true, consentContact: false })
    expect(valid[1]!.input).toMatchObject({ area: '77th-street', setting: 'street', consentQuote: true, consentContact: true })
    expect(valid[1]!.row).toBe(3)
  })

  it('reports each problem with its row, field and translation key', () => {
    const { valid, errors } = run('Testimony,Month,Area,May quote\nok,2025-07,Narnia,maybe\n,13/2025,,\nfine,,,\n')
    expect(valid.map((v) => v.row)).toEqual([4])
    expect(errors).toEqual([
      { row: 2, field: 'area', message: 'errors.choose' },
      { row: 2, field: 'consentQuote', message: 'errors.importYesNo' },
      { row: 3, field: 'text', message: 'errors.required' },
      { row: 3, field: 'incidentMonth', message: 'errors.month' },
    ])
  })

  it('flags cells beyond the last named column and ignores missing trailing cells', () => {
    const { valid, errors } = run('Testimony,Month\nshort row\ntoo,2025-01,many\n')
    expect(valid.map((v) => v.row)).toEqual([2])
    expect(errors).toEqual([{ row: 3, field: 'row', message: 'errors.importExtraCells' }])
  })
})
