import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { TRPCError } from '@trpc/server'
import { useTranslation } from 'react-i18next'
import { THEME_STATUSES, ThemeFromTagSchema } from '../../server/schemas/theme'
import { requireRole } from '../.server/auth'
import { formErrorOf, getCaller, toResponse } from '../.server/trpc'
import { CsrfInput } from '../components/csrf-input'
import { describedBy, ErrorList, Field } from '../components/field'
import { formatDate } from '../components/submission-meta'
import { readForm } from '../.server/form'

export const meta: MetaFunction = () => [{ title: 'Voces — Themes' }]

const VIEWS = [...THEME_STATUSES, 'all'] as const
type View = (typeof VIEWS)[number]

export async function loader({ request }: LoaderFunctionArgs) {
  const { caller } = await requireRole(request, 'facilitator')
  const requested = new URL(request.url).searchParams.get('status')
  const status: View = (VIEWS as readonly string[]).includes(requested ?? '') ? (requested as View) : 'active'
  const [themes, tags] = await Promise.all([caller.theme.list({ status }), caller.tag.list()]).catch(toResponse)
  return { themes, tags, status }
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request)
  const caller = await getCaller(request, { form })
  const submission = parseWithZod(form, { schema: ThemeFromTagSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  try {
    const theme = await caller.theme.createFromTag(submission.value)
    return redirect(`/workspace/themes/${theme.id}?created=1`)
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'UNAUTHORIZED') toResponse(error)
    return data({ result: submission.reply({ fieldErrors: { tagId: [formErrorOf(error)] } }) }, { status: 400 })
  }
}

export default function Themes() {
  const { t, i18n } = useTranslation()
  const { themes, tags, status } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ThemeFromTagSchema }),
    shouldValidate: 'onBlur',
  })
  const es = i18n.language === 'es'
  return (
    <section className="page">
      <h1>{t('themes.title')}</h1>
      <p className="lead">{t('themes.intro')}</p>
      <p>
        <Link to="/workspace/runs">{t('themes.fromRuns')}</Link>
      </p>

      <nav aria-label={t('themes.views')} className="view-switch">
        <ul>
          {VIEWS.map((view) => (
            <li key={view}>
              <Link to={view === 'active' ? '/workspace/themes' : `/workspace/themes?status=${view}`} aria-current={view === status ? 'page' : undefined}>
                {t(`themes.view.${view}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {themes.length === 0 ? (
        <p className="empty">{t('themes.none')}</p>
      ) : (
        <table className="table" data-testid="themes-table">
          <caption className="visually-hidden">{t('themes.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('themes.themeTitle')}</th>
              <th scope="col">{t('themes.members')}</th>
              <th scope="col">{t('themes.quotes')}</th>
              <th scope="col">{t('themes.statusHeading')}</th>
              <th scope="col">{t('themes.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {themes.map((theme) => (
              <tr key={theme.id}>
                <td>
                  <Link to={`/workspace/themes/${theme.id}`}>{theme.title}</Link>
                </td>
                <td>{theme.memberCount}</td>
                <td>{theme.quoteCount}</td>
                <td>
                  <span className={`status theme-status--${theme.status}`}>{t(`themes.status.${theme.status}`)}</span>
                  {theme.mergedIntoId ? (
                    <>
                      {' '}
                      {t('themes.into')} <Link to={`/workspace/themes/${theme.mergedIntoId}`}>{theme.mergedIntoTitle}</Link>
                    </>
                  ) : null}
                </td>
                <td>{formatDate(theme.updatedAt, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 id="from-tag-heading">{t('themes.fromTagHeading')}</h2>
      <p>{t('themes.fromTagHelp')}</p>
      <Form method="post" {...getFormProps(form)} className="stack narrow" aria-labelledby="from-tag-heading">
        <CsrfInput />
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field id={fields.tagId.id} label={t('workspace.tag')} errors={fields.tagId.errors} required>
          <select {...getSelectProps(fields.tagId)} aria-describedby={describedBy(fields.tagId.id, { errors: fields.tagId.errors })}>
            <option value="">{t('common.chooseOne')}</option>
            {tags
              .filter((tag) => !tag.retiredAt)
              .map((tag) => (
                <option key={tag.id} value={tag.id}>
                  {tag.parentId ? '— ' : ''}
                  {es ? tag.nameEs : tag.nameEn}
                </option>
              ))}
          </select>
        </Field>
        <Field id={fields.title.id} label={t('themes.titleOptional')} help={t('themes.titleOptionalHelp')} errors={fields.title.errors}>
          <input {...getInputProps(fields.title, { type: 'text' })} maxLength={200} aria-describedby={describedBy(fields.title.id, { help: true, errors: fields.title.errors })} />
        </Field>
        <p>
          <button type="submit" className="button">
            {t('themes.createFromTag')}
          </button>
        </p>
      </Form>
    </section>
  )
}
