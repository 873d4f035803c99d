import { describe, expect, it } from 'vitest'
import { safeRedirectPath } from './request'

const ORIGIN = 'https://voces.example.org'

/** Where a browser would go with this Location, resolved the way it resolves it. */
function landsOn(location: string): string {
  return new URL(location, ORIGIN).origin
}

describe('safeRedirectPath (issue 13, finding 1)', () => {
  it.each([
    '/\t/evil.example', // the reported bypass: browsers drop the tab and read //evil.example
    '/\n/evil.example',
    '/\r/evil.example',
    '/\u0000/evil.example',
    '/%09/evil.example'.replace('%09', '\t'),
    '//evil.example',
    '/\\evil.example',
    '/\\/evil.example',
    '\\\\evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    ' /workspace',
    '/workspace\u007f',
    '',
    'workspace',
  ])('refuses %j', (value) => {
    expect(safeRedirectPath(value, '/home')).toBe('/home')
  })

  it('refuses values that are not strings', () => {
    for (const value of [null, undefined, 42, ['/x'], { toString: () => '/x' }]) expect(safeRedirectPath(value, '/home')).toBe('/home')
  })

  it.each(['/', '/workspace', '/workspace?q=polic%C3%ADa&status=pending', '/reports/abc#summary', '/org/receipts/ABC-DEF-GHJ'])('keeps the same-origin path %j', (value) => {
    expect(safeRedirectPath(value, '/home')).toBe(value)
  })

  it('never gives a Location that leaves the origin, whatever the input', () => {
    const pieces = ['/', '//', '\\', '\t', '\n', '.', '..', 'evil.example', '@', ':', '%2F', '%5C', '%09', '?', '#', 'a', ' ', '\u3002', '／']
    for (let i = 0; i < 5000; i++) {
      let value = ''
      const length = 1 + (i % 7)
      for (let j = 0; j < length; j++) value += pieces[(i * 31 + j * 17 + ((i >> j) & 7)) % pieces.length]
      const result = safeRedirectPath(value, '/home')
      expect(landsOn(result), JSON.stringify(value)).toBe(ORIGIN)
      // …and it can be put in a header (a newline in it gave a 500 after the session was created).
      expect(() => new Headers({ location: result })).not.toThrow()
    }
  })
})
