/**
 * Small-cell suppression for every count shown outside the facilitator
 * workspace (report pages, exports, the public page). Pure: counts in, what a
 * reader may see out. See docs/decisions/070-reports-suppression-exports.md.
 *
 * - Primary: a count of 1 to threshold − 1 is shown as "fewer than <threshold>".
 *   Zero is shown: it describes nobody.
 * - Secondary: when the cells of a breakdown add up to a total the reader sees
 *   (the theme's count, or a bureau's count for its Areas), other cells are
 *   withheld until no small count can be worked out exactly from the sums. The
 *   check is exact for the shapes used here (a total split into cells, a cell
 *   split again into sub-cells): bounds are propagated through every sum to a
 *   fixed point and each small cell must keep at least two possible values.
 * - Sub-cells of a cell shown as "fewer than" are not listed. When no other cell
 *   can be withheld to protect a small one, the sub-cells of its parent are not
 *   listed either, or, at the top, the whole breakdown is withheld.
 */

/** What a reader sees for one count. */
export type Figure =
  /** The count: zero, or at least the threshold. */
  | { n: number }
  /** Primary suppression: "fewer than `lt`". */
  | { lt: number }
  /** Secondary suppression: withheld so that a small count cannot be worked out. */
  | { withheld: true }

export type CountCell = { key: string; count: number; children?: CountCell[] }
export type FigureCell = { key: string; figure: Figure; children?: FigureCell[]; childrenWithheld?: true }
export type SuppressedBreakdown = { withheld: boolean; cells: FigureCell[] }

export const isExact = (f: Figure): f is { n: number } => 'n' in f
export const isFewer = (f: Figure): f is { lt: number } => 'lt' in f
export const isWithheld = (f: Figure): f is { withheld: true } => 'withheld' in f

/** A count shown on its own (no sum it belongs to is shown): primary suppression only. */
export function suppressCount(count: number, threshold: number): Figure {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`not a count: ${count}`)
  return count > 0 && count < threshold ? { lt: threshold } : { n: count }
}

/**
 * Cells whose counts overlap (one submission may name several agencies), so no
 * shown sum ties them together: each is suppressed on its own.
 */
export function suppressIndependent(cells: readonly CountCell[], threshold: number): SuppressedBreakdown {
  return { withheld: false, cells: cells.map((c) => ({ key: c.key, figure: suppressCount(c.count, threshold) })) }
}

type State = 'exact' | 'primary' | 'secondary' | 'collapsed'
type Node = { key: string; value: number; state: State; parent: number; children: number[]; childrenWithheld: boolean }

/**
 * Cells (and their sub-cells) that split `total` exactly; the reader sees the
 * total. Returns the figures to show, in the order given.
 */
export function suppressPartition(total: number, cells: readonly CountCell[], threshold: number): SuppressedBreakdown {
  if (!Number.isInteger(threshold) || threshold < 2) throw new RangeError(`threshold must be an integer of 2 or more: ${threshold}`)
  if (total < threshold) return { withheld: true, cells: [] }

  const nodes: Node[] = [{ key: '', value: total, state: 'exact', parent: -1, children: [], childrenWithheld: false }]
  const add = (cell: CountCell, parent: number) => {
    if (!Number.isInteger(cell.count) || cell.count < 0) throw new RangeError(`not a count: ${cell.key}=${cell.count}`)
    const index = nodes.length
    nodes.push({ key: cell.key, value: cell.count, state: cell.count > 0 && cell.count < threshold ? 'primary' : 'exact', parent, children: [], childrenWithheld: false })
    nodes[parent]!.children.push(index)
    for (const child of cell.children ?? []) add(child, index)
  }
  for (const cell of cells) add(cell, 0)
  for (const node of nodes) {
    if (node.children.length === 0) continue
    const sum = node.children.reduce((s, c) => s + nodes[c]!.value, 0)
    if (sum !== node.value) throw new RangeError(`cells of "${node.key || 'total'}" add up to ${sum}, not ${node.value}`)
  }

  // Under a count already shown as "fewer than", sub-cells could only be smaller still: they are not listed.
  for (let i = 1; i < nodes.length; i++) if (nodes[i]!.state === 'primary' && nodes[i]!.children.length > 0) collapse(nodes, i)

  for (let guard = 0; guard <= nodes.length * nodes.length + 1; guard++) {
    const bounds = propagate(nodes, threshold, total)
    const leak = nodes.findIndex((n, i) => n.state === 'primary' && bounds.lo[i]! >= bounds.hi[i]!)
    if (leak === -1) return { withheld: false, cells: output(nodes, 0, threshold) }
    const complement = chooseComplement(nodes, leak, threshold, total)
    if (complement !== -1) {
      nodes[complement]!.state = 'secondary'
      continue
    }
    // Nothing left to withhold beside it: stop showing the sub-cells of its parent, or the whole breakdown.
    const parent = nodes[leak]!.parent
    if (parent === 0) return { withheld: true, cells: [] }
    collapse(nodes, parent)
    // The shape changed: choose the complements again from scratch.
    for (const node of nodes) if (node.state === 'secondary') node.state = 'exact'
  }
  throw new Error('suppression did not settle') // unreachable: each round withholds or hides at least one cell
}

