/**
 * CSV files as spreadsheets and paper-transcription tools export them: decoding
 * (UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252 from older Excel),
 * RFC 4180 parsing (quoted fields with commas, quotes and newlines; CRLF or LF;
 * comma, semicolon or tab separators) and writing. Pure: bytes in, records out.
 * Errors are translation keys (`errors.*`) so the edge can show them in the
 * user's language.
 */

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'

export class CsvError extends Error {
  constructor(
    /** A translation key, e.g. `errors.importNotCsv`. */
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key)
  }
}

/** One record of the file; `row` is its number as a spreadsheet shows it (the header is row 1). */
export type CsvRecord = { row: number; cells: string[] }

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b)

/**
 * Turns the uploaded bytes into text. A file that is not valid UTF-8 is read as
 * Windows-1252, which is what Excel's "CSV" (not "CSV UTF-8") writes on Windows
 * for English and Spanish text: "niño" is 6E 69 F1 6F there, never "niÃ±o".
 * Spreadsheets saved in their own format (xlsx, ods, xls) are refused with a
 * message asking for CSV.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes.length === 0) throw new CsvError('errors.importEmpty')
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new CsvError('errors.importNotCsv')
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: strictDecode('utf-8', bytes.subarray(3)), encoding: 'utf-8' }
  if (startsWith(bytes, [0xff, 0xfe])) return { text: strictDecode('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' }
  if (startsWith(bytes, [0xfe, 0xff])) return { text: strictDecode('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' }
  // NUL bytes do not occur in text CSV: this is a binary file or UTF-16 without a BOM.
  if (bytes.includes(0)) throw new CsvError('errors.importNotCsv')
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' }
  }
}

// Windows-1252 differs from Latin-1 only in 0x80–0x9F (curly quotes, dashes, €, …).
// Decoded by hand: Node 20's TextDecoder('windows-1252') returns Latin-1 control characters there.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = ''
  const CHUNK = 8192
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = Array.from(bytes.subarray(start, start + CHUNK), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b))
    out += String.fromCharCode(...codes)
  }
  return out
}

function strictDecode(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): string {
  let text: string
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes)
  } catch {
    throw new CsvError('errors.importEncoding')
  }
  // As without a BOM: NUL does not occur in text (and PostgreSQL cannot store it in a text column).
  if (text.includes('\u0000')) throw new CsvError('errors.importNotCsv')
  return text
}

/** The separator of the header line: comma, semicolon (Excel in many locales) or tab, whichever occurs most outside quotes. */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 }
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (c === '"') quoted = !quoted
    else if (!quoted && (c === '\n' || c === '\r')) break
    else if (!quoted && c in counts) counts[c as keyof typeof counts]++
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';'
  if (counts['\t'] > counts[',']) return '\t'
  return ','
}

/**
 * RFC 4180 records. Empty lines (and lines of only separators, which
 * spreadsheets write for blank rows) are skipped but still counted, and a
 * newline inside quotes stays in its cell, so row numbers match the spreadsheet. An unclosed quote is an error naming its row.
 */
export function parseCsv(text: string, delimiter: string = detectDelimiter(text)): CsvRecord[] {
  const records: CsvRecord[] = []
  let cells: string[] = []
  let cell = ''
  let row = 1
  let recordRow = 1
  let quoted = false
  let quoteStartRow = 0
  let i = 0
  const n = text.length

  const endCell = () => {
    cells.push(cell)
    cell = ''
  }
  const endRecord = () => {
    endCell()
    if (cells.some((c) => c.trim() !== '')) records.push({ row: recordRow, cells })
    cells = []
  }

  while (i < n) {
    const c = text[i]!
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"'
          i += 2
          continue
        }
        quoted = false
        i++
        continue
      }
      // Find the next quote in one step: long testimony makes this the hot path.
      const next = text.indexOf('"', i)
      const chunk = next === -1 ? text.slice(i) : text.slice(i, next)
      cell += chunk
      i = next === -1 ? n : next
      continue
    }
    if (c === '"' && cell.trim() === '') {
      quoted = true
      quoteStartRow = recordRow
      cell = ''
      i++
    } else if (c === delimiter) {
      endCell()
      i++
    } else if (c === '\n' || c === '\r') {
      endRecord()
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1
      row++
      recordRow = row
    } else {
      cell += c
      i++
    }
  }
  if (quoted) throw new CsvError('errors.importUnclosedQuote', { row: quoteStartRow })
  if (cell !== '' || cells.length > 0) endRecord()
  return records
}

/** Decode and parse in one step. */
export function parseCsvBytes(bytes: Uint8Array) {
  const { text, encoding } = decodeCsv(bytes)
  return { encoding, records: parseCsv(text) }
}

const NEEDS_QUOTES = /[",\r\n;\t]|^\s|\s$/

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage
 * return that some programs skip before one) gets a leading apostrophe, which
 * spreadsheets show as text.
 */
export function escapeFormula(cell: string): string {
  return /^[\t\r]|^\s*[=+\-@]/.test(cell) ? `'${cell}` : cell
}

/**
 * The one CSV writer of Voces: UTF-8 with BOM, CRLF, quotes where needed, for
 * Excel and LibreOffice. Every file a person downloads (report tables, import
 * error rows, the audit log) goes through it, and every cell is made
 * formula-safe (escapeFormula): cells are written by people, some of them
 * uploaded by anyone with an intake link, and travel to other machines
 * (issue 13, finding 7). `{ formulas: 'keep' }` is only for writing test and
 * benchmark input files, which must hold exactly what a person might upload.
 */
export function toCsv(rows: readonly (readonly string[])[], options: { formulas?: 'escape' | 'keep' } = {}): string {
  const safe = options.formulas === 'keep' ? (c: string) => c : escapeFormula
  const line = (cells: readonly string[]) =>
    cells
      .map(safe)
      .map((c) => (NEEDS_QUOTES.test(c) ? `"${c.replaceAll('"', '""')}"` : c))
      .join(',')
  return '\uFEFF' + rows.map(line).join('\r\n') + '\r\n'
}
