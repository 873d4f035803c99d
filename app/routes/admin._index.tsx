import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requireRole } from '../.server/auth'
import { toResponse } from '../.server/trpc'
import { formatDate } from '../components/submission-meta'

export const meta: MetaFunction = () => [{ title: 'Voces — Admin' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { caller } = await requireRole(request, 'admin')
  const [organizations, audit] = await Promise.all([caller.organization.list(), caller.audit.list({ limit: 30 })]).catch(toResponse)
  return { organizations, audit }
}

export default function AdminHome() {
  const { t, i18n } = useTranslation()
  const { organizations, audit } = useLoaderData<typeof loader>()
  return (
    <section className="page">
      <h1>{t('admin.title')}</h1>
      <p className="lead">{t('admin.intro')}</p>
      <p>
        <Link className="button" to="/invitations">
          {t('admin.invite')}
        </Link>{' '}
        <Link className="button button--secondary" to="/admin/accounts">
          {t('admin.accountsLink')}
        </Link>{' '}
        <Link className="button button--secondary" to="/admin/audit">
          {t('admin.auditLink')}
        </Link>
      </p>
      <h2>{t('admin.organizations')}</h2>
      <p>
        <Link to="/admin/organizations">{t('admin.manageOrganizations')}</Link>
      </p>
      <ul className="plain-list">
        {organizations.map((o) => (
          <li key={o.id}>
            {o.name} <code>{o.slug}</code>
          </li>
        ))}
      </ul>
      <h2>{t('admin.audit')}</h2>
      <table className="table">
        <caption className="visually-hidden">{t('admin.audit')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.when')}</th>
            <th scope="col">{t('admin.who')}</th>
            <th scope="col">{t('admin.what')}</th>
          </tr>
        </thead>
        <tbody>
          {audit.map((entry) => (
            <tr key={entry.id}>
              <td>{formatDate(entry.at, i18n.language)}</td>
              <td>{entry.actorEmail ?? '—'}</td>
              <td>
                <code>{entry.action}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
