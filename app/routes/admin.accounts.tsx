import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { TRPCError } from '@trpc/server'
import { useTranslation } from 'react-i18next'
import { abilityChange, AccountChangeSchema, AccountIdSchema, AccountListSchema, ACCOUNT_STATES, InvitationIdSchema } from '../../server/schemas/account'
import { ROLES, type Role } from '../../server/schemas/reference'
import { requireRole } from '../.server/auth'
import { formErrorOf, getCaller, toResponse } from '../.server/trpc'
import { CsrfInput } from '../components/csrf-input'
import { FormResult, useResultAction } from '../components/form-result'
import { Pagination, pageFrom } from '../components/pagination'
import { formatDate } from '../components/submission-meta'
import { readForm } from '../.server/form'

export const meta: MetaFunction = () => [{ title: 'Voces — Accounts' }]

/** The list's filters from the URL; a value that does not parse is dropped, not an error page. */
function filtersFrom(url: URL) {
  const raw: Record<string, unknown> = {}
  for (const key of ['q', 'role', 'state'] as const) {
    const value = url.searchParams.get(key)?.trim()
    if (value) raw[key] = value
  }
  for (;;) {
    const parsed = AccountListSchema.omit({ page: true }).safeParse(raw)
    if (parsed.success) return parsed.data
    for (const issue of parsed.error.issues) delete raw[String(issue.path[0])]
  }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, caller } = await requireRole(request, 'admin')
  const url = new URL(request.url)
  const filters = filtersFrom(url)
  const [list, invitations, organizations] = await Promise.all([
    caller.account.list({ ...filters, page: pageFrom(request) }),
    caller.account.pendingInvitations(),
    caller.organization.list(),
  ]).catch(toResponse)
  const changeId = url.searchParams.get('change')
  const wanted = AccountIdSchema.safeParse({ userId: changeId })
  const changing = wanted.success ? await caller.account.byId(wanted.data).catch(() => null) : null
  return { list, invitations, organizations, filters, changing, me: user.id, now: new Date().toISOString() }
}

type Confirm = {
  userId: string
  name: string
  role: Role
  organizationId: string | null
  fromRole: Role
  fromOrganization: string | null
  toOrganization: string | null
  gains: string[]
  loses: string[]
  movesOrganization: boolean
  unchanged: boolean
}

type ActionResult =
  | { kind: 'confirm'; confirm: Confirm }
  | { kind: 'done'; key: string; params: Record<string, string | number> }
  | { kind: 'link'; email: string; link: string }
  | { kind: 'error'; error: string }

const fail = (error: string, status = 400) => data<ActionResult>({ kind: 'error', error }, { status })

