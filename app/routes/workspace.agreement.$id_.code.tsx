import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { TRPCError } from '@trpc/server'
import { useTranslation } from 'react-i18next'
import { CodingSaveSchema } from '../../server/schemas/agreement'
import { requireRole } from '../.server/auth'
import { formErrorOf, getCaller, toResponse } from '../.server/trpc'
import { CsrfInput } from '../components/csrf-input'
import { ErrorList } from '../components/field'
import { FormResult, useResultAction, withResult } from '../components/form-result'
import { MachineTranslation } from '../components/machine-translation'
import { Swatch, tagName } from '../components/tags'
import { readForm } from '../.server/form'

export const meta: MetaFunction = () => [{ title: 'Voces — Coding' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caller } = await requireRole(request, 'facilitator')
  const position = new URL(request.url).searchParams.get('position')
  const at = position !== null && /^\d+$/.test(position) ? Number(position) : undefined
  const [queue, tags] = await Promise.all([caller.agreement.queue({ id: params.id ?? '', position: at }), caller.tag.list()]).catch(toResponse)
  return { queue, tags: tags.filter((tag) => !tag.retiredAt) }
}

/** Saves the coder's answer for one item, then opens the next one not yet coded. */
export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request)
  const submission = parseWithZod(form, { schema: CodingSaveSchema })
  if (submission.status !== 'success') return data({ error: 'errors.unexpected' }, { status: 400 })
  try {
    const caller = await getCaller(request, { form })
    const saved = await caller.agreement.code({ ...submission.value, sampleId: params.id ?? '' })
    const next = saved.nextPosition === null ? '?saved=done' : `?position=${saved.nextPosition}&saved=1`
    return redirect(withResult(`/workspace/agreement/${params.id}/code${next}`))
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'UNAUTHORIZED' || error.code === 'NOT_FOUND')) toResponse(error)
    return data({ error: formErrorOf(error) }, { status: 400 })
  }
}

/**
 * A coder's blind queue: the testimony and the codebook, nothing else — not the regular
 * tags, the suggestions, or the other coder's answers (docs/decisions/061).
 */
export default function CodingQueue() {
  const { t, i18n } = useTranslation()
  const { queue, tags } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const current = queue.current
  const [searchParams] = useSearchParams()
  const saved = searchParams.get('saved') === '1'
  const resultAction = useResultAction()
  const mine = new Set(current?.myTagIds ?? [])
  return (
    <section className="page narrow">
      <p>
        <Link to="/workspace/agreement">← {t('agreement.back')}</Link>
      </p>
      <h1>{t('agreement.codeTitle', { name: queue.sample.name })}</h1>
      <p className="lead">{t('agreement.blindNote')}</p>
      <p role="status" data-testid="coding-progress">
        {t('agreement.codedOf', { coded: queue.coded, size: queue.items.length })}
      </p>
      {queue.complete ? (
        <FormResult tone="success">
          {t('agreement.allCoded')} <Link to={`/workspace/agreement/${queue.sample.id}`}>{t('agreement.results')}</Link>
        </FormResult>
      ) : saved && !actionData?.error ? (
        <FormResult tone="success">{t('agreement.savedItem')}</FormResult>
      ) : null}
      <ErrorList errors={actionData?.error ? [actionData.error] : null} result token={actionData} />
      {current ? (
        <article aria-labelledby="item-heading" className="card">
          <h2 id="item-heading">{t('agreement.item', { position: current.position + 1, code: current.receiptCode })}</h2>
          <blockquote className="testimony" lang={current.language === 'other' ? undefined : current.language}>
            {current.text ?? t('detail.withdrawn')}
          </blockquote>
          <MachineTranslation submission={current} />
          {/* Keyed to the item: the next item's form starts from its own saved codes, never the last item's ticks. */}
          <Form method="post" action={resultAction} className="stack" key={current.id}>
            <CsrfInput />
            <input type="hidden" name="sampleId" value={queue.sample.id} />
            <input type="hidden" name="submissionId" value={current.id} />
            <fieldset className="field" disabled={queue.complete}>
              <legend>{t('agreement.tagsLegend')}</legend>
              <p className="field__help">{t('agreement.tagsHelp')}</p>
              <div className="checkbox-grid coding-tags">
                {tags.map((tag) => (
                  <label key={tag.id} className="checkbox" style={{ marginLeft: `${tag.depth * 1.5}rem` }}>
                    <input type="checkbox" name="tagIds" value={tag.id} defaultChecked={mine.has(tag.id)} />
                    <Swatch color={tag.color} />
                    {tagName(tag, i18n.language)}
                  </label>
                ))}
              </div>
            </fieldset>
            {queue.complete ? null : (
              <p>
                <button type="submit" className="button">
                  {t('agreement.saveNext')}
                </button>
              </p>
            )}
          </Form>
        </article>
      ) : null}
      <h2>{t('agreement.itemsTitle')}</h2>
      <ol className="coding-items">
        {queue.items.map((item) => (
          <li key={item.position}>
            <Link to={`?position=${item.position}`} aria-current={current?.position === item.position ? 'true' : undefined}>
              {item.receiptCode}
            </Link>{' '}
            <span className={item.coded ? 'status status--accepted' : 'status'}>{item.coded ? t('agreement.coded') : t('agreement.notCoded')}</span>
          </li>
        ))}
      </ol>
    </section>
  )
}