/**
 * What a reader can deduce about each cell: lower and upper bounds, propagated
 * through every shown sum until nothing changes. A primary cell is known to be
 * 1..threshold−1, a secondary one at least the threshold, an exact one itself.
 */
function propagate(nodes: readonly Node[], threshold: number, total: number) {
  const lo = nodes.map((n) => (n.state === 'exact' ? n.value : n.state === 'primary' ? 1 : n.state === 'secondary' ? threshold : 0))
  const hi = nodes.map((n) => (n.state === 'exact' ? n.value : n.state === 'primary' ? threshold - 1 : total))
  const sums = nodes.map((n, i) => ({ parent: i, children: n.children.filter((c) => nodes[c]!.state !== 'collapsed') })).filter((e) => e.children.length > 0)
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
 * on up to the total, which is never withheld (-1).
 */
function chooseComplement(nodes: Node[], leak: number, threshold: number, total: number): number {
  const opens = (candidate: number) => {
    nodes[candidate]!.state = 'secondary'
    const { lo, hi } = propagate(nodes, threshold, total)
    nodes[candidate]!.state = 'exact'
    return lo[leak]! < hi[leak]!
  }
  const candidates = nodes
    .map((n, i) => ({ n, i }))
    .filter(({ n, i }) => i > 0 && n.state === 'exact' && n.value > 0)
    .sort((a, b) => a.n.value - b.n.value || a.i - b.i)
  const alone = candidates.find(({ i }) => opens(i))
  if (alone) return alone.i

  let x = leak
  for (;;) {
    const parent = nodes[x]!.parent
    const siblings = nodes[parent]!.children.filter((c) => c !== x && nodes[c]!.state === 'exact' && nodes[c]!.value > 0)
    if (siblings.length > 0) return siblings.reduce((best, c) => (nodes[c]!.value > nodes[best]!.value ? c : best))
    if (parent === 0) return -1
    if (nodes[parent]!.state === 'exact') return parent
    x = parent
  }
}

function collapse(nodes: Node[], parent: number) {
  nodes[parent]!.childrenWithheld = true
  const hide = (i: number) => {
    for (const c of nodes[i]!.children) {
      nodes[c]!.state = 'collapsed'
      hide(c)
    }
  }
  hide(parent)
}

function output(nodes: readonly Node[], index: number, threshold: number): FigureCell[] {
  return nodes[index]!.children.map((i) => {
    const node = nodes[i]!
    const figure: Figure = node.state === 'primary' ? { lt: threshold } : node.state === 'secondary' ? { withheld: true } : { n: node.value }
    const cell: FigureCell = { key: node.key, figure }
    if (node.childrenWithheld) cell.childrenWithheld = true
    else if (node.children.length > 0) cell.children = output(nodes, i, threshold)
    return cell
  })
}
