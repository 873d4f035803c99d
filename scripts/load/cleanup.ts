/**
 * Clean-up for the load and fault scripts: everything they start (PostgreSQL in
 * a temp folder, app processes, nginx, scratch databases) registers a way to
 * undo it, run in reverse order on a normal end, an error, Ctrl-C or SIGTERM.
 * Only processes this script started are ever signalled, by their own pid.
 */
type Step = { name: string; run: () => void | Promise<void>; sync?: () => void }

const steps: Step[] = []
let running: Promise<void> | null = null

/** `sync` is the fallback used if the process exits without awaiting `runCleanup()`. */
export function onCleanup(name: string, run: () => void | Promise<void>, sync?: () => void): () => void {
  const step = { name, run, sync }
  steps.push(step)
  return () => {
    const index = steps.indexOf(step)
    if (index >= 0) steps.splice(index, 1)
  }
}

export function runCleanup(): Promise<void> {
  running ??= (async () => {
    while (steps.length > 0) {
      const step = steps.pop()!
      try {
        await step.run()
      } catch (error) {
        console.error(`[cleanup] ${step.name}:`, error instanceof Error ? error.message : error)
      }
    }
  })()
  return running
}

// Kept for every signal, not once: Ctrl-C reaches this process both from the terminal and
// relayed by npm/tsx, and a second signal without a listener would end it mid-clean-up.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (running) return
    console.error(`\n${signal}: cleaning up…`)
    void runCleanup().finally(() => process.exit(130))
  })
}
process.once('exit', () => {
  // Last resort (process.exit without cleanup): only synchronous steps can run here.
  for (const step of steps.reverse()) {
    try {
      step.sync?.()
    } catch {
      // best effort
    }
  }
})

/** Runs `main`, then the clean-up, and exits with its code (1 on an exception). */
export function runScript(main: () => Promise<number>) {
  main()
    .then(
      async (code) => {
        await runCleanup()
        process.exit(code)
      },
      async (error) => {
        // After Ctrl-C, the servers stopping under a request is expected, not worth a stack trace.
        if (!running) console.error(error instanceof Error ? (error.stack ?? error.message) : error)
        await runCleanup()
        process.exit(1)
      },
    )
}
