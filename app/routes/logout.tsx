import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { getCaller } from '../.server/trpc'
import { readFormForResourceRoute } from '../.server/form'

export async function loader() {
  return redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readFormForResourceRoute(request)
  const resHeaders = new Headers()
  const caller = await getCaller(request, { form, resHeaders })
  // Already signed out is fine.
  if (form.get('everywhere') === '1') await caller.auth.logoutEverywhere().catch(() => undefined)
  else await caller.auth.logout().catch(() => undefined)
  return redirect('/', { headers: resHeaders })
}
