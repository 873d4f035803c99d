import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type FieldMetadata, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { TRPCError } from '@trpc/server'
import { useTranslation } from 'react-i18next'
import { DEFAULT_TAG_COLOR, TagCreateSchema, TagIdSchema, TagMergeSchema, TagMoveSchema, TagUpdateSchema } from '../../server/schemas/tag'
import { requireRole } from '../.server/auth'
import { formErrorOf, getCaller, toResponse } from '../.server/trpc'
import { CsrfInput } from '../components/csrf-input'
import { describedBy, ErrorList, Field } from '../components/field'
import { FormResult, useResultAction, withResult } from '../components/form-result'
import { formatDate } from '../components/submission-meta'
import { Swatch, TagOptions, tagName } from '../components/tags'
import { readForm } from '../.server/form'

export const meta: MetaFunction = () => [{ title: 'Voces — Codebook' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { caller } = await requireRole(request, 'facilitator')
  const codebook = await caller.tag.codebook().catch(toResponse)
  const params = new URL(request.url).searchParams
  const done = params.get('done')
  return { ...codebook, done: done && DONE.includes(done as never) ? (done as (typeof DONE)[number]) : null, createdId: params.get('tag') }
}

const DONE = ['created', 'updated', 'moved', 'merged', 'retired', 'unretired', 'training', 'trainingWaiting'] as const

type ActionResult = { intent: string; id: string | null; result?: SubmissionResult<string[]>; error?: string }

const SCHEMAS = { update: TagUpdateSchema, move: TagMoveSchema, merge: TagMergeSchema, retire: TagIdSchema, unretire: TagIdSchema, create: TagCreateSchema } as const

/** One change per post; each is audited by its procedure. Field errors come back beside the form that was sent. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request)
  const caller = await getCaller(request, { form })
  const intent = String(form.get('intent') ?? '')
  const id = typeof form.get('id') === 'string' ? String(form.get('id')) : null
  const done = (what: (typeof DONE)[number]) => redirect(`/workspace/codebook?done=${what}${id ? `#tag-${id}` : ''}`)
  try {
    if (intent === 'train') {
      const { queued } = await caller.suggestion.train()
      return redirect(`/workspace/codebook?done=${queued ? 'training' : 'trainingWaiting'}#model`)
    }
    if (!(intent in SCHEMAS)) return data<ActionResult>({ intent, id, error: 'errors.unexpected' }, { status: 400 })
    const schema = SCHEMAS[intent as keyof typeof SCHEMAS]
    const submission = parseWithZod(form, { schema })
    if (submission.status !== 'success') return data<ActionResult>({ intent, id, result: submission.reply() }, { status: 400 })
    try {
      const value = submission.value as never
      if (intent === 'create') {
        // Back at the result, naming what was created; the create form starts afresh (keyed to the new tag).
        const created = await caller.tag.create(value)
        return redirect(withResult(`/workspace/codebook?done=created&tag=${created.id}`))
      } else if (intent === 'update') await caller.tag.update(value)
      else if (intent === 'move') await caller.tag.move(value)
      else if (intent === 'merge') await caller.tag.merge(value)
      else if (intent === 'retire') await caller.tag.retire(value)
      else await caller.tag.unretire(value)
    } catch (error) {
      if (error instanceof TRPCError && error.code === 'UNAUTHORIZED') toResponse(error)
      return data<ActionResult>({ intent, id, result: submission.reply({ formErrors: [formErrorOf(error)] }) }, { status: 400 })
    }
    return done(intent === 'create' ? 'created' : intent === 'update' ? 'updated' : intent === 'move' ? 'moved' : intent === 'merge' ? 'merged' : intent === 'retire' ? 'retired' : 'unretired')
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'UNAUTHORIZED') toResponse(error)
    return data<ActionResult>({ intent, id, error: formErrorOf(error) }, { status: 400 })
  }
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>
type CodebookTag = Loaded['tags'][number]

const percent = (value: number | null | undefined) => (value == null ? '—' : `${Math.round(value * 100)}%`)

export default function Codebook() {
  const { t, i18n } = useTranslation()
  const { tags, model, done, createdId } = useLoaderData<typeof loader>()
  const created = done === 'created' && createdId ? tags.find((tag) => tag.id === createdId) : undefined
  const createdParent = created?.parentId ? tags.find((tag) => tag.id === created.parentId) : undefined
  const actionData = useActionData<typeof action>()
  const children = new Map<string | null, CodebookTag[]>()
  for (const tag of tags) children.set(tag.parentId, [...(children.get(tag.parentId) ?? []), tag])
  const latest = model.latest
  const overall = (latest?.metrics as { overall?: { precision: number | null; suggested: number } } | undefined)?.overall
  const documents = (latest?.metrics as { documents?: number } | undefined)?.documents
  const running = model.job && (model.job.status === 'queued' || model.job.status === 'running')
  return (
    <section className="page">
      <h1>{t('codebook.title')}</h1>
      <p className="lead">{t('codebook.intro')}</p>
      {created && !actionData ? (
        <FormResult tone="success">
          {createdParent
            ? t('codebook.createdUnder', { name: tagName(created, i18n.language), parent: tagName(createdParent, i18n.language) })
            : t('codebook.createdTop', { name: tagName(created, i18n.language) })}
        </FormResult>
      ) : done ? (
        <p className="notice notice--success" role="status">
          {t(`codebook.done.${done}`)}
        </p>
      ) : null}
      {actionData?.error ? <ErrorList errors={[actionData.error]} /> : null}

      <section aria-labelledby="model" className="card model-card">
        <h2 id="model">{t('codebook.modelTitle')}</h2>
        <p>{t('codebook.modelIntro')}</p>
        {latest ? (
          <ul className="plain-list" data-testid="model-status">
            <li>{t('codebook.lastTrained', { date: formatDate(latest.createdAt, i18n.language), documents: documents ?? 0 })}</li>
            <li>{t('codebook.overallPrecision', { precision: percent(overall?.precision), count: overall?.suggested ?? 0 })}</li>
          </ul>
        ) : (
          <p className="empty">{t('codebook.noModel')}</p>
        )}
        {model.job?.status === 'failed' ? <p className="notice">{t('codebook.trainingFailed')}</p> : null}
        {running ? (
          <p role="status" data-testid="training-status">
            {model.job!.status === 'queued' ? t('codebook.trainingQueued') : t('codebook.trainingRunning', { percent: Math.round((model.job!.progress ?? 0) * 100) })}
          </p>
        ) : null}
        <p>{t('codebook.retrainRule', { count: model.retrainAfter, fresh: model.newTaggings })}</p>
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="intent" value="train" />
          <button type="submit" className="button button--secondary" disabled={Boolean(running)}>
            {t('codebook.retrainNow')}
          </button>
        </Form>
      </section>

      <h2>{t('codebook.tagsTitle')}</h2>
      <p className="field__help">{t('codebook.precisionHelp')}</p>
      <TagTree parentId={null} byParent={children} allTags={tags} actionData={actionData ?? null} />

      <h2 id="new-tag">{t('codebook.createTitle')}</h2>
      <CreateTagForm key={createdId ?? 'new'} tags={tags} lastResult={actionData?.intent === 'create' ? actionData.result : undefined} />
    </section>
  )
}

function TagTree({
  parentId,
  byParent,
  allTags,
  actionData,
}: {
  parentId: string | null
  byParent: Map<string | null, CodebookTag[]>
  allTags: CodebookTag[]
  actionData: ActionResult | null
}) {
  const list = byParent.get(parentId) ?? []
  if (list.length === 0) return null
  return (
    <ul className={parentId ? 'codebook-tree codebook-tree--nested' : 'codebook-tree'}>
      {list.map((tag) => (
        <li key={tag.id} id={`tag-${tag.id}`} data-testid="codebook-tag" data-slug={tag.slug}>
          <TagRow tag={tag} allTags={allTags} actionData={actionData?.id === tag.id ? actionData : null} />
          <TagTree parentId={tag.id} byParent={byParent} allTags={allTags} actionData={actionData} />
        </li>
      ))}
    </ul>
  )
}

function TagRow({ tag, allTags, actionData }: { tag: CodebookTag; allTags: CodebookTag[]; actionData: ActionResult | null }) {
  const { t, i18n } = useTranslation()
  const name = tagName(tag, i18n.language)
  const other = i18n.language === 'es' ? tag.nameEn : tag.nameEs
  const description = i18n.language === 'es' ? tag.descriptionEs : tag.descriptionEn
  const mergedInto = tag.mergedIntoId ? allTags.find((x) => x.id === tag.mergedIntoId) : null
  const held = tag.heldOut
  const decided = tag.decisions.accepted + tag.decisions.rejected
  const subtree = new Set<string>([tag.id])
  for (const x of allTags) if (x.parentId && subtree.has(x.parentId)) subtree.add(x.id)
  return (
    <div className={tag.retiredAt ? 'codebook-tag codebook-tag--retired' : 'codebook-tag'} style={{ borderLeftColor: tag.color }}>
      <div className="codebook-tag__head">
        <Swatch color={tag.color} />
        <strong>{name}</strong>
        <span className="codebook-tag__other" lang={i18n.language === 'es' ? 'en' : 'es'}>
          {other}
        </span>
        {mergedInto ? (
          <span className="badge">{t('codebook.mergedInto', { name: tagName(mergedInto, i18n.language) })}</span>
        ) : tag.retiredAt ? (
          <span className="badge">{t('codebook.retired')}</span>
        ) : null}
      </div>
      {description ? <p className="codebook-tag__description">{description}</p> : null}
      <dl className="codebook-tag__figures">
        <div>
          <dt>{t('codebook.taggings')}</dt>
          <dd>{t('codebook.taggingCounts', { submissions: tag.counts.submissions, whole: tag.counts.whole, spans: tag.counts.spans })}</dd>
        </div>
        <div>
          <dt>{t('codebook.heldOut')}</dt>
          <dd data-testid="held-out">
            {held
              ? held.suggested
                ? t('codebook.heldOutValue', { precision: percent(held.precision), correct: held.correct, suggested: held.suggested, positives: held.positives })
                : t('codebook.heldOutNone', { positives: held.positives })
              : tag.tooFewToLearn !== null
                ? t('codebook.tooFew', { count: tag.tooFewToLearn })
                : '—'}
          </dd>
        </div>
        <div>
          <dt>{t('codebook.decisions')}</dt>
          <dd>{decided ? t('codebook.decisionsValue', { accepted: tag.decisions.accepted, rejected: tag.decisions.rejected, percent: Math.round((tag.decisions.accepted / decided) * 100) }) : '—'}</dd>
        </div>
      </dl>
      {actionData?.error ? <ErrorList errors={[actionData.error]} /> : null}
      {tag.mergedIntoId ? null : (
        <details className="codebook-tag__edit" open={Boolean(actionData)}>
          <summary>{t('codebook.editSummary', { name })}</summary>
          <div className="codebook-tag__forms">
            <EditTagForm tag={tag} lastResult={actionData?.intent === 'update' ? actionData.result : undefined} />
            <SmallForm tag={tag} intent="move" lastResult={actionData?.intent === 'move' ? actionData.result : undefined}>
              {(fields) => (
                <Field id={`move-${tag.id}`} label={t('codebook.moveTo')} errors={fields.errors('parentId')}>
                  <select id={`move-${tag.id}`} name="parentId" defaultValue={tag.parentId ?? ''}>
                    <option value="">{t('codebook.topLevel')}</option>
                    <TagOptions tags={allTags} exclude={(x) => subtree.has(x.id)} />
                  </select>
                </Field>
              )}
            </SmallForm>
            <SmallForm tag={tag} intent="merge" lastResult={actionData?.intent === 'merge' ? actionData.result : undefined}>
              {(fields) => (
                <Field id={`merge-${tag.id}`} label={t('codebook.mergeInto')} help={t('codebook.mergeHelp')} errors={fields.errors('intoId')}>
                  <select id={`merge-${tag.id}`} name="intoId" defaultValue="" aria-describedby={`merge-${tag.id}-help`}>
                    <option value="">{t('common.chooseOne')}</option>
                    <TagOptions tags={allTags} exclude={(x) => subtree.has(x.id)} />
                  </select>
                </Field>
              )}
            </SmallForm>
            <SmallForm tag={tag} intent={tag.retiredAt ? 'unretire' : 'retire'} lastResult={actionData?.intent === 'retire' || actionData?.intent === 'unretire' ? actionData.result : undefined}>
              {() => <p className="field__help">{tag.retiredAt ? t('codebook.unretireHelp') : t('codebook.retireHelp')}</p>}
            </SmallForm>
          </div>
        </details>
      )}
    </div>
  )
}

const SUBMIT_KEYS = { move: 'codebook.move', merge: 'codebook.merge', retire: 'codebook.retire', unretire: 'codebook.unretire' } as const

/** A one-purpose form on a tag (move, merge, retire); its errors show inside it. */
function SmallForm({
  tag,
  intent,
  lastResult,
  children,
}: {
  tag: CodebookTag
  intent: keyof typeof SUBMIT_KEYS
  lastResult: SubmissionResult<string[]> | undefined
  children: (fields: { errors: (name: string) => string[] | undefined }) => React.ReactNode
}) {
  const { t, i18n } = useTranslation()
  const formErrors = lastResult?.error?.[''] ?? null
  return (
    <Form method="post" className="stack codebook-form">
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={tag.id} />
      <ErrorList errors={formErrors} />
      {children({ errors: (name) => lastResult?.error?.[name] ?? undefined })}
      <p>
        <button type="submit" className="button button--secondary" aria-label={t(`${SUBMIT_KEYS[intent]}Label`, { name: tagName(tag, i18n.language) })}>
          {t(SUBMIT_KEYS[intent])}
        </button>
      </p>
    </Form>
  )
}

function EditTagForm({ tag, lastResult }: { tag: CodebookTag; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t, i18n } = useTranslation()
  const [form, fields] = useForm({
    id: `edit-${tag.id}`,
    lastResult,
    defaultValue: { nameEn: tag.nameEn, nameEs: tag.nameEs, descriptionEn: tag.descriptionEn, descriptionEs: tag.descriptionEs, color: tag.color },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: TagUpdateSchema }),
    shouldValidate: 'onBlur',
  })
  return (
    <Form method="post" {...getFormProps(form)} className="stack codebook-form">
      <CsrfInput />
      <input type="hidden" name="intent" value="update" />
      <input type="hidden" name="id" value={tag.id} />
      <ErrorList id={form.errorId} errors={form.errors} />
      <TagFields fields={fields as unknown as TagFieldset} />
      <p>
        <button type="submit" className="button button--secondary" aria-label={t('codebook.saveLabel', { name: tagName(tag, i18n.language) })}>
          {t('codebook.save')}
        </button>
      </p>
    </Form>
  )
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the create and edit forms share these five fields
type TagFieldset = Record<'nameEn' | 'nameEs' | 'descriptionEn' | 'descriptionEs' | 'color', FieldMetadata<string | undefined, any, string[]>>