export async function action({ request }: ActionFunctionArgs) {
  // A body that is not a form is a 415/400 page in the user's language (readForm), not a 500.
  const form = await readForm(request)
  const caller = await getCaller(request, { form })
  const intent = form.get('intent')
  const run = async <T,>(work: () => Promise<T>): Promise<T | { error: string }> => {
    try {
      return await work()
    } catch (error) {
      if (error instanceof TRPCError && error.code === 'UNAUTHORIZED') toResponse(error)
      return { error: formErrorOf(error) }
    }
  }
  // The name in the message comes from the database, not from the form.
  const nameOf = (userId: string) =>
    caller.account
      .byId({ userId })
      .then((a) => a.displayName)
      .catch(() => '')
  if (intent === 'preview' || intent === 'change') {
    const parsed = AccountChangeSchema.safeParse({ userId: form.get('userId'), role: form.get('role'), organizationId: form.get('organizationId') ?? undefined })
    if (!parsed.success) return fail(parsed.error.issues[0]?.message.startsWith('errors.') ? parsed.error.issues[0].message : 'errors.invalid')
    const input = parsed.data
    if (input.role === 'submitter' && !input.organizationId) return fail('errors.organizationRequired')
    if (intent === 'change') {
      const result = await run(() => caller.account.change(input))
      if ('error' in result) return fail(result.error)
      const name = await nameOf(input.userId)
      return data<ActionResult>({ kind: 'done', key: result.changed ? 'accounts.changed' : 'accounts.unchanged', params: { name, role: input.role } })
    }
    // The confirmation: what the person has now, what they will have, what they gain and lose.
    const found = await run(async () => {
      const [account, organizations] = await Promise.all([caller.account.byId({ userId: input.userId }), caller.organization.list()])
      return { account, organizations }
    })
    if ('error' in found) return fail(found.error, found.error === 'errors.notFound' ? 404 : 400)
    const account = found.account
    const orgName = (id: string | null | undefined) => found.organizations.find((o) => o.id === id)?.name ?? null
    const { gains, loses } = abilityChange(account.role, input.role)
    const toOrganizationId = input.organizationId ?? null
    return data<ActionResult>({
      kind: 'confirm',
      confirm: {
        userId: account.id,
        name: account.displayName,
        role: input.role,
        organizationId: toOrganizationId,
        fromRole: account.role,
        fromOrganization: account.organizationName,
        toOrganization: orgName(toOrganizationId),
        gains,
        loses,
        movesOrganization: account.organizationId !== toOrganizationId,
        unchanged: account.role === input.role && account.organizationId === toOrganizationId,
      },
    })
  }
  if (intent === 'deactivate' || intent === 'reactivate') {
    const parsed = AccountIdSchema.safeParse({ userId: form.get('userId') })
    if (!parsed.success) return fail('errors.notFound', 404)
    const name = await nameOf(parsed.data.userId)
    if (intent === 'deactivate') {
      const result = await run(() => caller.account.deactivate(parsed.data))
      if ('error' in result) return fail(result.error)
      return data<ActionResult>({ kind: 'done', key: 'accounts.deactivatedDone', params: { name, count: result.sessionsEnded } })
    }
    const result = await run(() => caller.account.reactivate(parsed.data))
    if ('error' in result) return fail(result.error)
    return data<ActionResult>({ kind: 'done', key: 'accounts.reactivatedDone', params: { name } })
  }
  if (intent === 'resend' || intent === 'revoke') {
    const parsed = InvitationIdSchema.safeParse({ invitationId: form.get('invitationId') })
    if (!parsed.success) return fail('errors.notFound', 404)
    if (intent === 'resend') {
      const result = await run(() => caller.account.resendInvitation(parsed.data))
      if ('error' in result) return fail(result.error)
      const link = new URL(`/invite/${result.token}`, request.url).toString()
      return data<ActionResult>({ kind: 'link', email: result.email, link }, { headers: { 'Cache-Control': 'no-store' } })
    }
    const result = await run(() => caller.account.revokeInvitation(parsed.data))
    if ('error' in result) return fail(result.error)
    return data<ActionResult>({ kind: 'done', key: 'accounts.revokedDone', params: { email: result.email } })
  }
  return fail('errors.badRequest')
}

function ResultNotice({ result }: { result: ActionResult | undefined }) {
  const { t } = useTranslation()
  if (!result || result.kind === 'confirm') return null
  if (result.kind === 'error') {
    return (
      <FormResult tone="error" token={result} testId="accounts-result">
        <p>{t(result.error)}</p>
      </FormResult>
    )
  }
  if (result.kind === 'link') {
    return (
      <FormResult tone="success" token={result} testId="accounts-result">
        <p>{t('accounts.resent', { email: result.email })}</p>
        <p>
          <code data-testid="invitation-link" className="break">
            {result.link}
          </code>
        </p>
      </FormResult>
    )
  }
  const params = { ...result.params, ...(typeof result.params.role === 'string' ? { role: t(`roles.${result.params.role}`) } : {}) }
  return (
    <FormResult tone="success" token={result} testId="accounts-result">
      <p>{t(result.key, params)}</p>
    </FormResult>
  )
}

