/**
 * Runs `task` now and then every `intervalMs`, never two at once in this
 * process; a failure is logged and retried at the next tick. The timer does
 * not keep the process alive. Returns a function that stops it.
 */
export function startPeriodicJob(name: string, intervalMs: number, task: () => Promise<void>): () => void {
  let running = false
  const run = async () => {
    if (running) return
    running = true
    try {
      await task()
    } catch (error) {
      console.error(`[voces] ${name} failed; will retry at the next run:`, error)
    } finally {
      running = false
    }
  }
  void run()
  const timer = setInterval(() => void run(), intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
