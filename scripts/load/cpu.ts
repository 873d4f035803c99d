/**
 * CPU time of processes from /proc (Linux), so that the load benchmark can say
 * what a request costs even when other work shares the machine's cores: wall-clock
 * rates then measure the sharing, CPU seconds much less.
 */
import { readdirSync, readFileSync } from 'node:fs'

const TICKS_PER_SECOND = 100 // sysconf(_SC_CLK_TCK) on Linux

type Stat = { ppid: number; own: number; children: number }

function statOf(pid: number): Stat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // After "pid (comm) ": state ppid … utime(14) stime(15) cutime(16) cstime(17), 1-based.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
    const n = (i: number) => Number(fields[i - 3])
    return { ppid: n(4), own: (n(14) + n(15)) / TICKS_PER_SECOND, children: (n(16) + n(17)) / TICKS_PER_SECOND }
  } catch {
    return null
  }
}

/**
 * CPU seconds used so far by a process and everything under it: its own (all
 * threads), its reaped children's, and its live descendants'.
 */
export function treeCpuSeconds(root: number): number {
  const { own, descendants } = cpuSecondsOf(root)
  return own + descendants
}

/** A process's own CPU seconds (all its threads) and those of the processes under it. */
export function cpuSecondsOf(root: number): { own: number; descendants: number } {
  const stats = new Map<number, Stat>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const stat = statOf(Number(entry))
    if (stat) stats.set(Number(entry), stat)
  }
  const rootStat = stats.get(root)
  if (!rootStat) return { own: 0, descendants: 0 }
  let descendants = rootStat.children
  const queue = [root]
  while (queue.length > 0) {
    const parent = queue.pop()!
    for (const [pid, stat] of stats) {
      if (stat.ppid !== parent) continue
      descendants += stat.own + stat.children
      queue.push(pid)
    }
  }
  return { own: rootStat.own, descendants }
}
