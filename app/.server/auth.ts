import { redirect } from '@remix-run/node'
import type { Role } from '../../server/schemas/reference'
import { homePathFor } from '../../server/services/auth'
import { getCaller } from './trpc'

export { homePathFor }

/** The signed-in user of a page that needs one of `roles`; others go to sign-in or their own home. */
export async function requireRole(request: Request, ...roles: Role[]) {
  const caller = await getCaller(request)
  const user = await caller.auth.me()
  if (!user) {
    const url = new URL(request.url)
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`)
  }
  if (!roles.includes(user.role)) throw redirect(homePathFor(user.role))
  return { user, caller }
}
