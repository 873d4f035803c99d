/**
 * Small-cell protection for every count shown outside the facilitator
 * workspace (report pages, exports, the public page). Pure: counts in, what a
 * reader may see out. See docs/decisions/070-reports-suppression-exports.md and
 * docs/decisions/071-rounded-counts.md.
 *
 * - Rounding: a count of at least the threshold is shown rounded to the nearest
 *   multiple of 5 (`ROUNDING_BASE`), never below the threshold (5, 6 and 7 show
 *   as 5), so a reader knows it only to a window of at least three values.
 *   Every figure of every version is rounded on its own, totals included (a
 *   total is the rounded true total, not the sum of rounded cells).
 * - Primary: a count of 1 to threshold − 1 is shown as "fewer than <threshold>".
 *   Zero is shown: it describes nobody.
 * - Secondary: the cells of the breakdowns of a theme (months, bureaus and
 *   Areas, settings, types of organization) each add up to the theme's count.
 *   Bounds are propagated through every sum of every breakdown together to a
 *   fixed point; while any count other than zero (a small cell, a rounded cell
 *   or the theme's count itself) would be known exactly, another cell is
 *   withheld. Sub-cells of a cell shown as "fewer than" are not listed. When
 *   nothing else can be withheld, the sub-cells of the parent are not listed
 *   either, or, at the top, that whole breakdown is withheld.
 */

/** What a reader sees for one count. */
export type Figure =
  /** The count rounded to the nearest `ROUNDING_BASE` (never below the threshold), or zero. */
  | { n: number }
  /** Primary suppression: "fewer than `lt`". */
  | { lt: number }
  /** Secondary suppression: withheld so that a count cannot be worked out. */
  | { withheld: true }

export type CountCell = { key: string; count: number; children?: CountCell[] }
export type FigureCell = { key: string; figure: Figure; children?: FigureCell[]; childrenWithheld?: true }
export type SuppressedBreakdown = { withheld: boolean; cells: FigureCell[] }

export const isExact = (f: Figure): f is { n: number } => 'n' in f
export const isFewer = (f: Figure): f is { lt: number } => 'lt' in f
export const isWithheld = (f: Figure): f is { withheld: true } => 'withheld' in f

/** Counts at or above the threshold are shown as a multiple of this. */
export const ROUNDING_BASE = 5

const checkThreshold = (threshold: number) => {
  if (!Number.isInteger(threshold) || threshold < 2) throw new RangeError(`threshold must be an integer of 2 or more: ${threshold}`)
}

/** The smallest figure shown: the threshold rounded up to a multiple of the base. */
const floorShown = (threshold: number) => Math.ceil(threshold / ROUNDING_BASE) * ROUNDING_BASE

/** The figure shown for a count of at least the threshold: the nearest multiple of 5, and never below the threshold's. */
export function roundCount(count: number, threshold: number): number {
  if (count === 0) return 0
  if (count < threshold) throw new RangeError(`${count} is under the threshold ${threshold}`)
  return Math.max(floorShown(threshold), Math.round(count / ROUNDING_BASE) * ROUNDING_BASE)
}

/**
 * Every count a figure can stand for, as a reader who knows the method works it
 * out: [lowest, highest]. Zero is exact; "fewer than t" is 1..t−1; a rounded
 * figure R is R−2..R+2 (the lowest figure from the threshold up).
 */
export function figureRange(figure: Figure, threshold: number): [number, number] | null {
  if ('lt' in figure) return [1, figure.lt - 1]
  if ('withheld' in figure) return null
  if (figure.n === 0) return [0, 0]
  const half = Math.floor(ROUNDING_BASE / 2)
  return [figure.n === floorShown(threshold) ? threshold : figure.n - half, figure.n + half]
}

/** A count shown on its own (no sum it belongs to is shown): rounded, or "fewer than". */
export function suppressCount(count: number, threshold: number): Figure {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`not a count: ${count}`)
  checkThreshold(threshold)
  return count > 0 && count < threshold ? { lt: threshold } : { n: roundCount(count, threshold) }
}

/**
 * Cells whose counts overlap (one submission may name several agencies), so no
 * shown sum ties them together: each is rounded or suppressed on its own.
 */
export function suppressIndependent(cells: readonly CountCell[], threshold: number): SuppressedBreakdown {
  return { withheld: false, cells: cells.map((c) => ({ key: c.key, figure: suppressCount(c.count, threshold) })) }
}

type State = 'shown' | 'primary' | 'secondary' | 'collapsed'
type Node = { key: string; value: number; state: State; parent: number; group: number; children: number[]; childrenWithheld: boolean }

