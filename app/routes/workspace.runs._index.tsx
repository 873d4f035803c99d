import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { TRPCError } from '@trpc/server'
import { useTranslation } from 'react-i18next'
import { AGENCIES, BUREAUS, SETTINGS, SUBMISSION_STATUSES } from '../../server/schemas/reference'
import { RUN_SEED_MAX, RunStartSchema } from '../../server/schemas/run'
import { requireRole } from '../.server/auth'
import { formErrorOf, getCaller, toResponse } from '../.server/trpc'
import { AreaOptions } from '../components/area-options'
import { CsrfInput } from '../components/csrf-input'
import { describedBy, ErrorList, Field } from '../components/field'
import { pageFrom, Pagination } from '../components/pagination'
import { RunFilterSummary, RunStateBadge } from '../components/run-status'
import { formatDate } from '../components/submission-meta'
import { ChoiceOptions } from '../components/choice-options'
import { readForm } from '../.server/form'

export const meta: MetaFunction = () => [{ title: 'Voces — Clustering runs' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { caller } = await requireRole(request, 'facilitator')
  const [runs, organizations, tags] = await Promise.all([caller.run.list({ page: pageFrom(request), pageSize: 20 }), caller.organization.list(), caller.tag.list()]).catch(
    toResponse,
  )
  // A fresh seed to start from; it is stored with the run, so any run can be repeated exactly.
  return { runs, organizations, tags, suggestedSeed: Math.floor(Math.random() * 1_000_000) }
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request)
  const caller = await getCaller(request, { form })
  const submission = parseWithZod(form, { schema: RunStartSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  try {
    const run = await caller.run.start(submission.value)
    return redirect(`/workspace/runs/${run.id}`)
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'UNAUTHORIZED') toResponse(error)
    const key = formErrorOf(error)
    // Too few documents for k belongs beside the number of clusters; the rest to the whole form.
    const reply = key === 'errors.runTooFewForK' ? submission.reply({ fieldErrors: { k: [key] } }) : submission.reply({ formErrors: [key] })
    return data({ result: reply }, { status: 400 })
  }
}

const LANGS = ['en', 'es', 'other'] as const

export default function Runs() {
  const { t, i18n } = useTranslation()
  const { runs, organizations, tags, suggestedSeed } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: { seed: String(suggestedSeed), filter: { status: 'accepted' } },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RunStartSchema }),
    shouldValidate: 'onBlur',
  })
  const filter = fields.filter.getFieldset()
  const es = i18n.language === 'es'
  return (
    <section className="page">
      <h1>{t('runs.title')}</h1>
      <p className="lead">{t('runs.intro')}</p>
      <p>
        <Link to="/workspace/themes">{t('runs.toThemes')}</Link>
      </p>

      <h2 id="start-heading">{t('runs.startHeading')}</h2>
      <Form method="post" {...getFormProps(form)} className="stack" aria-labelledby="start-heading">
        <CsrfInput />
        <ErrorList id={form.errorId} errors={form.errors} />
        <div className="narrow stack">
          <Field id={fields.name.id} label={t('runs.name')} help={t('runs.nameHelp')} errors={fields.name.errors} required>
            <input {...getInputProps(fields.name, { type: 'text' })} maxLength={120} aria-describedby={describedBy(fields.name.id, { help: true, errors: fields.name.errors })} />
          </Field>
          <Field id={fields.k.id} label={t('runs.k')} help={t('runs.kHelp')} errors={fields.k.errors}>
            <input {...getInputProps(fields.k, { type: 'text' })} inputMode="numeric" aria-describedby={describedBy(fields.k.id, { help: true, errors: fields.k.errors })} />
          </Field>
          <Field id={fields.seed.id} label={t('runs.seed')} help={t('runs.seedHelp', { max: RUN_SEED_MAX })} errors={fields.seed.errors} required>
            <input
              {...getInputProps(fields.seed, { type: 'text' })}
              inputMode="numeric"
              aria-describedby={describedBy(fields.seed.id, { help: true, errors: fields.seed.errors })}
            />
          </Field>
        </div>
        <fieldset className="field">
          <legend>{t('runs.filterLegend')}</legend>
          <p className="field__help">{t('runs.filterHelp')}</p>
          <div className="filters filters--plain">
            <FilterField id={filter.q.id} label={t('workspace.search')} errors={filter.q.errors} wide>
              <input {...getInputProps(filter.q, { type: 'search' })} placeholder={t('workspace.searchPlaceholder')} />
            </FilterField>
            <FilterField id={filter.status.id} label={t('submission.status')} errors={filter.status.errors}>
              <select {...getSelectProps(filter.status)}>
                <option value="">{t('runs.anyStatus')}</option>
                <ChoiceOptions values={SUBMISSION_STATUSES.filter((s) => s !== 'withdrawn' && s !== 'merged')} prefix="status" />
              </select>
            </FilterField>
            <FilterField id={filter.language.id} label={t('submission.language')} errors={filter.language.errors}>
              <select {...getSelectProps(filter.language)}>
                <option value="">{t('common.all')}</option>
                <ChoiceOptions values={LANGS} prefix="language" />
              </select>
            </FilterField>
            <FilterField id={filter.bureau.id} label={t('workspace.bureau')} errors={filter.bureau.errors}>
              <select {...getSelectProps(filter.bureau)}>
                <option value="">{t('common.all')}</option>
                <ChoiceOptions values={Object.keys(BUREAUS)} prefix="bureau" />
              </select>
            </FilterField>
            <FilterField id={filter.area.id} label={t('submission.area')} errors={filter.area.errors}>
              <select {...getSelectProps(filter.area)}>
                <option value="">{t('common.all')}</option>
                <AreaOptions />
              </select>
            </FilterField>
            <FilterField id={filter.setting.id} label={t('submission.setting')} errors={filter.setting.errors}>
              <select {...getSelectProps(filter.setting)}>
                <option value="">{t('common.all')}</option>
                <ChoiceOptions values={SETTINGS} prefix="setting" />
              </select>
            </FilterField>
            <FilterField id={filter.agency.id} label={t('workspace.agency')} errors={filter.agency.errors}>
              <select {...getSelectProps(filter.agency)}>
                <option value="">{t('common.all')}</option>
                <ChoiceOptions values={AGENCIES} prefix="agency" />
              </select>
            </FilterField>
            <FilterField id={filter.organizationId.id} label={t('workspace.organization')} errors={filter.organizationId.errors}>
              <select {...getSelectProps(filter.organizationId)}>
                <option value="">{t('common.all')}</option>
                {organizations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </FilterField>
            <FilterField id={filter.tagId.id} label={t('workspace.tag')} errors={filter.tagId.errors}>
              <select {...getSelectProps(filter.tagId)}>
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
            </FilterField>
            <FilterField id={filter.monthFrom.id} label={t('workspace.monthFrom')} errors={filter.monthFrom.errors}>
              <input {...getInputProps(filter.monthFrom, { type: 'month' })} />
            </FilterField>
            <FilterField id={filter.monthTo.id} label={t('workspace.monthTo')} errors={filter.monthTo.errors}>
              <input {...getInputProps(filter.monthTo, { type: 'month' })} />
            </FilterField>
            <label className="checkbox filters__checkbox">
              <input {...getInputProps(filter.untagged, { type: 'checkbox' })} />
              {t('workspace.untagged')}
            </label>
          </div>
        </fieldset>
        <p>
          <button type="submit" className="button">
            {t('runs.start')}
          </button>
        </p>
      </Form>

      <h2>{t('runs.listHeading')}</h2>
      {runs.items.length === 0 ? (
        <p className="empty">{t('runs.none')}</p>
      ) : (
        <table className="table" data-testid="runs-table">
          <caption className="visually-hidden">{t('runs.listHeading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('runs.name')}</th>
              <th scope="col">{t('runs.stateHeading')}</th>
              <th scope="col">{t('runs.filterLegend')}</th>
              <th scope="col">{t('runs.documents')}</th>
              <th scope="col">{t('runs.clusters')}</th>
              <th scope="col">{t('runs.seed')}</th>
              <th scope="col">{t('runs.started')}</th>
            </tr>
          </thead>
          <tbody>
            {runs.items.map((run) => (
              <tr key={run.id}>
                <td>
                  <Link to={`/workspace/runs/${run.id}`}>{run.name}</Link>
                  {run.parentRunId ? <span className="badge">{t('runs.splitBadge', { cluster: (run.parentCluster ?? 0) + 1 })}</span> : null}
                </td>
                <td>
                  <RunStateBadge run={run} />
                  {run.state === 'running' ? ` ${Math.round(run.progress * 100)}%` : null}
                  {run.errorKey ? <span className="run-error"> {t(run.errorKey)}</span> : null}
                </td>
                <td>{run.parentRunId ? t('runs.splitOf') : <RunFilterSummary filter={run.filter as Record<string, unknown>} organizations={organizations} tags={tags} />}</td>
                <td>{run.documentCount ?? '—'}</td>
                <td>{run.k ?? (run.kRequested ? t('runs.kAsked', { k: run.kRequested }) : t('runs.kAuto'))}</td>
                <td>{run.seed}</td>
                <td>
                  {formatDate(run.createdAt, i18n.language)}
                  {run.createdByName ? ` · ${run.createdByName}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={runs.page} pageCount={runs.pageCount} />
    </section>
  )
}

function FilterField({ id, label, errors, children, wide }: { id: string; label: string; errors?: string[]; children: React.ReactNode; wide?: boolean }) {
  return (
    <div className={`filter-field${wide ? ' filters__search' : ''}${errors?.length ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      <ErrorList id={`${id}-error`} errors={errors} />
    </div>
  )
}