function TagFields({ fields }: { fields: TagFieldset }) {
  const { t } = useTranslation()
  const text = (field: TagFieldset['nameEn'], label: string, required: boolean, lang: string) => (
    <Field id={field.id} label={label} errors={field.errors} required={required}>
      <input {...getInputProps(field, { type: 'text' })} lang={lang} maxLength={80} aria-describedby={describedBy(field.id, { errors: field.errors })} />
    </Field>
  )
  const area = (field: TagFieldset['descriptionEn'], label: string, lang: string) => (
    <Field id={field.id} label={label} errors={field.errors}>
      <textarea {...getTextareaProps(field)} lang={lang} rows={2} maxLength={500} aria-describedby={describedBy(field.id, { errors: field.errors })} />
    </Field>
  )
  return (
    <>
      {text(fields.nameEn, t('codebook.nameEn'), true, 'en')}
      {text(fields.nameEs, t('codebook.nameEs'), true, 'es')}
      {area(fields.descriptionEn, t('codebook.descriptionEn'), 'en')}
      {area(fields.descriptionEs, t('codebook.descriptionEs'), 'es')}
      <Field id={fields.color.id} label={t('codebook.color')} errors={fields.color.errors}>
        <input {...getInputProps(fields.color, { type: 'color' })} className="color-input" aria-describedby={describedBy(fields.color.id, { errors: fields.color.errors })} />
      </Field>
    </>
  )
}

function CreateTagForm({ tags, lastResult }: { tags: CodebookTag[]; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation()
  const [form, fields] = useForm({
    id: 'create-tag',
    lastResult,
    defaultValue: { color: DEFAULT_TAG_COLOR },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: TagCreateSchema }),
    shouldValidate: 'onBlur',
  })
  const resultAction = useResultAction()
  return (
    <Form method="post" action={resultAction} {...getFormProps(form)} className="stack narrow">
      <CsrfInput />
      <input type="hidden" name="intent" value="create" />
      <ErrorList id={form.errorId} errors={form.errors} result token={lastResult} />
      <TagFields fields={fields as unknown as TagFieldset} />
      <Field id={fields.parentId.id} label={t('codebook.parent')} errors={fields.parentId.errors}>
        <select {...getSelectProps(fields.parentId)} aria-describedby={describedBy(fields.parentId.id, { errors: fields.parentId.errors })}>
          <option value="">{t('codebook.topLevel')}</option>
          <TagOptions tags={tags} />
        </select>
      </Field>
      <p>
        <button type="submit" className="button">
          {t('codebook.create')}
        </button>
      </p>
      <p>
        <Link to="/workspace">{t('workspace.back')}</Link>
      </p>
    </Form>
  )
}
