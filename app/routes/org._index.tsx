import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requireRole } from '../.server/auth'
import { toResponse } from '../.server/trpc'
import { Pagination, pageFrom } from '../components/pagination'
import { formatDate } from '../components/submission-meta'
import { OrgCardText } from '../components/receipt-parts'

export const meta: MetaFunction = () => [{ title: 'Voces' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, caller } = await requireRole(request, 'submitter')
  const list = await caller.submission.mine({ page: pageFrom(request), pageSize: 20 }).catch(toResponse)
  return { organizationName: user.organizationName, list }
}

export default function OrgHome() {
  const { t, i18n } = useTranslation()
  const { organizationName, list } = useLoaderData<typeof loader>()
  return (
    <section className="page">
      <h1>{t('org.title', { organization: organizationName })}</h1>
      <p className="lead">{t('org.intro')}</p>
      <p>
        <Link className="button" to="/org/submit">
          {t('org.submitCta')}
        </Link>
      </p>
      <h2>{t('org.submissionsHeading', { count: list.total })}</h2>
      {list.items.length === 0 ? (
        <p className="empty">{t('org.empty')}</p>
      ) : (
        <ul className="card-list">
          {list.items.map((s) => (
            <li key={s.id} className="card">
              <p className="card__meta">
                <Link to={`/org/receipts/${s.receiptCode}`} aria-label={t('org.openReceipt', { code: s.receiptCode })}>
                  <code>{s.receiptCode}</code>
                </Link>{' '}
                · {formatDate(s.createdAt, i18n.language)} · <span className={`status status--${s.status}`}>{t(`status.${s.status}`)}</span>
              </p>
              <OrgCardText submission={s} />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} />
    </section>
  )
}
