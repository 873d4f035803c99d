import { useRouteLoaderData } from '@remix-run/react'

/** The hidden CSRF field every form that changes something carries. */
export function CsrfInput() {
  const root = useRouteLoaderData('root') as { csrf?: string } | undefined
  return <input type="hidden" name="csrf" value={root?.csrf ?? ''} />
}
