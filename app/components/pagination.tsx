import { Link, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/** Previous / next links; `param` names the query parameter when a page has more than one list. */
export function Pagination({ page, pageCount, param = 'page', label }: { page: number; pageCount: number; param?: string; label?: string }) {
  const { t } = useTranslation()
  const location = useLocation()
  if (pageCount <= 1) return null
  const hrefFor = (p: number) => {
    const params = new URLSearchParams(location.search)
    params.set(param, String(p))
    return `${location.pathname}?${params}`
  }
  return (
    <nav className="pagination" aria-label={label ? `${t('pagination.label')}: ${label}` : t('pagination.label')}>
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

/**
 * A page past the last one (an old link, ?page=9999) opens the last page instead of an empty list
 * beside "Page 9999 of 15": the URL to go to, or null when the page exists.
 */
export function lastPageUrl(request: Request, page: number, pageCount: number, param = 'page'): string | null {
  if (pageCount < 1 || page <= pageCount) return null
  const url = new URL(request.url)
  url.searchParams.set(param, String(pageCount))
  return `${url.pathname}${url.search}`
}
