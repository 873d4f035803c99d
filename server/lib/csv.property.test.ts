import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import en from '../../app/i18n/en.json'
import { fuzzParams, HOSTILE_FRAGMENTS } from '../../tests/support/fuzz'
import { CsvError, decodeCsv, decodeWindows1252, parseCsv, parseCsvBytes, toCsv } from './csv'
import { guessMapping, IMPORT_FIELDS, validateRecords, type ColumnMapping } from './csv-mapping'
import { SubmissionInputSchema } from '../schemas/submission'
import { isStorableText } from './storable-text'

/** The errors a file may legitimately get: each is a translation key. */
const DECODE_ERRORS = ['errors.importEmpty', 'errors.importNotCsv', 'errors.importEncoding']
const PARSE_ERRORS = ['errors.importUnclosedQuote']
const known = (key: string) => key.startsWith('errors.') && key.slice('errors.'.length) in en.errors

/** Runs `f`; a CsvError must carry one of `allowed`, anything else thrown fails the property. */
function onlyCsvErrors<T>(allowed: string[], f: () => T): T | CsvError {
  try {
    return f()
  } catch (error) {
    expect(error).toBeInstanceOf(CsvError)
    expect(allowed).toContain((error as CsvError).key)
    return error as CsvError
  }
}

/**
 * Well-formed text (no lone surrogates: they cannot be written as UTF-8) without NUL (a file with it is
 * refused, see below), with the characters CSV has to quote.
 */
const cellText = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 3, arbitrary: fc.array(fc.constantFrom('"', ',', ';', '\t', '\n', '\r', '\r\n', ' ', '""', '\ufeff', 'ñ', '😢', '\u202e', '\u200b', 'a', 'Ünïcödé', '=1+1', "'"), { maxLength: 8 }).map((p) => p.join('')) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...HOSTILE_FRAGMENTS.filter(isStorableText)),
  },
).map((cell) => cell.replaceAll('\u0000', ''))
const rows = fc.array(fc.array(cellText, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 })
const utf8 = (text: string) => new TextEncoder().encode(text)

describe('CSV: properties', () => {
  it('toCsv → bytes → parse gives back the same rows (rows with only blank cells are skipped, as spreadsheets write them)', () => {
    fc.assert(
      fc.property(rows, (table) => {
        const { encoding, records } = parseCsvBytes(utf8(toCsv(table, { formulas: 'keep' })))
        expect(encoding).toBe('utf-8')
        expect(records.map((r) => r.cells)).toEqual(table.filter((cells) => cells.some((c) => c.trim() !== '')))
        // Row numbers count lines as a spreadsheet does: increasing, from 1.
        const numbers = records.map((r) => r.row)
        expect(numbers).toEqual([...numbers].sort((a, b) => a - b))
        expect(new Set(numbers).size).toBe(numbers.length)
        if (numbers.length) expect(numbers[0]).toBeGreaterThanOrEqual(1)
      }),
      fuzzParams(400),
    )
  })

  it('any well-formed text saved as UTF-8 (with or without BOM) or UTF-16 with BOM decodes to itself', () => {
    const text = fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }).filter((t) => !t.startsWith('\ufeff') && !t.startsWith('PK\u0003\u0004'))
    fc.assert(
      fc.property(text, fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be'), (t, form) => {
        const le = Buffer.from(t, 'utf16le')
        const bytes =
          form === 'utf-8'
            ? utf8(t)
            : form === 'utf-8-bom'
              ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(t)])
              : form === 'utf-16le'
                ? Buffer.concat([Buffer.from([0xff, 0xfe]), le])
                : Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()])
        // NUL does not occur in text: whatever the encoding, such a file is refused as not CSV.
        if (t.includes('\u0000')) expect(() => decodeCsv(bytes)).toThrowError('errors.importNotCsv')
        else expect(decodeCsv(bytes)).toEqual({ text: t, encoding: form.startsWith('utf-8') ? 'utf-8' : form })
      }),
      fuzzParams(300),
    )
  })

  it('random bytes never throw anything but the documented errors; a file that is not UTF-8 reads as Windows-1252, byte for character', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 200 }),
      // Mostly text, with the bytes that make decoding interesting.
      fc.array(fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.constantFrom(0x00, 0x0a, 0x0d, 0x22, 0x2c, 0x80, 0x81, 0x93, 0x9d, 0xc3, 0xe2, 0xef, 0xf1, 0xfe, 0xff)), { maxLength: 200 }).map((b) => Uint8Array.from(b)),
      fc.constantFrom([0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0x50, 0x4b, 0x03, 0x04], [0xd0, 0xcf, 0x11, 0xe0]).chain((prefix) => fc.uint8Array({ maxLength: 60 }).map((rest) => Uint8Array.from([...prefix, ...rest]))),
    )
    fc.assert(
      fc.property(bytes, (b) => {
        const decoded = onlyCsvErrors(DECODE_ERRORS, () => decodeCsv(b))
        if (decoded instanceof CsvError) return
        expect(decoded.text).not.toContain('\u0000')
        if (decoded.encoding === 'windows-1252') {
          expect(decoded.text.length).toBe(b.length)
          expect(decoded.text).toBe(decodeWindows1252(b))
        }
        onlyCsvErrors(PARSE_ERRORS, () => parseCsv(decoded.text))
      }),
      fuzzParams(500),
    )
  })

  it('Windows-1252 decoding is one character per byte and never mixes up two bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 40 }), fc.uint8Array({ minLength: 1, maxLength: 40 }), (a, b) => {
        const ta = decodeWindows1252(a)
        expect(ta.length).toBe(a.length)
        if (Buffer.compare(a, b) !== 0) expect(ta).not.toBe(decodeWindows1252(b))
      }),
      fuzzParams(200),
    )
  })

  it('parsing any text gives records with a non-blank cell each and increasing row numbers, or the unclosed-quote error with a row number', () => {
    const text = fc.array(fc.oneof(fc.constantFrom('"', '""', ',', ';', '\t', '\n', '\r', '\r\n', ' ', 'a', 'ñ', '\ufeff', '\u0000', '\ud800'), fc.string({ maxLength: 5 })), { maxLength: 40 }).map((p) => p.join(''))
    fc.assert(
      fc.property(text, (t) => {
        const result = onlyCsvErrors(PARSE_ERRORS, () => parseCsv(t))
        if (result instanceof CsvError) {
          expect(result.params.row).toBeGreaterThanOrEqual(1)
          return
        }
        let previous = 0
        for (const record of result) {
          expect(record.row).toBeGreaterThan(previous)
          previous = record.row
          expect(record.cells.some((c) => c.trim() !== '')).toBe(true)
        }
      }),
      fuzzParams(500),
    )
  })
})

