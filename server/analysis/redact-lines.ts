/**
 * One line of the `npm run redact` stream: parse and validate the JSON input,
 * redact, and return either the output object or a readable error. Pure, so
 * the command itself (scripts/redact.ts) only moves lines.
 */
import { z } from 'zod'
import { redact, type Entity } from './redact'

export const RedactLineInputSchema = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  lang: z.string().optional(),
})

export type RedactLineOutput = { id: string | number; redacted: string; entities: Entity[] }
export type RedactLineResult = { ok: true; output: RedactLineOutput } | { ok: false; error: string }

export function redactLine(line: string): RedactLineResult {
  let json: unknown
  try {
    json = JSON.parse(line)
  } catch (err) {
    return { ok: false, error: `not valid JSON (${(err as Error).message})` }
  }
  const parsed = RedactLineInputSchema.safeParse(json)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(line)'}: ${i.message}`).join('; ')
    return { ok: false, error: `expected {"id": string|number, "text": string, "lang"?: string} — ${issues}` }
  }
  const { id, text, lang } = parsed.data
  const { redacted, entities } = redact(text, { lang })
  return { ok: true, output: { id, redacted, entities: entities.map(({ type, start, end }) => ({ type, start, end })) } }
}
