import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { isLocale } from '../../server/lib/locale'
import { localeCookie, safeRedirectPath } from '../.server/request'
import { getCaller } from '../.server/trpc'
import { readFormForResourceRoute } from '../.server/form'

export async function loader() {
  return redirect('/')
}

/** Remembers the chosen language in a cookie, and on the profile when signed in. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readFormForResourceRoute(request)
  const locale = form.get('locale')
  const to = safeRedirectPath(form.get('redirectTo'))
  if (!isLocale(locale)) return redirect(to)
  const caller = await getCaller(request, { form })
  if (await caller.auth.me()) await caller.auth.setLocale({ locale }).catch(() => undefined)
  return redirect(to, { headers: { 'Set-Cookie': localeCookie(locale) } })
}
