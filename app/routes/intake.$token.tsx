import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { TRPCError } from '@trpc/server'
import { useTranslation } from 'react-i18next'
import { SubmissionInputSchema } from '../../server/schemas/submission'
import { clientAddressOf, formErrorOf, getCaller } from '../.server/trpc'
import { FormResult } from '../components/form-result'
import { TestimonyForm } from '../components/testimony-form'
import { readForm } from '../.server/form'

export const meta: MetaFunction = () => [{ title: 'Voces — Testimony / Testimonio' }, { name: 'robots', content: 'noindex' }]

const UNAVAILABLE: Record<string, string> = {
  expired: 'errors.intakeLinkExpired',
  closed: 'errors.intakeLinkClosed',
  full: 'errors.intakeLinkFull',
}

/** Public: anyone with the link may send testimony; no account, no testimony shown. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const caller = await getCaller(request)
  const headers = { 'Cache-Control': 'no-store' }
  try {
    const link = await caller.intakeLink.byToken({ token: params.token ?? '' })
    if (link.state !== 'open') return data({ link, unavailable: UNAVAILABLE[link.state]! }, { status: 410, headers })
    return data({ link, unavailable: null }, { headers })
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) {
      return data({ link: null, unavailable: 'errors.intakeLinkInvalid' }, { status: 404, headers })
    }
    throw error
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await readForm(request)
  const submission = parseWithZod(form, { schema: SubmissionInputSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), receiptCode: null }, { status: 400 })
  const website = form.get('website')
  const caller = await getCaller(request, { form, clientAddress: clientAddressOf(context) })
  try {
    const created = await caller.intakeLink.submit({ ...submission.value, token: params.token ?? '', website: typeof website === 'string' ? website : undefined })
    return data({ result: submission.reply({ resetForm: true }), receiptCode: created.receiptCode }, { headers: { 'Cache-Control': 'no-store' } })
  } catch (error) {
    // The typed text comes back with the error: nothing is lost.
    const status = error instanceof TRPCError && error.code === 'TOO_MANY_REQUESTS' ? 429 : 400
    return data({ result: submission.reply({ formErrors: [formErrorOf(error)] }), receiptCode: null }, { status })
  }
}

export default function IntakeForm() {
  const { t } = useTranslation()
  const { link, unavailable } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()

  if (actionData?.receiptCode) {
    return (
      <section className="page narrow">
        <FormResult tone="success" token={actionData}>
          <h1>{t('intake.thanks')}</h1>
          <p>{t('intake.keepCode')}</p>
        </FormResult>
        <p className="receipt-code">
          {t('intake.code')}: <strong data-testid="receipt-code">{actionData.receiptCode}</strong>
        </p>
        <p>
          <a href="">{t('intake.another')}</a>
        </p>
      </section>
    )
  }

  if (!link || unavailable) {
    return (
      <section className="page narrow">
        <h1>{t('intake.unavailableTitle')}</h1>
        {link ? <p className="lead">{t('intake.session', { name: link.name })}</p> : null}
        <p className="notice" role="alert" data-testid="intake-unavailable">
          {t(unavailable ?? 'errors.intakeLinkInvalid')}
        </p>
      </section>
    )
  }

  return (
    <section className="page narrow">
      <h1>{t('intake.title')}</h1>
      <p className="lead">{t('intake.session', { name: link.name })}</p>
      {link.organizationName ? <p>{t('intake.collectedWith', { organization: link.organizationName })}</p> : null}
      <p>{t('intake.intro')}</p>
      <p className="field__help">{t('intake.moderationNotice')}</p>
      <TestimonyForm lastResult={actionData?.result}>
        {/* A honeypot: hidden from people and from assistive technology; only bots fill it in. */}
        <div aria-hidden="true" style={{ position: 'absolute', left: '-10000px', top: 'auto', width: 1, height: 1, overflow: 'hidden' }}>
          <label htmlFor="intake-website">{t('intake.honeypot')}</label>
          <input id="intake-website" type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
      </TestimonyForm>
    </section>
  )
}
