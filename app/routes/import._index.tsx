import {
  data,
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { IMPORT_MAX_BYTES, ImportUploadSchema } from '../../server/schemas/import'
import { requireRole } from '../.server/auth'
import { formErrorOf, getCaller, toResponse } from '../.server/trpc'
import { CsrfInput } from '../components/csrf-input'
import { describedBy, ErrorList, Field } from '../components/field'
import { FormResult, useResultAction } from '../components/form-result'
import { readForm } from '../.server/form'

export const meta: MetaFunction = () => [{ title: 'Voces — Import / Importar' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, caller } = await requireRole(request, 'submitter', 'facilitator')
  const organizations = user.role === 'facilitator' ? await caller.organization.list().catch(toResponse) : []
  const params = new URL(request.url).searchParams
  const imported = Number(params.get('imported'))
  return {
    role: user.role,
    organizationName: user.organizationName,
    organizations: organizations.map((o) => ({ id: o.id, name: o.name })),
    done: Number.isInteger(imported) && imported > 0 ? { count: imported, organization: params.get('organization') ?? '' } : null,
  }
}

type ActionResult = { formErrors: string[]; fieldErrors: { file?: string[]; organizationId?: string[] } }

export async function action({ request }: ActionFunctionArgs) {
  let form: FormData
  try {
    // The file stays in memory only until it is encrypted into the imports table.
    form = await readForm(request, (r) => unstable_parseMultipartFormData(r, unstable_createMemoryUploadHandler({ maxPartSize: IMPORT_MAX_BYTES })))
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return data<ActionResult>({ formErrors: [], fieldErrors: { file: ['errors.importTooLarge'] } }, { status: 400 })
    throw error
  }
  const file = form.get('file')
  const organizationId = form.get('organizationId')
  const parsed = ImportUploadSchema.safeParse({
    fileName: file instanceof File ? file.name : '',
    content: file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : undefined,
    organizationId: typeof organizationId === 'string' && organizationId !== '' ? organizationId : undefined,
  })
  if (!parsed.success) {
    const fieldErrors: ActionResult['fieldErrors'] = {}
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] === 'organizationId' ? 'organizationId' : 'file'
      ;(fieldErrors[key] ??= []).push(issue.message)
    }
    return data<ActionResult>({ formErrors: [], fieldErrors }, { status: 400 })
  }
  const caller = await getCaller(request, { form })
  try {
    const uploaded = await caller.import.upload(parsed.data)
    return redirect(`/import/${uploaded.id}`)
  } catch (error) {
    const key = formErrorOf(error)
    return data<ActionResult>(key === 'errors.organizationRequired' ? { formErrors: [], fieldErrors: { organizationId: [key] } } : { formErrors: [key], fieldErrors: {} }, { status: 400 })
  }
}

export default function ImportUpload() {
  const { t } = useTranslation()
  const { role, organizationName, organizations, done } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const navigation = useNavigation()
  const uploading = navigation.state === 'submitting' && navigation.formAction === '/import'
  // With JavaScript, a file over the limit is refused before it is sent (the server refuses it too, with the same message).
  const [tooLarge, setTooLarge] = useState<{ at: number } | null>(null)
  const fileErrors = tooLarge ? ['errors.importTooLarge'] : result?.fieldErrors.file
  const resultAction = useResultAction()
  const checkSize = (event: FormEvent<HTMLFormElement>) => {
    const file = (event.currentTarget.elements.namedItem('file') as HTMLInputElement | null)?.files?.[0]
    if (file && file.size > IMPORT_MAX_BYTES) {
      event.preventDefault()
      setTooLarge({ at: Date.now() })
    } else setTooLarge(null)
  }
  const orgErrors = result?.fieldErrors.organizationId
  return (
    <section className="page narrow">
      <h1>{t('import.title')}</h1>
      {done && !result && !tooLarge ? (
        <FormResult tone="success" testId="import-done">
          {t('import.done', { count: done.count, organization: done.organization })}
        </FormResult>
      ) : null}
      <p className="lead">{t('import.intro')}</p>
      <Form method="post" encType="multipart/form-data" className="stack" action={resultAction} onSubmit={checkSize}>
        <CsrfInput />
        <ErrorList id="import-form-error" errors={result?.formErrors} result token={result} />

        {role === 'facilitator' ? (
          <Field id="import-organization" label={t('import.organization')} help={t('import.organizationHelp')} errors={orgErrors} required result={!result?.formErrors.length} token={result}>
            <select id="import-organization" name="organizationId" required aria-describedby={describedBy('import-organization', { help: true, errors: orgErrors })}>
              <option value="">{t('common.chooseOne')}</option>
              {organizations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </Field>
        ) : (
          <p>
            {t('import.organization')}: <strong>{organizationName}</strong>
          </p>
        )}
        <Field id="import-file" label={t('import.file')} help={t('import.fileHelp')} errors={fileErrors} required result={!result?.formErrors.length && !orgErrors?.length} token={tooLarge ?? result}>
          <input id="import-file" type="file" name="file" accept=".csv,.txt,text/csv" required aria-describedby={describedBy('import-file', { help: true, errors: fileErrors })} />
        </Field>
        <p className="notice">{t('import.privacyNotice')}</p>
        <button type="submit" className="button" data-testid="import-upload" disabled={uploading}>
          {uploading ? t('import.uploading') : t('import.upload')}
        </button>
      </Form>
    </section>
  )
}