function ConfirmChange({ confirm }: { confirm: Confirm }) {
  const { t } = useTranslation()
  const location = useLocation()
  const resultAction = useResultAction()
  const none = t('accounts.noOrganization')
  const cancel = new URLSearchParams(location.search)
  cancel.delete('change')
  return (
    <section className="notice stack narrow" aria-labelledby="confirm-title" data-testid="confirm-change">
      {/* The review's answer (who, from what, to what) is the page's result region: in view and focused with
          JavaScript, opened at "#result" without. What is gained and lost, and the button, follow it. */}
      <FormResult tone="info" token={confirm} className="stack">
        <h2 id="confirm-title">{t('accounts.confirmTitle', { name: confirm.name })}</h2>
        <p>{t('accounts.from', { role: t(`roles.${confirm.fromRole}`), organization: confirm.fromOrganization ?? none })}</p>
        <p>{t('accounts.to', { role: t(`roles.${confirm.role}`), organization: confirm.toOrganization ?? none })}</p>
        {confirm.unchanged ? <p>{t('accounts.noChange')}</p> : null}
      </FormResult>
      {confirm.gains.length ? (
        <>
          <p>{t('accounts.gains')}</p>
          <ul data-testid="gains">
            {confirm.gains.map((g) => (
              <li key={g}>{t(`accounts.can.${g}`)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {confirm.loses.length ? (
        <>
          <p>{t('accounts.loses')}</p>
          <ul data-testid="loses">
            {confirm.loses.map((g) => (
              <li key={g}>{t(`accounts.can.${g}`)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {confirm.movesOrganization && confirm.role === 'submitter' ? <p>{t('accounts.movesOrganization', { from: confirm.fromOrganization ?? none, to: confirm.toOrganization ?? none })}</p> : null}
      <p>{t('accounts.effect')}</p>
      <Form method="post" action={resultAction} className="actions">
        <CsrfInput />
        <input type="hidden" name="intent" value="change" />
        <input type="hidden" name="userId" value={confirm.userId} />
        <input type="hidden" name="role" value={confirm.role} />
        <input type="hidden" name="organizationId" value={confirm.organizationId ?? ''} />
        <button type="submit" className="button">
          {t('accounts.confirm')}
        </button>
        <Link to={`${location.pathname}?${cancel}`}>{t('accounts.cancel')}</Link>
      </Form>
    </section>
  )
}

export default function Accounts() {
  const { t, i18n } = useTranslation()
  const { list, invitations, organizations, filters, changing, me, now } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as ActionResult | undefined
  const location = useLocation()
  const resultAction = useResultAction()
  const changeHref = (id: string) => {
    const params = new URLSearchParams(location.search)
    params.set('change', id)
    params.delete('index')
    return `${location.pathname}?${params}#change`
  }
  const showChangeForm = changing && !(result && (result.kind === 'confirm' || result.kind === 'done'))
  return (
    <section className="page">
      <h1>{t('accounts.title')}</h1>
      <p className="lead">{t('accounts.intro')}</p>
      <ResultNotice result={result} />
      {result?.kind === 'confirm' ? <ConfirmChange confirm={result.confirm} /> : null}
      {showChangeForm ? (
        <section id="change" className="notice stack narrow" aria-labelledby="change-title">
          <h2 id="change-title">{t('accounts.changeFor', { name: changing.displayName })}</h2>
          <Form method="post" action={resultAction} className="stack">
            <CsrfInput />
            <input type="hidden" name="intent" value="preview" />
            <input type="hidden" name="userId" value={changing.id} />
            <div className="field">
              <label htmlFor="change-role">{t('accounts.role')}</label>
              <select id="change-role" name="role" defaultValue={changing.role}>
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {t(`roles.${role}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="change-organization">{t('accounts.organization')}</label>
              <select id="change-organization" name="organizationId" defaultValue={changing.organizationId ?? ''}>
                <option value="">{t('accounts.noOrganization')}</option>
                {organizations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </div>
            <p>
              <button type="submit" className="button">
                {t('accounts.review')}
              </button>
            </p>
          </Form>
        </section>
      ) : null}

      <Form method="get" className="filters" role="search" aria-label={t('accounts.filter')}>
        <div className="field filters__search">
          <label htmlFor="accounts-q">{t('accounts.search')}</label>
          <p className="field__help" id="accounts-q-help">
            {t('accounts.searchHelp')}
          </p>
          <input id="accounts-q" name="q" type="search" defaultValue={filters.q ?? ''} maxLength={120} aria-describedby="accounts-q-help" />
        </div>
        <div className="field">
          <label htmlFor="accounts-role">{t('accounts.role')}</label>
          <select id="accounts-role" name="role" defaultValue={filters.role ?? ''}>
            <option value="">{t('accounts.anyRole')}</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="accounts-state">{t('accounts.state')}</label>
          <select id="accounts-state" name="state" defaultValue={filters.state ?? ''}>
            <option value="">{t('accounts.anyState')}</option>
            {ACCOUNT_STATES.map((state) => (
              <option key={state} value={state}>
                {t(`accounts.${state}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="filters__actions">
          <button type="submit" className="button">
            {t('accounts.filter')}
          </button>
        </div>
      </Form>

      <p>{t('accounts.count', { count: list.total })}</p>
      {list.accounts.length === 0 ? (
        <p className="empty">{t('accounts.none')}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('accounts.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('accounts.name')}</th>
              <th scope="col">{t('accounts.email')}</th>
              <th scope="col">{t('accounts.role')}</th>
              <th scope="col">{t('accounts.organization')}</th>
              <th scope="col">{t('accounts.lastSignIn')}</th>
              <th scope="col">{t('accounts.state')}</th>
              <th scope="col">{t('accounts.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.accounts.map((a) => (
              <tr key={a.id} data-testid="account-row" data-email={a.email}>
                <td>
                  {a.displayName} {a.id === me ? t('accounts.you') : null}
                </td>
                <td className="break">{a.email}</td>
                <td data-testid="account-role">{t(`roles.${a.role}`)}</td>
                <td>{a.organizationName ?? '—'}</td>
                <td>{a.lastSignInAt ? formatDate(a.lastSignInAt, i18n.language) : t('accounts.never')}</td>
                <td data-testid="account-state">{a.disabledAt ? t('accounts.deactivated') : t('accounts.active')}</td>
                <td>
                  <div className="inline-actions">
                    <Link to={changeHref(a.id)} aria-label={t('accounts.changeFor', { name: a.displayName })}>
                      {t('accounts.change')}
                    </Link>
                    {a.id === me ? null : (
                      <Form method="post" action={resultAction}>
                        <CsrfInput />
                        <input type="hidden" name="intent" value={a.disabledAt ? 'reactivate' : 'deactivate'} />
                        <input type="hidden" name="userId" value={a.id} />
                        <button type="submit" className="button button--secondary" aria-label={t(a.disabledAt ? 'accounts.reactivateLabel' : 'accounts.deactivateLabel', { name: a.displayName })}>
                          {t(a.disabledAt ? 'accounts.reactivate' : 'accounts.deactivate')}
                        </button>
                      </Form>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} label={t('accounts.title')} />

      <h2>{t('accounts.pending')}</h2>
      <p>
        <Link className="button button--secondary" to="/invitations">
          {t('accounts.invite')}
        </Link>
      </p>
      {invitations.length === 0 ? (
        <p className="empty">{t('accounts.pendingNone')}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('accounts.pending')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('accounts.email')}</th>
              <th scope="col">{t('accounts.role')}</th>
              <th scope="col">{t('accounts.organization')}</th>
              <th scope="col">{t('accounts.expires')}</th>
              <th scope="col">{t('accounts.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {invitations.map((inv) => (
              <tr key={inv.id} data-testid="invitation-row" data-email={inv.email}>
                <td className="break">{inv.email}</td>
                <td>{t(`roles.${inv.role}`)}</td>
                <td>{inv.organizationName ?? '—'}</td>
                <td>{new Date(inv.expiresAt) < new Date(now) ? t('accounts.expiredOn', { date: formatDate(inv.expiresAt, i18n.language) }) : formatDate(inv.expiresAt, i18n.language)}</td>
                <td>
                  <div className="inline-actions">
                    <Form method="post" action={resultAction}>
                      <CsrfInput />
                      <input type="hidden" name="intent" value="resend" />
                      <input type="hidden" name="invitationId" value={inv.id} />
                      <button type="submit" className="button button--secondary" aria-label={t('accounts.resendLabel', { email: inv.email })}>
                        {t('accounts.resend')}
                      </button>
                    </Form>
                    <Form method="post" action={resultAction}>
                      <CsrfInput />
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="invitationId" value={inv.id} />
                      <button type="submit" className="button button--secondary" aria-label={t('accounts.revokeLabel', { email: inv.email })}>
                        {t('accounts.revoke')}
                      </button>
                    </Form>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
