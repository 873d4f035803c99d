import { redirect, type LoaderFunctionArgs } from '@remix-run/node'

/** The old address of the account list (the admin page's promise, issue 13): kept working. */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  return redirect(`/admin/accounts${url.search}`, 301)
}
