import { Link, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

export function Pagination({ page, pageCount }: { page: number; pageCount: number }) {
  const { t } = useTranslation()
  const location = useLocation()
  if (pageCount <= 1) return null
  const hrefFor = (p: number) => {
    const params = new URLSearchParams(location.search)
    params.set('page', String(p))
    return `${location.pathname}?${params}`
  }
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      {page > 1 ? <Link to={hrefFor(page - 1)}>{t('pagination.previous')}</Link> : <span />}
      <span>{t('pagination.pageOf', { page, pageCount })}</span>
      {page < pageCount ? <Link to={hrefFor(page + 1)}>{t('pagination.next')}</Link> : <span />}
    </nav>
  )
}

export function pageFrom(request: Request): number {
  const value = Number(new URL(request.url).searchParams.get('page') ?? '1')
  return Number.isInteger(value) && value >= 1 ? Math.min(value, 100_000) : 1
}
