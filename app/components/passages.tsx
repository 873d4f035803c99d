import { forwardRef, useEffect, useState, type RefObject } from 'react'

export type Passage = { start: number; end: number; color: string }

/**
 * The redacted testimony with its tagged passages marked. The element's text is exactly the
 * testimony (marks add none), so a selection inside it maps to offsets in the stored text.
 */
export const HighlightedTestimony = forwardRef<HTMLQuoteElement, { text: string; passages: Passage[]; lang?: string }>(function HighlightedTestimony(
  { text, passages, lang },
  ref,
) {
  const cuts = new Set([0, text.length])
  for (const p of passages) {
    if (p.start >= 0 && p.end <= text.length && p.end > p.start) {
      cuts.add(p.start)
      cuts.add(p.end)
    }
  }
  const points = [...cuts].sort((a, b) => a - b)
  const pieces: React.ReactNode[] = []
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i]!, points[i + 1]!]
    const covering = passages.filter((p) => p.start <= from && p.end >= to)
    const piece = text.slice(from, to)
    pieces.push(
      covering.length ? (
        <mark key={from} className="passage" style={{ borderBottomColor: covering[0]!.color }} data-layers={covering.length}>
          {piece}
        </mark>
      ) : (
        piece
      ),
    )
  }
  return (
    <blockquote ref={ref} className="testimony" lang={lang} data-testid="testimony">
      {pieces}
    </blockquote>
  )
})

export type SelectedPassage = { start: number; end: number; quote: string }

/** The last non-empty selection made inside `root`, as offsets in its text (kept when focus moves on). */
export function useSelectedPassage(root: RefObject<HTMLElement | null>) {
  const [selected, setSelected] = useState<SelectedPassage | null>(null)
  useEffect(() => {
    const onChange = () => {
      const el = root.current
      const selection = document.getSelection()
      if (!el || !selection || selection.rangeCount === 0 || selection.isCollapsed) return
      const range = selection.getRangeAt(0)
      if (!el.contains(range.startContainer) || !el.contains(range.endContainer)) return
      const before = document.createRange()
      before.setStart(el, 0)
      before.setEnd(range.startContainer, range.startOffset)
      const start = before.toString().length
      const quote = range.toString()
      if (quote.trim()) setSelected({ start, end: start + quote.length, quote })
    }
    document.addEventListener('selectionchange', onChange)
    return () => document.removeEventListener('selectionchange', onChange)
  }, [root])
  return [selected, setSelected] as const
}
