import { useFormAction, useLocation } from '@remix-run/react'
import { useEffect, useRef, type ReactNode } from 'react'

/**
 * The one place a form's outcome is announced (docs/decisions/100): a
 * role="status" (success) or role="alert" (error) region with id="result"
 * that is scrolled into view and focused after every submission.
 *
 * - JavaScript on: an effect runs on every navigation (a new location key)
 *   and whenever `token` changes (a new action result), so a second identical
 *   message is announced again.
 * - JavaScript off: forms post to `useResultAction()` (their own action with
 *   "#result"), and redirects after a post carry "#result" (`withResult`): the
 *   browser scrolls the region into view on load.
 */
export const RESULT_ID = 'result'

export function FormResult({
  tone,
  children,
  token,
  className,
  testId,
  id = RESULT_ID,
}: {
  tone: 'success' | 'error' | 'info'
  children: ReactNode
  /** Changes with each submission's result (e.g. the action data), so it is announced again. */
  token?: unknown
  className?: string
  testId?: string
  id?: string
}) {
  const ref = useFocusOnResult<HTMLDivElement>(token)
  const base = tone === 'success' ? 'notice notice--success' : tone === 'error' ? 'notice notice--error' : 'notice'
  return (
    <div ref={ref} id={id} tabIndex={-1} role={tone === 'error' ? 'alert' : 'status'} className={`${base} form-result ${className ?? ''}`.trim()} data-testid={testId}>
      {children}
    </div>
  )
}

/** Scrolls the element into view and focuses it when it appears, on each navigation, and when `token` changes. */
export function useFocusOnResult<T extends HTMLElement>(token?: unknown) {
  const ref = useRef<T>(null)
  const { key } = useLocation()
  useEffect(() => {
    const element = ref.current
    if (!element) return
    // After React has painted and Remix's scroll restoration has run.
    const frame = requestAnimationFrame(() => {
      element.focus({ preventScroll: true })
      element.scrollIntoView({ block: 'center' })
    })
    return () => cancelAnimationFrame(frame)
  }, [key, token])
  return ref
}

/** The form's own action with "#result", so that without JavaScript the answer page opens at the result. */
export function useResultAction(): string {
  const action = useFormAction()
  return `${action}#${RESULT_ID}`
}

/** A redirect target after a successful post, opened at its result region. */
export function withResult(path: string): string {
  return `${path.replace(/#.*$/, '')}#${RESULT_ID}`
}
