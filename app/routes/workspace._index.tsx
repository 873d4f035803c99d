import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { SUBMISSION_STATUSES } from '../../server/schemas/reference'
import { requireRole } from '../.server/auth'
import { toResponse } from '../.server/trpc'
import { Pagination, pageFrom } from '../components/pagination'
import { formatDate, formatMonth } from '../components/submission-meta'

export const meta: MetaFunction = () => [{ title: 'Voces — Workspace' }]

const LANGS = ['en', 'es', 'other'] as const

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.includes(value as T) ? (value as T) : undefined
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { caller } = await requireRole(request, 'facilitator')
  const params = new URL(request.url).searchParams
  const filter = { status: oneOf(SUBMISSION_STATUSES, params.get('status')), language: oneOf(LANGS, params.get('language')) }
  const list = await caller.submission.list({ ...filter, page: pageFrom(request), pageSize: 25 }).catch(toResponse)
  return { list, filter }
}

export default function Workspace() {
  const { t, i18n } = useTranslation()
  const { list, filter } = useLoaderData<typeof loader>()
  return (
    <section className="page">
      <h1>{t('workspace.title')}</h1>
      <p className="lead">{t('workspace.intro')}</p>
      <Form method="get" className="filters" aria-label={t('workspace.filters')}>
        <label>
          {t('submission.status')}
          <select name="status" defaultValue={filter.status ?? ''}>
            <option value="">{t('common.all')}</option>
            {SUBMISSION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('submission.language')}
          <select name="language" defaultValue={filter.language ?? ''}>
            <option value="">{t('common.all')}</option>
            {LANGS.map((l) => (
              <option key={l} value={l}>
                {t(`language.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button--secondary">
          {t('workspace.apply')}
        </button>
      </Form>
      <p role="status">{t('workspace.count', { count: list.total })}</p>
      {list.items.length === 0 ? (
        <p className="empty">{t('workspace.empty')}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('workspace.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('workspace.received')}</th>
              <th scope="col">{t('workspace.testimony')}</th>
              <th scope="col">{t('submission.language')}</th>
              <th scope="col">{t('submission.area')}</th>
              <th scope="col">{t('submission.incidentMonth')}</th>
              <th scope="col">{t('submission.status')}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((s) => (
              <tr key={s.id}>
                <td>{formatDate(s.createdAt, i18n.language)}</td>
                <td>
                  <Link to={`/workspace/submissions/${s.id}`} lang={s.language === 'other' ? undefined : s.language}>
                    {excerpt(s.text)}
                  </Link>
                </td>
                <td>{t(`language.${s.language}`)}</td>
                <td>{s.area ? t(`area.${s.area}`) : '—'}</td>
                <td>{s.incidentMonth ? formatMonth(s.incidentMonth, i18n.language) : '—'}</td>
                <td>
                  <span className={`status status--${s.status}`}>{t(`status.${s.status}`)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} />
    </section>
  )
}

function excerpt(text: string | null, max = 140) {
  if (!text) return '—'
  return text.length > max ? text.slice(0, max).trimEnd() + '…' : text
}
