/**
 * How a published figure is drawn in a chart, the same on the web page (SVG)
 * and in the PDF. Pure.
 *
 * A count shown as "fewer than N" (1 … N − 1) is drawn as a short hatched stub
 * half the threshold's height, labelled "<N": always lower than the smallest
 * count that is shown as a number (the threshold, rounded up to a multiple of 5),
 * so the smallest cells never look like the biggest. A withheld cell gets no bar.
 */
import type { Figure } from './suppress'

export type BarShape = { kind: 'bar'; value: number } | { kind: 'stub'; value: number } | { kind: 'none' }

export function barShape(figure: Figure, threshold: number): BarShape {
  if ('n' in figure) return figure.n > 0 ? { kind: 'bar', value: figure.n } : { kind: 'none' }
  if ('lt' in figure) return { kind: 'stub', value: Math.min(figure.lt, threshold) / 2 }
  return { kind: 'none' }
}

/** The value at the top of the scale: the largest count shown, and never less than the threshold. */
export function chartMax(figures: Figure[], threshold: number): number {
  return Math.max(threshold, ...figures.map((f) => ('n' in f ? f.n : 0)))
}

/** The label drawn beside a bar: the number, "<N" for a stub, "–" for withheld. */
export function barLabel(figure: Figure, locale?: string): string {
  if ('n' in figure) return locale ? figure.n.toLocaleString(locale) : String(figure.n)
  if ('lt' in figure) return `<${figure.lt}`
  return '–'
}
