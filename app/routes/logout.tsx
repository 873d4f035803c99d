import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { getCaller } from '../.server/trpc'

export async function loader() {
  return redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData()
  const resHeaders = new Headers()
  const caller = await getCaller(request, { form, resHeaders })
  await caller.auth.logout().catch(() => undefined) // already signed out is fine
  return redirect('/', { headers: resHeaders })
}
