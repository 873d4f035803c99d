import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import en from './en.json'
import es from './es.json'
import { createI18n } from './i18n'

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]))
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return /\.(tsx?)$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [full] : []
  })
}

describe('translations', () => {
  it('English and Spanish have the same keys', () => {
    expect(keys(es).sort()).toEqual(keys(en).sort())
  })

  it('every literal key used in the app and in server error messages exists', () => {
    const known = new Set(keys(en).map((k) => k.replace(/_(one|other)$/, '')))
    const used = new Set<string>()
    const root = path.resolve(__dirname, '..', '..')
    for (const file of [...sourceFiles(path.join(root, 'app')), ...sourceFiles(path.join(root, 'server'))]) {
      const text = readFileSync(file, 'utf8')
      for (const m of text.matchAll(/\bt\('([a-zA-Z]+\.[a-zA-Z.]+)'/g)) used.add(m[1]!)
      for (const m of text.matchAll(/'(errors\.[a-zA-Z]+)'/g)) used.add(m[1]!)
    }
    const missing = [...used].filter((k) => !known.has(k))
    expect(missing).toEqual([])
  })

  it('translates in the chosen language with plurals', () => {
    expect(createI18n('es').t('workspace.count', { count: 2 })).toBe('2 testimonios')
    expect(createI18n('en').t('workspace.count', { count: 1 })).toBe('1 submission')
    expect(createI18n('fr').t('login.title')).toBe('Sign in')
  })
})
