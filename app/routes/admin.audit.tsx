import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { AUDIT_EXPORT_LIMIT, AUDIT_FILTER_KEYS as FILTER_KEYS } from '../../server/schemas/audit'
import { auditFilterFrom } from '../.server/audit'
import { requireRole } from '../.server/auth'
import { resolveLocale } from '../.server/request'
import { toResponse } from '../.server/trpc'
import { CsrfInput } from '../components/csrf-input'
import { describedBy, Field } from '../components/field'
import { Pagination, pageFrom } from '../components/pagination'

export const meta: MetaFunction = () => [{ title: 'Voces — Audit log' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, caller } = await requireRole(request, 'admin')
  const url = new URL(request.url)
  const { filter, errors } = auditFilterFrom((key) => url.searchParams.get(key))
  const locale = resolveLocale(request, user.locale) === 'es' ? 'es' : 'en'
  const result = await caller.audit.search({ filter, page: pageFrom(request), locale }).catch(toResponse)
  const raw = Object.fromEntries(FILTER_KEYS.map((key) => [key, url.searchParams.get(key) ?? ''])) as Record<(typeof FILTER_KEYS)[number], string>
  return { ...result, raw, errors, filtered: Object.values(filter).some(Boolean) }
}

export default function AuditLog() {
  const { t } = useTranslation()
  const { entries, actions, total, page, pageCount, raw, errors, filtered } = useLoaderData<typeof loader>()
  const errorsOf = (key: string) => (errors[key] ? [errors[key]!] : undefined)
  const textField = (key: 'who' | 'target' | 'from' | 'to', label: string, help: string, extra: Record<string, unknown> = {}) => (
    <Field id={`audit-${key}`} label={label} help={help} errors={errorsOf(key)}>
      <input
        id={`audit-${key}`}
        name={key}
        type="text"
        defaultValue={raw[key]}
        maxLength={120}
        aria-invalid={errors[key] ? true : undefined}
        aria-describedby={describedBy(`audit-${key}`, { help: true, errors: errorsOf(key) })}
        {...extra}
      />
    </Field>
  )
  return (
    <section className="page">
      <h1>{t('audit.title')}</h1>
      <p className="lead">{t('audit.intro')}</p>
      <Form method="get" className="filters" role="search" aria-label={t('audit.filter')}>
        {textField('who', t('audit.who'), t('audit.whoHelp'))}
        <Field id="audit-action" label={t('audit.action')} errors={errorsOf('action')}>
          <select id="audit-action" name="action" defaultValue={raw.action}>
            <option value="">{t('audit.anyAction')}</option>
            {actions.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </select>
        </Field>
        {textField('target', t('audit.target'), t('audit.targetHelp'))}
        {textField('from', t('audit.from'), t('audit.dateHelp'), { placeholder: 'YYYY-MM-DD', inputMode: 'numeric' })}
        {textField('to', t('audit.to'), t('audit.dateHelp'), { placeholder: 'YYYY-MM-DD', inputMode: 'numeric' })}
        <div className="filters__actions">
          <button type="submit" className="button">
            {t('audit.filter')}
          </button>
          {filtered ? <Link to="/admin/audit">{t('audit.clear')}</Link> : null}
        </div>
      </Form>

      {/* A native form: the download is a file, not a page. */}
      <Form method="post" action="/admin/audit/export" reloadDocument className="actions">
        <CsrfInput />
        {FILTER_KEYS.map((key) => (raw[key] && !errors[key] ? <input key={key} type="hidden" name={key} value={raw[key]} /> : null))}
        <button type="submit" className="button button--secondary">
          {t('audit.export')}
        </button>
        <p className="field__help">{t('audit.exportNote', { max: AUDIT_EXPORT_LIMIT.toLocaleString() })}</p>
      </Form>

      <p>{t('audit.count', { count: total })}</p>
      {entries.length === 0 ? (
        <p className="empty">{t('audit.none')}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('audit.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.what')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} data-testid="audit-entry" data-action={entry.action}>
                <td>
                  <time dateTime={new Date(entry.at).toISOString()}>{entry.when}</time>
                </td>
                <td>
                  {entry.text} <code>{entry.action}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={page} pageCount={pageCount} label={t('audit.title')} />
    </section>
  )
}
