import { isStorableText } from '../schemas/text'

export { isStorableText }

/**
 * The path to the first string (or object key) in `value` that is not
 * storable, or null. Walks plain objects, arrays, Maps and Sets iteratively, so
 * nesting of any depth is fine; bytes (a CSV file) are not text and are skipped.
 */
export function findUnstorableText(value: unknown): (string | number)[] | null {
  // Paths as linked steps (child → parent), so deep nesting costs no copying.
  type Step = { key: string | number; parent: Step | null } | null
  const pathOf = (step: Step) => {
    const path: (string | number)[] = []
    for (let s = step; s; s = s.parent) path.push(s.key)
    return path.reverse()
  }
  const stack: { value: unknown; at: Step }[] = [{ value, at: null }]
  const seen = new Set<object>()
  while (stack.length > 0) {
    const { value: v, at } = stack.pop()!
    if (typeof v === 'string') {
      if (!isStorableText(v)) return pathOf(at)
      continue
    }
    if (typeof v !== 'object' || v === null || seen.has(v) || ArrayBuffer.isView(v) || v instanceof ArrayBuffer) continue
    seen.add(v)
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], at: { key: i, parent: at } })
    } else if (v instanceof Map) {
      for (const [k, item] of v) stack.push({ value: k, at }, { value: item, at: { key: String(k), parent: at } })
    } else if (v instanceof Set) {
      for (const item of v) stack.push({ value: item, at })
    } else {
      const proto = Object.getPrototypeOf(v)
      if (proto !== Object.prototype && proto !== null) continue // Dates, FormData, streams: not text
      for (const key of Object.keys(v).reverse()) {
        if (!isStorableText(key)) return pathOf({ key, parent: at })
        stack.push({ value: (v as Record<string, unknown>)[key], at: { key, parent: at } })
      }
    }
  }
  return null
}
