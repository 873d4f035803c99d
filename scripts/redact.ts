/**
 * npm run --silent redact < in.jsonl > out.jsonl
 *
 * Reads JSON lines {"id", "text", "lang"?} on stdin and writes one line
 * {"id", "redacted", "entities": [{"type", "start", "end"}]} per input line on
 * stdout, in order, streaming. Blank lines are skipped. A malformed line is
 * reported on stderr as "line N: reason" and produces no output; the run goes
 * on so that every bad line is reported at once, and the exit code is 1 if
 * there was any. Nothing but results is written to stdout.
 */
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { redactLine } from '../server/analysis/redact-lines'

// A reader that stops early ("| head") closes the pipe: stop quietly instead of throwing EPIPE.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0)
  process.stderr.write(`redact: cannot write output: ${err.message}\n`)
  process.exit(2)
})

async function main(): Promise<number> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity })
  let lineNumber = 0
  let failures = 0
  for await (const raw of lines) {
    lineNumber++
    const line = lineNumber === 1 ? raw.replace(/^\uFEFF/, '') : raw
    if (line.trim() === '') continue
    const result = redactLine(line)
    if (!result.ok) {
      failures++
      process.stderr.write(`line ${lineNumber}: ${result.error}\n`)
      continue
    }
    if (!process.stdout.write(JSON.stringify(result.output) + '\n')) await once(process.stdout, 'drain')
  }
  if (failures > 0) process.stderr.write(`redact: ${failures} malformed line(s) of ${lineNumber}; see above\n`)
  return failures > 0 ? 1 : 0
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (err: unknown) => {
    process.stderr.write(`redact: ${err instanceof Error ? err.message : String(err)}\n`)
    process.exitCode = 2
  },
)
