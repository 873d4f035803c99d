import { describe, expect, it } from 'vitest'
import { CsvError, decodeCsv, detectDelimiter, parseCsv, parseCsvBytes, toCsv } from './csv'

const cells = (text: string) => parseCsv(text).map((r) => r.cells)

describe('decodeCsv', () => {
  it('reads UTF-8 and drops the BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Testimonio\nniño', 'utf8')])
    expect(decodeCsv(bytes)).toEqual({ text: 'Testimonio\nniño', encoding: 'utf-8' })
    expect(parseCsvBytes(bytes).records[0]!.cells).toEqual(['Testimonio'])
  })

  it('reads Windows-1252 from older Excel as such, never as mojibake', () => {
    // "niño“ €" in cp1252: ñ = F1, “ = 93, € = 80
    const bytes = Buffer.from([0x6e, 0x69, 0xf1, 0x6f, 0x93, 0x20, 0x80])
    const { text, encoding } = decodeCsv(bytes)
    expect(encoding).toBe('windows-1252')
    expect(text).toBe('niño“ €')
    expect(text).not.toContain('Ã')
  })

  it('reads UTF-16 with a BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\nñ,c', 'utf16le')])
    expect(decodeCsv(bytes)).toEqual({ text: 'a,b\nñ,c', encoding: 'utf-16le' })
  })

  it('refuses spreadsheets in their own format, binary files and empty files', () => {
    expect(() => decodeCsv(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toThrow(CsvError)
    expect(() => decodeCsv(Buffer.from([0x61, 0x00, 0x62]))).toThrowError('errors.importNotCsv')
    expect(() => decodeCsv(new Uint8Array())).toThrowError('errors.importEmpty')
  })

  it('refuses a file that claims UTF-8 with a BOM but is not', () => {
    expect(() => decodeCsv(Buffer.from([0xef, 0xbb, 0xbf, 0x6e, 0xf1, 0x6f]))).toThrowError('errors.importEncoding')
  })
})

describe('parseCsv', () => {
  it('keeps quoted commas, doubled quotes and newlines inside a cell', () => {
    expect(cells('text,area\n"They said ""papers"", then left,\nquickly",hollenbeck\r\nok,rampart')).toEqual([
      ['text', 'area'],
      ['They said "papers", then left,\nquickly', 'hollenbeck'],
      ['ok', 'rampart'],
    ])
  })

  it('skips empty lines and rows of only separators, and numbers rows as a spreadsheet does', () => {
    const records = parseCsv('text,area\n\n"two\nlines",x\n,,\r\n\r\nlast,y\n')
    expect(records.map((r) => r.row)).toEqual([1, 3, 6])
    expect(records[1]!.cells).toEqual(['two\nlines', 'x'])
  })

  it('keeps ragged rows as they are, shorter or longer', () => {
    expect(cells('a,b,c\n1\n1,2,3,4')).toEqual([['a', 'b', 'c'], ['1'], ['1', '2', '3', '4']])
  })

  it('detects semicolon and tab separators from the header line', () => {
    expect(detectDelimiter('text;area\n"a,b";c')).toBe(';')
    expect(cells('text;area\n"a,b";c')).toEqual([['text', 'area'], ['a,b', 'c']])
    expect(cells('text\tarea\nx\ty')).toEqual([['text', 'area'], ['x', 'y']])
    expect(detectDelimiter('"a;b;c",d\n')).toBe(',')
  })

  it('reports an unclosed quote with the row where it opened', () => {
    try {
      parseCsv('text\nok\n"never closed\nmore')
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(CsvError)
      expect((error as CsvError).key).toBe('errors.importUnclosedQuote')
      expect((error as CsvError).params).toEqual({ row: 3 })
    }
  })

  it('reads a last line without a newline', () => {
    expect(cells('a\nb')).toEqual([['a'], ['b']])
  })
})

describe('toCsv', () => {
  it('writes what parseCsv reads back, with a BOM for Excel', () => {
    const rows = [['text', 'error'], ['a "quoted", multi\nline cell', 'Row 2: Month: bad'], ['plain', ' padded ']]
    const csv = toCsv(rows)
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(parseCsvBytes(Buffer.from(csv, 'utf8')).records.map((r) => r.cells)).toEqual(rows)
  })
})
