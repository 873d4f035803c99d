import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Await, Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from '@remix-run/react'
import { TRPCError } from '@trpc/server'
import { Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { AGENCIES, BUREAUS, SETTINGS, SUBMISSION_STATUSES } from '../../server/schemas/reference'
import { SubmissionListSchema, type SubmissionListInput } from '../../server/schemas/submission'
import { TaggingBulkSchema } from '../../server/schemas/tagging'
import { requireRole } from '../.server/auth'
import { safeRedirectPath } from '../.server/request'
import { formErrorOf, getCaller, toResponse } from '../.server/trpc'
import { CsrfInput } from '../components/csrf-input'
import { ErrorList } from '../components/field'
import { TagOptions } from '../components/tags'
import { lastPageUrl, Pagination, pageFrom } from '../components/pagination'
import { formatDate, formatMonth } from '../components/submission-meta'
import { AreaOptions } from '../components/area-options'
import { FacetPanel, filterHref } from '../components/facet-panel'
import { ChoiceOptions } from '../components/choice-options'
import { readForm } from '../.server/form'

export const meta: MetaFunction = () => [{ title: 'Voces — Workspace' }]

const LANGS = ['en', 'es', 'other'] as const
const TEXT_FILTERS = ['q', 'status', 'language', 'area', 'bureau', 'setting', 'agency', 'organizationId', 'monthFrom', 'monthTo', 'tagId', 'runId', 'themeId'] as const

/** The list's filters from the URL; a value that does not parse is dropped, not an error page. */
function filtersFrom(url: URL): Omit<SubmissionListInput, 'page' | 'pageSize'> {
  const raw: Record<string, unknown> = {}
  for (const key of TEXT_FILTERS) {
    const value = url.searchParams.get(key)?.trim()
    if (value) raw[key] = value
  }
  if (url.searchParams.get('untagged') === '1') raw.untagged = true
  const cluster = url.searchParams.get('cluster')
  if (cluster && /^-?\d+$/.test(cluster)) raw.cluster = Number(cluster)
  for (;;) {
    const parsed = SubmissionListSchema.safeParse(raw)
    if (parsed.success) {
      const { page: _p, pageSize: _s, ...filters } = parsed.data
      return filters
    }
    for (const issue of parsed.error.issues) delete raw[String(issue.path[0])]
  }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { caller } = await requireRole(request, 'facilitator')
  const filters = filtersFrom(new URL(request.url))
  const listed = caller.submission.list({ ...filters, page: pageFrom(request), pageSize: 25 })
  // Counts per filter value stream in after the page: on a large selection they take longer
  // than the list itself (and they are started after it, so the embedded database serves the list first).
  const facets = listed.then(() => caller.submission.facets(filters)).catch(() => null)
  const [list, organizations, tags] = await Promise.all([listed, caller.organization.list(), caller.tag.list()]).catch(toResponse)
  const pastTheEnd = lastPageUrl(request, list.page, list.pageCount)
  if (pastTheEnd) throw redirect(pastTheEnd)
  const tagged = new URL(request.url).searchParams.get('tagged')
  return { list, facets, filters, organizations, tags, tagged: tagged && /^\d+$/.test(tagged) ? Number(tagged) : null }
}

/** Bulk tagging: the checked submissions of this page get one tag; back to the same list. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request)
  const back = new URL(safeRedirectPath(form.get('redirectTo'), '/workspace'), 'http://local')
  const submission = parseWithZod(form, { schema: TaggingBulkSchema })
  if (submission.status !== 'success') return data({ errors: submission.error ?? {} }, { status: 400 })
  try {
    const caller = await getCaller(request, { form })
    const result = await caller.tagging.bulkAdd(submission.value)
    back.searchParams.set('tagged', String(result.added))
    return redirect(`${back.pathname}${back.search}`)
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'UNAUTHORIZED') toResponse(error)
    return data({ errors: { tagId: [formErrorOf(error)] } as Record<string, string[] | null> }, { status: 400 })
  }
}


export default function Workspace() {
  const { t, i18n } = useTranslation()
  const { list, facets, filters, organizations, tags, tagged } = useLoaderData<typeof loader>()
  const bulk = useActionData<typeof action>()
  const location = useLocation()
  const navigation = useNavigation()
  const here = (() => {
    const params = new URLSearchParams(location.search)
    params.delete('tagged')
    params.delete('index')
    return params.size ? `${location.pathname}?${params}` : location.pathname
  })()
  const es = i18n.language === 'es'
  return (
    <section className="page">
      <h1>{t('workspace.title')}</h1>
      <p className="lead">{t('workspace.intro')}</p>
      <Form method="get" className="filters" aria-label={t('workspace.filters')}>
        <label className="filters__search">
          {t('workspace.search')}
          <input type="search" name="q" defaultValue={filters.q ?? ''} placeholder={t('workspace.searchPlaceholder')} />
        </label>
        <label>
          {t('submission.status')}
          <select name="status" defaultValue={filters.status ?? ''}>
            <option value="">{t('common.all')}</option>
            <ChoiceOptions values={SUBMISSION_STATUSES} prefix="status" />
          </select>
        </label>
        <label>
          {t('submission.language')}
          <select name="language" defaultValue={filters.language ?? ''}>
            <option value="">{t('common.all')}</option>
            <ChoiceOptions values={LANGS} prefix="language" />
          </select>
        </label>
        <label>
          {t('workspace.bureau')}
          <select name="bureau" defaultValue={filters.bureau ?? ''}>
            <option value="">{t('common.all')}</option>
            <ChoiceOptions values={Object.keys(BUREAUS)} prefix="bureau" />
          </select>
        </label>
        <label>
          {t('submission.area')}
          <select name="area" defaultValue={filters.area ?? ''}>
            <option value="">{t('common.all')}</option>
            <AreaOptions />
          </select>
        </label>
        <label>
          {t('submission.setting')}
          <select name="setting" defaultValue={filters.setting ?? ''}>
            <option value="">{t('common.all')}</option>
            <ChoiceOptions values={SETTINGS} prefix="setting" />
          </select>
        </label>
        <label>
          {t('workspace.agency')}
          <select name="agency" defaultValue={filters.agency ?? ''}>
            <option value="">{t('common.all')}</option>
            <ChoiceOptions values={AGENCIES} prefix="agency" />
          </select>
        </label>
        <label>
          {t('workspace.organization')}
          <select name="organizationId" defaultValue={filters.organizationId ?? ''}>
            <option value="">{t('common.all')}</option>
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('workspace.tag')}
          <select name="tagId" defaultValue={filters.tagId ?? ''}>
            <option value="">{t('common.all')}</option>
            {tags
              .filter((tag) => !tag.retiredAt)
              .map((tag) => (
                <option key={tag.id} value={tag.id}>
                  {tag.parentId ? '— ' : ''}
                  {es ? tag.nameEs : tag.nameEn}
                </option>
              ))}
          </select>
        </label>
        <label>
          {t('workspace.monthFrom')}
          <input type="month" name="monthFrom" defaultValue={filters.monthFrom ?? ''} />
        </label>
        <label>
          {t('workspace.monthTo')}
          <input type="month" name="monthTo" defaultValue={filters.monthTo ?? ''} />
        </label>
        <label className="checkbox filters__checkbox">
          <input type="checkbox" name="untagged" value="1" defaultChecked={filters.untagged ?? false} />
          {t('workspace.untagged')}
        </label>
        {filters.runId ? <input type="hidden" name="runId" value={filters.runId} /> : null}
        {filters.cluster !== undefined ? <input type="hidden" name="cluster" value={filters.cluster} /> : null}
        {filters.themeId ? <input type="hidden" name="themeId" value={filters.themeId} /> : null}
        <div className="filters__actions">
          <button type="submit" className="button button--secondary">
            {t('workspace.apply')}
          </button>
          <Link to="/workspace">{t('workspace.clear')}</Link>
        </div>
      </Form>
      {list.groups.run || list.groups.theme ? (
        <ul className="chips" aria-label={t('workspace.activeGroups')}>
          {list.groups.run ? (
            <li>
              {filters.cluster === undefined
                ? t('workspace.inRun', { name: list.groups.run.name })
                : filters.cluster === -1
                  ? t('workspace.inRunUnclustered', { name: list.groups.run.name })
                  : t('workspace.inCluster', { name: list.groups.run.name, cluster: filters.cluster + 1 })}{' '}
              <Link to={filterHref(filters, { runId: undefined, cluster: undefined })}>{t('workspace.removeFilter')}</Link>
            </li>
          ) : null}
          {list.groups.theme ? (
            <li>
              {t('workspace.inTheme', { title: list.groups.theme.title })} <Link to={filterHref(filters, { themeId: undefined })}>{t('workspace.removeFilter')}</Link>
            </li>
          ) : null}
        </ul>
      ) : null}
      <Suspense fallback={<p className="facets facets--loading">{t('workspace.countsLoading')}</p>}>
        <Await resolve={facets}>{(resolved) => (resolved ? <FacetPanel counts={resolved.counts} filters={filters} organizations={organizations} tags={tags} /> : null)}</Await>
      </Suspense>
      <p role="status" aria-busy={navigation.state === 'loading'}>
        {t('workspace.count', { count: list.total })}
      </p>
      {tagged !== null ? (
        <p className="notice notice--success" role="status">
          {t('tagging.bulkDone', { count: tagged })}
        </p>
      ) : null}
      {list.items.length === 0 ? null : (
        <Form method="post" id="bulk-tag" className="filters bulk-tag" aria-labelledby="bulk-tag-title">
          <CsrfInput />
          <input type="hidden" name="redirectTo" value={here} />
          <p id="bulk-tag-title" className="bulk-tag__title">
            {t('tagging.bulkTitle')}
          </p>
          <ErrorList id="bulk-submissions-error" errors={bulk?.errors.submissionIds ?? null} />
          <label htmlFor="bulk-tag-id">
            {t('tagging.bulkTag')}
            <select id="bulk-tag-id" name="tagId" defaultValue="" aria-invalid={bulk?.errors.tagId ? true : undefined} aria-describedby={bulk?.errors.tagId ? 'bulk-tag-error' : undefined}>
              <option value="">{t('common.chooseOne')}</option>
              <TagOptions tags={tags} />
            </select>
          </label>
          <div className="filters__actions">
            <button type="submit" className="button button--secondary">
              {t('tagging.bulkApply')}
            </button>
          </div>
          <ErrorList id="bulk-tag-error" errors={bulk?.errors.tagId ?? null} />
        </Form>
      )}
      {list.items.length === 0 ? (
        <p className="empty">{t('workspace.empty')}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('workspace.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">{t('tagging.selectColumn')}</span>
              </th>
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
                <td>
                  <input type="checkbox" form="bulk-tag" name="submissionIds" value={s.id} className="row-check" aria-label={t('tagging.selectRow', { code: s.receiptCode })} />
                </td>
                <td>{formatDate(s.createdAt, i18n.language)}</td>
                <td>
                  <Link to={`/workspace/submissions/${s.id}`} lang={s.language === 'other' ? undefined : s.language}>
                    {s.passage && s.passage.length > 0 ? (
                      <span data-testid="search-passage">
                        {s.passage.map((segment, i) => (segment.match ? <mark key={i} className="search-match">{segment.text}</mark> : <span key={i}>{segment.text}</span>))}
                      </span>
                    ) : (
                      excerpt(s.text)
                    )}
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
