import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'

/**
 * A translated sentence with a receipt code in it, the code drawn by `render` (a link) and the
 * rest kept as text: "Merged into ANX-NPC-KTK" with ANX-NPC-KTK a link, in any language.
 */
export function withCode(sentence: string, code: string, render: (code: string) => ReactNode): ReactNode[] {
  const parts = sentence.split(code)
  const out: ReactNode[] = []
  parts.forEach((part, i) => {
    if (part) out.push(part)
    if (i < parts.length - 1) out.push(<span key={i}>{render(code)}</span>)
  })
  return out
}

/** A sentence naming another submission by its receipt code, the code linked to that submission's page. */
export function SubmissionCodeSentence({ sentence, code, id }: { sentence: string; code: string; id: string | null }) {
  if (!id) return <>{sentence}</>
  return <>{withCode(sentence, code, (c) => <Link to={`/workspace/submissions/${id}`}>{c}</Link>)}</>
}