describe('CSV import preparation: properties', () => {
  const cell = fc.oneof(
    cellText,
    fc.string({ unit: 'binary', maxLength: 3 }).map((s) => `\u0000${s}`),
    fc.constantFrom('yes', 'sí', 'no', 'x', 'maybe', '2025-07', '7/2025', '13/2025', '1999-01', 'Hollenbeck', 'escuela', 'ICE; CBP', 'lapd,unknown,nope', ''),
  )
  const cellOrHuge = fc.oneof({ weight: 30, arbitrary: cell }, { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 9_990, maxLength: 10_010 }) })
  const header = fc.array(fc.oneof(fc.constantFrom(...IMPORT_FIELDS, 'Testimonio', 'Mes', 'Área', 'Lugar', 'Agencias', '¿Qué pasó?', 'Citar'), cellText), { minLength: 1, maxLength: 10 })
  const mapping: fc.Arbitrary<ColumnMapping | null> = fc.option(
    fc.record(Object.fromEntries(IMPORT_FIELDS.map((f) => [f, fc.nat(12)])) as Record<(typeof IMPORT_FIELDS)[number], fc.Arbitrary<number>>, { requiredKeys: [] }),
  )

  it('mapping and validating any records never throws; every row is valid or has errors, and every error is a known translation key', () => {
    fc.assert(
      fc.property(header, fc.array(fc.array(cellOrHuge, { maxLength: 12 }), { maxLength: 6 }), mapping, (headers, table, chosen) => {
        const guessed = guessMapping(headers)
        for (const m of [guessed, chosen ?? guessed]) {
          const records = table.map((cells, i) => ({ row: i + 2, cells }))
          const { valid, errors } = validateRecords(records, m, headers.length)
          const errorRows = new Set(errors.map((e) => e.row))
          expect(valid.length + errorRows.size).toBe(records.length)
          for (const e of errors) {
            expect(known(e.message), e.message).toBe(true)
            expect([...IMPORT_FIELDS, 'row']).toContain(e.field)
          }
          for (const v of valid) {
            expect(errorRows.has(v.row)).toBe(false)
            expect(SubmissionInputSchema.safeParse(v.input).success).toBe(true)
          }
        }
      }),
      fuzzParams(150),
    )
  })
})

describe('CSV: regressions found by the properties', () => {
  it('refuses NUL in a file with a BOM as it does without one (PostgreSQL cannot store it: the commit failed with a 500)', () => {
    expect(() => decodeCsv(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('text\nuno\u0000dos', 'utf16le')]))).toThrowError('errors.importNotCsv')
    expect(() => decodeCsv(Buffer.from('\ufefftext\nuno\u0000dos', 'utf8'))).toThrowError('errors.importNotCsv')
  })
})
