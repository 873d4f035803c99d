import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { FacetCounts } from '../../server/repositories/submission'
import { BUREAUS } from '../../server/schemas/reference'

type Filters = Record<string, string | number | boolean | undefined>

/** The workspace list's URL with some filters changed (undefined removes one); always back to page 1. */
export function filterHref(filters: Filters, changes: Filters): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries({ ...filters, ...changes })) {
    if (value === undefined || value === false || value === '') continue
    params.set(key, value === true ? '1' : String(value))
  }
  const query = params.toString()
  return query ? `/workspace?${query}` : '/workspace'
}

type Entry = { key: string; label: string; count: number; href: string; current: boolean }

/**
 * How many of the listed submissions have each value of each filter, as links
 * that narrow the list to that value. Values with no submissions are left out.
 */
export function FacetPanel({
  counts,
  filters,
  organizations,
  tags,
}: {
  counts: FacetCounts
  filters: Filters
  organizations: { id: string; name: string }[]
  tags: { id: string; nameEn: string; nameEs: string }[]
}) {
  const { t, i18n } = useTranslation()
  const es = i18n.language === 'es'
  const entries = (name: string, values: Record<string, number>, label: (value: string) => string | null): Entry[] =>
    Object.entries(values)
      .filter(([value, count]) => value !== '' && count > 0)
      .map(([value, count]) => ({ key: value, label: label(value) ?? value, count, href: filterHref(filters, { [name]: value }), current: filters[name] === value }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
  const bureauCounts = Object.fromEntries(
    Object.entries(BUREAUS).map(([bureau, areas]) => [bureau, (areas as readonly string[]).reduce((sum, area) => sum + (counts.area[area] ?? 0), 0)]),
  )
  const tagName = new Map(tags.map((tag) => [tag.id, es ? tag.nameEs : tag.nameEn]))
  const orgName = new Map(organizations.map((o) => [o.id, o.name]))
  const groups: [string, Entry[]][] = [
    [t('submission.status'), entries('status', counts.status, (v) => t(`status.${v}`))],
    [t('submission.language'), entries('language', counts.language, (v) => t(`language.${v}`))],
    [t('workspace.bureau'), entries('bureau', bureauCounts, (v) => t(`bureau.${v}`))],
    [t('submission.area'), entries('area', counts.area, (v) => t(`area.${v}`))],
    [t('submission.setting'), entries('setting', counts.setting, (v) => t(`setting.${v}`))],
    [t('workspace.agency'), entries('agency', counts.agency, (v) => t(`agency.${v}`))],
    [t('workspace.organization'), entries('organizationId', counts.organization, (v) => orgName.get(v) ?? null)],
    [t('workspace.tag'), entries('tagId', counts.tag, (v) => tagName.get(v) ?? null)],
  ]
  return (
    <nav className="facets" aria-label={t('workspace.counts')}>
      <h2 className="facets__title">{t('workspace.counts')}</h2>
      {groups
        .filter(([, list]) => list.length > 0)
        .map(([title, list]) => (
          <details key={title} className="facets__group" open={list.length <= 6}>
            <summary>{title}</summary>
            <ul>
              {list.map((entry) => (
                <li key={entry.key}>
                  {entry.current ? (
                    <strong aria-current="true">{entry.label}</strong>
                  ) : (
                    <Link to={entry.href}>{entry.label}</Link>
                  )}{' '}
                  <span className="facets__count">{entry.count.toLocaleString(i18n.language)}</span>
                </li>
              ))}
            </ul>
          </details>
        ))}
    </nav>
  )
}
