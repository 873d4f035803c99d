import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseCsv, readDocuments } from './read-documents'

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, commas and line breaks inside fields', () => {
    expect(parseCsv('id,text\n1,"Hola, ""amigo""\nsegunda línea"\r\n2,plain\n')).toEqual([
      ['id', 'text'],
      ['1', 'Hola, "amigo"\nsegunda línea'],
      ['2', 'plain'],
    ])
  })
})

describe('readDocuments', () => {
  const dir = mkdtempSync(join(tmpdir(), 'voces-read-'))
  it('reads JSON Lines, ignoring extra fields and blank lines', () => {
    const file = join(dir, 'a.jsonl')
    writeFileSync(file, '{"id":1,"text":"uno","lang":"es","extra":true}\n\n{"id":"b","text":"two"}\n')
    expect(readDocuments(file)).toEqual([
      { id: '1', text: 'uno', lang: 'es' },
      { id: 'b', text: 'two' },
    ])
  })
  it('reads CSV with a header; an unknown or empty lang counts as absent', () => {
    const file = join(dir, 'a.csv')
    writeFileSync(file, '\uFEFFid,text,lang\n1,"Redada, hoy",es\n2,Tear gas,\n3,x,fr\n')
    expect(readDocuments(file)).toEqual([
      { id: '1', text: 'Redada, hoy', lang: 'es' },
      { id: '2', text: 'Tear gas' },
      { id: '3', text: 'x', lang: undefined },
    ])
  })
  it('names the line of a malformed row', () => {
    const file = join(dir, 'bad.jsonl')
    writeFileSync(file, '{"id":1,"text":"ok"}\n{oops\n')
    expect(() => readDocuments(file)).toThrow(/line 2/)
  })
})