/** One breakdown that splits `total`: protected as part of all the breakdowns of the same total. */
export function suppressPartition(total: number, cells: readonly CountCell[], threshold: number): SuppressedBreakdown {
  return suppressPartitions(total, [cells], threshold)[0]!
}

/**
 * Several breakdowns of one total the reader sees (rounded), each of cells and
 * sub-cells that split it exactly. Returns, per breakdown, the figures to show,
 * in the order given.
 */
export function suppressPartitions(total: number, breakdowns: readonly (readonly CountCell[])[], threshold: number): SuppressedBreakdown[] {
  checkThreshold(threshold)
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`not a count: ${total}`)
  if (total < threshold) return breakdowns.map(() => ({ withheld: true, cells: [] }))

  const nodes: Node[] = [{ key: '', value: total, state: 'shown', parent: -1, group: -1, children: [], childrenWithheld: false }]
  const tops: number[][] = breakdowns.map(() => [])
  const add = (cell: CountCell, parent: number, group: number) => {
    if (!Number.isInteger(cell.count) || cell.count < 0) throw new RangeError(`not a count: ${cell.key}=${cell.count}`)
    const index = nodes.length
    nodes.push({ key: cell.key, value: cell.count, state: cell.count > 0 && cell.count < threshold ? 'primary' : 'shown', parent, group, children: [], childrenWithheld: false })
    if (parent === 0) tops[group]!.push(index)
    else nodes[parent]!.children.push(index)
    for (const child of cell.children ?? []) add(child, index, group)
  }
  breakdowns.forEach((cells, g) => {
    for (const cell of cells) add(cell, 0, g)
    const sum = tops[g]!.reduce((s, c) => s + nodes[c]!.value, 0)
    if (sum !== total) throw new RangeError(`cells of breakdown ${g} add up to ${sum}, not ${total}`)
  })
  for (const node of nodes.slice(1)) {
    if (node.children.length === 0) continue
    const sum = node.children.reduce((s, c) => s + nodes[c]!.value, 0)
    if (sum !== node.value) throw new RangeError(`cells of "${node.key}" add up to ${sum}, not ${node.value}`)
  }
  const withheldGroups = breakdowns.map(() => false)
  const withholdGroup = (g: number) => {
    withheldGroups[g] = true
    for (const top of tops[g]!) {
      nodes[top]!.state = 'collapsed'
      hideBelow(nodes, top)
    }
  }
  const siblingsOf = (i: number) => (nodes[i]!.parent === 0 ? tops[nodes[i]!.group]! : nodes[nodes[i]!.parent]!.children)
  const sums = () => {
    const out: { parent: number; children: number[] }[] = []
    tops.forEach((top, g) => {
      if (!withheldGroups[g]) out.push({ parent: 0, children: top.filter((c) => nodes[c]!.state !== 'collapsed') })
    })
    nodes.forEach((n, i) => {
      if (i === 0) return
      const children = n.children.filter((c) => nodes[c]!.state !== 'collapsed')
      if (children.length > 0) out.push({ parent: i, children })
    })
    return out.filter((s) => s.children.length > 0)
  }
  const leakOf = () => {
    const { lo, hi } = propagate(nodes, sums(), threshold)
    return nodes.findIndex((n, i) => n.state !== 'collapsed' && n.value > 0 && lo[i]! >= hi[i]!)
  }

  // Under a count already shown as "fewer than", sub-cells could only be smaller still: they are not listed.
  for (let i = 1; i < nodes.length; i++) if (nodes[i]!.state === 'primary' && nodes[i]!.children.length > 0) collapse(nodes, i)

  for (let guard = 0; guard <= nodes.length * nodes.length + 1; guard++) {
    const leak = leakOf()
    if (leak === -1) return tops.map((top, g) => (withheldGroups[g] ? { withheld: true, cells: [] } : { withheld: false, cells: output(nodes, top, threshold) }))
    const complement = chooseComplement(nodes, leak, leakOf, siblingsOf)
    if (complement !== -1) {
      nodes[complement]!.state = 'secondary'
      continue
    }
    // Nothing left to withhold beside it: stop showing the sub-cells of its parent, or a whole breakdown.
    const parent = nodes[leak]!.parent
    if (parent > 0) collapse(nodes, parent)
    else {
      // The theme's count itself, or a cell at the top: withhold the breakdown that pins it (the first
      // one whose withholding alone frees it, else the leak's own, else the first still shown).
      const open = withheldGroups.map((w, g) => (w ? -1 : g)).filter((g) => g !== -1)
      const frees = open.find((g) => {
        const saved = nodes.map((n) => n.state)
        withholdGroup(g)
        const freed = leakOf() !== leak
        saved.forEach((s, i) => (nodes[i]!.state = s))
        withheldGroups[g] = false
        return freed
      })
      withholdGroup(frees ?? (leak > 0 ? nodes[leak]!.group : open[0]!))
    }
    // The shape changed: choose the complements again from scratch.
    for (const node of nodes) if (node.state === 'secondary') node.state = 'shown'
  }
  throw new Error('suppression did not settle') // unreachable: each round withholds or hides at least one cell
}

