/**
 * External clustering quality: normalised mutual information (arithmetic mean, as
 * scikit-learn's default) and adjusted Rand index. Labels may be any strings or numbers.
 */
type Label = string | number

function contingency(truth: readonly Label[], predicted: readonly Label[]) {
  if (truth.length !== predicted.length) throw new Error('label arrays differ in length')
  const rowIndex = new Map<Label, number>()
  const colIndex = new Map<Label, number>()
  const cells = new Map<number, number>()
  const rows: number[] = []
  const cols: number[] = []
  for (let i = 0; i < truth.length; i++) {
    let r = rowIndex.get(truth[i])
    if (r === undefined) rowIndex.set(truth[i], (r = rows.push(0) - 1))
    let c = colIndex.get(predicted[i])
    if (c === undefined) colIndex.set(predicted[i], (c = cols.push(0) - 1))
    rows[r]++
    cols[c]++
    const key = r * 1_000_003 + c
    cells.set(key, (cells.get(key) ?? 0) + 1)
  }
  return { rows, cols, cells: [...cells.values()], cellKeys: [...cells.keys()], n: truth.length }
}

function entropy(counts: readonly number[], n: number): number {
  let h = 0
  for (const c of counts) if (c > 0) h -= (c / n) * Math.log(c / n)
  return h
}

export function normalizedMutualInformation(truth: readonly Label[], predicted: readonly Label[]): number {
  const { rows, cols, cells, cellKeys, n } = contingency(truth, predicted)
  if (n === 0) return 1
  const hTruth = entropy(rows, n)
  const hPred = entropy(cols, n)
  // Both labelings constant (or identical single cluster): perfectly agreeing by convention.
  if (hTruth === 0 && hPred === 0) return 1
  let mi = 0
  for (let i = 0; i < cells.length; i++) {
    const nij = cells[i]
    const r = Math.floor(cellKeys[i] / 1_000_003)
    const c = cellKeys[i] % 1_000_003
    mi += (nij / n) * Math.log((n * nij) / (rows[r] * cols[c]))
  }
  const denom = (hTruth + hPred) / 2
  return denom === 0 ? 0 : Math.max(0, Math.min(1, mi / denom))
}

const pairs = (x: number) => (x * (x - 1)) / 2

export function adjustedRandIndex(truth: readonly Label[], predicted: readonly Label[]): number {
  const { rows, cols, cells, n } = contingency(truth, predicted)
  if (n < 2) return 1
  const sumCells = cells.reduce((s, x) => s + pairs(x), 0)
  const sumRows = rows.reduce((s, x) => s + pairs(x), 0)
  const sumCols = cols.reduce((s, x) => s + pairs(x), 0)
  const expected = (sumRows * sumCols) / pairs(n)
  const max = (sumRows + sumCols) / 2
  if (max === expected) return 1
  return (sumCells - expected) / (max - expected)
}
