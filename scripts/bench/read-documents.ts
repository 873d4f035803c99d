/** Reads documents from JSON Lines or CSV (header row with id, text and optionally lang). */
import { readFileSync } from 'node:fs'
import { z } from 'zod'

export const InputRowSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  text: z.string(),
  lang: z.enum(['en', 'es']).optional().catch(undefined),
  label: z.union([z.string(), z.number()]).optional(),
})
export type InputRow = z.infer<typeof InputRowSchema>

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(field)
      field = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += ch
  }
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows.filter((r) => r.length > 1 || r[0] !== '')
}

export function readDocuments(path: string): InputRow[] {
  const raw = readFileSync(path, 'utf8').replace(/^\uFEFF/, '')
  if (/\.csv$/i.test(path)) {
    const [header, ...rows] = parseCsv(raw)
    if (!header) return []
    const names = header.map((h) => h.trim().toLowerCase())
    return rows.map((cells, i) => {
      const record = Object.fromEntries(names.map((name, j) => [name, cells[j] ?? '']))
      if (record.lang === '') delete record.lang
      const parsed = InputRowSchema.safeParse(record)
      if (!parsed.success) throw new Error(`${path}: row ${i + 2}: ${parsed.error.issues[0]?.message}`)
      return parsed.data
    })
  }
  const out: InputRow[] = []
  raw.split('\n').forEach((line, i) => {
    if (!line.trim()) return
    let json: unknown
    try {
      json = JSON.parse(line)
    } catch {
      throw new Error(`${path}: line ${i + 1} is not JSON`)
    }
    const parsed = InputRowSchema.safeParse(json)
    if (!parsed.success) throw new Error(`${path}: line ${i + 1}: ${parsed.error.issues[0]?.message}`)
    out.push(parsed.data)
  })
  return out
}