/**
 * What a reader can deduce about each count: lower and upper bounds, propagated
 * through every shown sum until nothing changes. A rounded figure is known to
 * its window (`figureRange`), a primary cell to 1..threshold−1, a withheld one to
 * at least the threshold and at most the largest the total can be.
 */
function propagate(nodes: readonly Node[], sums: readonly { parent: number; children: number[] }[], threshold: number) {
  const range = (n: Node): [number, number] => figureRange(n.value > 0 && n.value < threshold ? { lt: threshold } : { n: roundCount(n.value, threshold) }, threshold)!
  const top = range(nodes[0]!)[1]
  const lo = nodes.map((n) => (n.state === 'shown' || n.state === 'primary' ? range(n)[0] : n.state === 'secondary' ? threshold : 0))
  const hi = nodes.map((n) => (n.state === 'shown' || n.state === 'primary' ? range(n)[1] : top))
  for (let changed = true, rounds = 0; changed && rounds < 1000; rounds++) {
    changed = false
    for (const { parent, children } of sums) {
      let sumLo = 0
      let sumHi = 0
      for (const c of children) {
        sumLo += lo[c]!
        sumHi += hi[c]!
      }
      if (sumLo > lo[parent]!) {
        lo[parent] = sumLo
        changed = true
      }
      if (sumHi < hi[parent]!) {
        hi[parent] = sumHi
        changed = true
      }
      for (const c of children) {
        const cLo = lo[parent]! - (sumHi - hi[c]!)
        const cHi = hi[parent]! - (sumLo - lo[c]!)
        if (cLo > lo[c]!) {
          lo[c] = cLo
          changed = true
        }
        if (cHi < hi[c]!) {
          hi[c] = cHi
          changed = true
        }
      }
    }
  }
  return { lo, hi }
}

/**
 * The next cell to withhold so that `leak` can no longer be worked out: the
 * smallest cell whose withholding alone does it (usually the next-smallest cell
 * of the same sum); failing that, the largest sibling (most room to hide in),
 * or, with no sibling left, the parent, or the parent's largest sibling, and so
 * on up to the top, where nothing is withheld (-1).
 */
function chooseComplement(nodes: Node[], leak: number, leakOf: () => number, siblingsOf: (i: number) => number[]): number {
  const opens = (candidate: number) => {
    nodes[candidate]!.state = 'secondary'
    const next = leakOf()
    nodes[candidate]!.state = 'shown'
    return next !== leak
  }
  const candidates = nodes
    .map((n, i) => ({ n, i }))
    .filter(({ n, i }) => i > 0 && n.state === 'shown' && n.value > 0)
    .sort((a, b) => a.n.value - b.n.value || a.i - b.i)
  const alone = candidates.find(({ i }) => opens(i))
  if (alone) return alone.i
  if (leak === 0) return -1

  let x = leak
  for (;;) {
    const parent = nodes[x]!.parent
    const siblings = siblingsOf(x).filter((c) => c !== x && nodes[c]!.state === 'shown' && nodes[c]!.value > 0)
    if (siblings.length > 0) return siblings.reduce((best, c) => (nodes[c]!.value > nodes[best]!.value ? c : best))
    if (parent === 0) return -1
    if (nodes[parent]!.state === 'shown') return parent
    x = parent
  }
}

function hideBelow(nodes: Node[], i: number) {
  for (const c of nodes[i]!.children) {
    nodes[c]!.state = 'collapsed'
    hideBelow(nodes, c)
  }
}

function collapse(nodes: Node[], parent: number) {
  nodes[parent]!.childrenWithheld = true
  hideBelow(nodes, parent)
}

function output(nodes: readonly Node[], indexes: readonly number[], threshold: number): FigureCell[] {
  return indexes.map((i) => {
    const node = nodes[i]!
    const figure: Figure = node.state === 'primary' ? { lt: threshold } : node.state === 'secondary' ? { withheld: true } : { n: roundCount(node.value, threshold) }
    const cell: FigureCell = { key: node.key, figure }
    if (node.childrenWithheld) cell.childrenWithheld = true
    else if (node.children.length > 0) cell.children = output(nodes, node.children, threshold)
    return cell
  })
}
