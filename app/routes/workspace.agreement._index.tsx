import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { TRPCError } from '@trpc/server'
import { useTranslation } from 'react-i18next'
import { SETTINGS } from '../../server/schemas/reference'
import { SAMPLE_MAX, SAMPLE_MIN, SampleCreateSchema } from '../../server/schemas/agreement'
import { requireRole } from '../.server/auth'
import { formErrorOf, getCaller, toResponse } from '../.server/trpc'
import { AreaOptions } from '../components/area-options'
import { CsrfInput } from '../components/csrf-input'
import { describedBy, ErrorList, Field } from '../components/field'
import { FormResult, useResultAction, withResult } from '../components/form-result'
import { formatDate } from '../components/submission-meta'
import { TagOptions } from '../components/tags'
import { ChoiceOptions } from '../components/choice-options'
import { readForm } from '../.server/form'

export const meta: MetaFunction = () => [{ title: 'Voces — Agreement' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { caller, user } = await requireRole(request, 'facilitator')
  const [samples, coders, tags] = await Promise.all([caller.agreement.list(), caller.agreement.coders(), caller.tag.list()]).catch(toResponse)
  const created = new URL(request.url).searchParams.get('created')
  return { samples, coders, tags, me: user.id, created }
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request)
  const submission = parseWithZod(form, { schema: SampleCreateSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  try {
    const caller = await getCaller(request, { form })
    const created = await caller.agreement.create(submission.value)
    return redirect(withResult(`/workspace/agreement?created=${created.id}`))
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'UNAUTHORIZED') toResponse(error)
    return data(submission.reply({ formErrors: [formErrorOf(error)] }), { status: 400 })
  }
}

const LANGS = ['en', 'es', 'other'] as const

export default function Agreement() {
  const { t, i18n } = useTranslation()
  const { samples, coders, tags, me, created } = useLoaderData<typeof loader>()
  const drawn = created ? samples.find((s) => s.id === created) : undefined
  const resultAction = useResultAction()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { size: '20', coderA: me },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SampleCreateSchema }),
    shouldValidate: 'onBlur',
  })
  const coderOptions = coders.map((c) => (
    <option key={c.id} value={c.id}>
      {c.displayName} ({c.email})
    </option>
  ))
  return (
    <section className="page">
      <h1>{t('agreement.title')}</h1>
      <p className="lead">{t('agreement.intro')}</p>
      {drawn && !lastResult ? <FormResult tone="success">{t('agreement.drawn', { name: drawn.name, size: drawn.size })}</FormResult> : null}

      <h2>{t('agreement.samplesTitle')}</h2>
      {samples.length === 0 ? (
        <p className="empty">{t('agreement.none')}</p>
      ) : (
        <table className="table" data-testid="samples">
          <caption className="visually-hidden">{t('agreement.samplesTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('agreement.name')}</th>
              <th scope="col">{t('agreement.coderA')}</th>
              <th scope="col">{t('agreement.coderB')}</th>
              <th scope="col">{t('agreement.created')}</th>
              <th scope="col">{t('agreement.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {samples.map((s) => {
              const mine = s.myRole === 'a' ? s.codedA : s.myRole === 'b' ? s.codedB : null
              const resultsOpen = mine === null || mine === s.size
              return (
                <tr key={s.id}>
                  <td>{s.name}</td>
                  <td>{t('agreement.progress', { name: s.coderA, coded: s.codedA, size: s.size })}</td>
                  <td>{t('agreement.progress', { name: s.coderB, coded: s.codedB, size: s.size })}</td>
                  <td>{formatDate(s.createdAt, i18n.language)}</td>
                  <td className="actions">
                    {s.myRole ? (
                      <Link to={`/workspace/agreement/${s.id}/code`} aria-label={t(mine === s.size ? 'agreement.reviewMineLabel' : 'agreement.codeLabel', { name: s.name })}>
                        {mine === s.size ? t('agreement.reviewMine') : t('agreement.code')}
                      </Link>
                    ) : null}
                    {resultsOpen ? (
                      <Link to={`/workspace/agreement/${s.id}`} aria-label={t('agreement.resultsLabel', { name: s.name })}>
                        {t('agreement.results')}
                      </Link>
                    ) : (
                      <span className="field__help">{t('agreement.resultsAfter')}</span>
                    )}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}

      <h2>{t('agreement.createTitle')}</h2>
      <p>{t('agreement.createIntro')}</p>
      <Form method="post" action={resultAction} {...getFormProps(form)} className="stack narrow">
        <CsrfInput />
        <ErrorList id={form.errorId} errors={form.errors} result token={lastResult} />
        <Field id={fields.name.id} label={t('agreement.name')} errors={fields.name.errors} required>
          <input {...getInputProps(fields.name, { type: 'text' })} maxLength={120} aria-describedby={describedBy(fields.name.id, { errors: fields.name.errors })} />
        </Field>
        <Field id={fields.size.id} label={t('agreement.size')} help={t('agreement.sizeHelp', { min: SAMPLE_MIN, max: SAMPLE_MAX })} errors={fields.size.errors} required>
          <input {...getInputProps(fields.size, { type: 'text' })} inputMode="numeric" aria-describedby={describedBy(fields.size.id, { help: true, errors: fields.size.errors })} />
        </Field>
        <Field id={fields.coderA.id} label={t('agreement.coderA')} errors={fields.coderA.errors} required>
          <select {...getSelectProps(fields.coderA)} aria-describedby={describedBy(fields.coderA.id, { errors: fields.coderA.errors })}>
            <option value="">{t('common.chooseOne')}</option>
            {coderOptions}
          </select>
        </Field>
        <Field id={fields.coderB.id} label={t('agreement.coderB')} errors={fields.coderB.errors} required>
          <select {...getSelectProps(fields.coderB)} aria-describedby={describedBy(fields.coderB.id, { errors: fields.coderB.errors })}>
            <option value="">{t('common.chooseOne')}</option>
            {coderOptions}
          </select>
        </Field>
        <Field id={fields.seed.id} label={t('agreement.seed')} help={t('agreement.seedHelp')} errors={fields.seed.errors}>
          <input {...getInputProps(fields.seed, { type: 'text' })} inputMode="numeric" aria-describedby={describedBy(fields.seed.id, { help: true, errors: fields.seed.errors })} />
        </Field>
        <fieldset className="field">
          <legend>{t('agreement.filterTitle')}</legend>
          <p className="field__help">{t('agreement.filterHelp')}</p>
          <Field id={fields.q.id} label={t('workspace.search')} errors={fields.q.errors}>
            <input {...getInputProps(fields.q, { type: 'search' })} aria-describedby={describedBy(fields.q.id, { errors: fields.q.errors })} />
          </Field>
          <Field id={fields.language.id} label={t('submission.language')} errors={fields.language.errors}>
            <select {...getSelectProps(fields.language)}>
              <option value="">{t('common.all')}</option>
              <ChoiceOptions values={LANGS} prefix="language" />
            </select>
          </Field>
          <Field id={fields.area.id} label={t('submission.area')} errors={fields.area.errors}>
            <select {...getSelectProps(fields.area)}>
              <option value="">{t('common.all')}</option>
              <AreaOptions />
            </select>
          </Field>
          <Field id={fields.setting.id} label={t('submission.setting')} errors={fields.setting.errors}>
            <select {...getSelectProps(fields.setting)}>
              <option value="">{t('common.all')}</option>
              <ChoiceOptions values={SETTINGS} prefix="setting" />
            </select>
          </Field>
          <Field id={fields.tagId.id} label={t('workspace.tag')} errors={fields.tagId.errors}>
            <select {...getSelectProps(fields.tagId)}>
              <option value="">{t('common.all')}</option>
              <TagOptions tags={tags} />
            </select>
          </Field>
          <Field id={fields.monthFrom.id} label={t('workspace.monthFrom')} errors={fields.monthFrom.errors}>
            <input {...getInputProps(fields.monthFrom, { type: 'month' })} aria-describedby={describedBy(fields.monthFrom.id, { errors: fields.monthFrom.errors })} />
          </Field>
          <Field id={fields.monthTo.id} label={t('workspace.monthTo')} errors={fields.monthTo.errors}>
            <input {...getInputProps(fields.monthTo, { type: 'month' })} aria-describedby={describedBy(fields.monthTo.id, { errors: fields.monthTo.errors })} />
          </Field>
        </fieldset>
        <p>
          <button type="submit" className="button">
            {t('agreement.create')}
          </button>
        </p>
      </Form>
    </section>
  )
}
