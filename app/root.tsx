import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react'
import { useMemo } from 'react'
import { I18nextProvider, useTranslation } from 'react-i18next'
import { getCaller } from './.server/trpc'
import { ensureCsrf, resolveLocale } from './.server/request'
import { CsrfInput } from './components/csrf-input'
import { createI18n } from './i18n/i18n'
import { useFallbackLocale } from './request-locale'
import { useNonce } from './nonce'
import stylesUrl from './styles.css?url'

/**
 * Only used when an error page is shown from the root's boundary (routes' own meta replaces it
 * otherwise): an error page has a <title> too, in the reader's language (axe: document-title).
 */
export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) => {
  if (!error) return [{ title: 'Voces' }]
  const status = isRouteErrorResponse(error) ? error.status : 500
  const rootData = (data ?? matches.find((m) => m.id === 'root')?.data) as RootData | undefined
  // Without the root's data (an unmatched URL, a refused form) the reader's language is known only to
  // the Layout (the request's, through RequestLocaleContext): it writes the title itself.
  if (!rootData) return []
  return [{ title: `Voces — ${createI18n(rootData.locale).t('errors.title', { status })}` }]
}

/** The error page's <title> when the root loader did not run, in the language its heading uses. */
function ErrorTitle({ locale }: { locale: string }) {
  const error = useRouteError()
  if (!error) return null
  const status = isRouteErrorResponse(error) ? error.status : 500
  return <title>{`Voces — ${createI18n(locale).t('errors.title', { status })}`}</title>
}

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesUrl },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const caller = await getCaller(request)
  const user = await caller.auth.me()
  const locale = resolveLocale(request, user?.locale)
  const csrf = ensureCsrf(request)
  const headers = new Headers({ Vary: 'Cookie, Accept-Language' })
  if (csrf.setCookie) headers.append('Set-Cookie', csrf.setCookie)
  return data({ locale, csrf: csrf.token, user: user ? { displayName: user.displayName, role: user.role, organizationName: user.organizationName } : null }, { headers })
}

export type RootData = Awaited<ReturnType<typeof loader>>['data']

export function useRootData(): RootData | undefined {
  return useRouteLoaderData<typeof loader>('root') as RootData | undefined
}

export function Layout({ children }: { children: React.ReactNode }) {
  const root = useRootData()
  const fallbackLocale = useFallbackLocale()
  const locale = root?.locale ?? fallbackLocale
  const i18n = useMemo(() => createI18n(locale), [locale])
  const nonce = useNonce()
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        {root ? null : <ErrorTitle locale={locale} />}
        <Links />
      </head>
      <body>
        <I18nextProvider i18n={i18n}>
          <Header />
          <main id="main" tabIndex={-1}>
            {children}
          </main>
          <Footer />
        </I18nextProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

const NAV: Record<string, { to: string; key: string }[]> = {
  submitter: [
    { to: '/org', key: 'nav.orgHome' },
    { to: '/org/submit', key: 'nav.submit' },
    { to: '/import', key: 'import.nav' },
  ],
  facilitator: [
    { to: '/workspace', key: 'nav.submissions' },
    { to: '/workspace/moderation', key: 'moderation.nav' },
    { to: '/workspace/codebook', key: 'codebook.nav' },
    { to: '/workspace/agreement', key: 'agreement.nav' },
    { to: '/workspace/reports', key: 'nav.reportsWorkspace' },
    { to: '/workspace/intake-links', key: 'intake.navLinks' },
    { to: '/workspace/runs', key: 'runs.nav' },
    { to: '/workspace/themes', key: 'themes.nav' },
    { to: '/import', key: 'import.nav' },
    { to: '/invitations', key: 'nav.invitations' },
  ],
  commission: [
    { to: '/commission', key: 'nav.reports' },
    { to: '/commission/guidance', key: 'nav.guidance' },
    { to: '/you-said-we-did', key: 'nav.public' },
  ],
  admin: [
    { to: '/admin', key: 'nav.admin' },
    { to: '/invitations', key: 'nav.invitations' },
  ],
}

function Header() {
  const { t } = useTranslation()
  const root = useRootData()
  const location = useLocation()
  const user = root?.user
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <div className="site-header__bar">
        <Link to="/" className="brand">
          Voces
        </Link>
        <LanguageSwitcher redirectTo={location.pathname + location.search} />
      </div>
      {user ? (
        <nav aria-label={t('nav.label')} className="site-nav">
          <ul>
            {(NAV[user.role] ?? []).map((item) => (
              <li key={item.to}>
                <Link to={item.to}>{t(item.key)}</Link>
              </li>
            ))}
          </ul>
          <div className="site-nav__user">
            <span>
              {user.displayName}
              <span className="badge">{t(`roles.${user.role}`)}</span>
            </span>
            <Form method="post" action="/logout">
              <CsrfInput />
              <button type="submit" className="button button--link">
                {t('nav.logout')}
              </button>{' '}
              <button type="submit" name="everywhere" value="1" className="button button--link">
                {t('nav.logoutEverywhere')}
              </button>
            </Form>
          </div>
        </nav>
      ) : null}
    </header>
  )
}

function LanguageSwitcher({ redirectTo }: { redirectTo: string }) {
  const { t, i18n } = useTranslation()
  return (
    <Form method="post" action="/set-language" className="language-switcher" aria-label={t('common.language')}>
      <CsrfInput />
      <input type="hidden" name="redirectTo" value={redirectTo} />
      {(['en', 'es'] as const).map((lng) => (
        <button
          key={lng}
          type="submit"
          name="locale"
          value={lng}
          lang={lng}
          aria-pressed={i18n.language === lng}
          className="language-switcher__option"
        >
          {lng === 'en' ? 'English' : 'Español'}
        </button>
      ))}
    </Form>
  )
}

function Footer() {
  const { t } = useTranslation()
  return (
    <footer className="site-footer">
      <p>{t('footer.privacy')}</p>
    </footer>
  )
}

export default function App() {
  return <Outlet />
}

export function ErrorBoundary() {
  const error = useRouteError()
  const { t } = useTranslation()
  let status = 500
  let key = 'errors.unexpected'
  if (isRouteErrorResponse(error)) {
    status = error.status
    key = typeof error.data?.message === 'string' && error.data.message.startsWith('errors.') ? error.data.message : status === 404 ? 'errors.notFound' : status === 403 ? 'errors.forbidden' : 'errors.unexpected'
  }
  return (
    <section className="page narrow">
      <h1>{t('errors.title', { status })}</h1>
      <p>{t(key)}</p>
      <p>
        <Link to="/">{t('common.backHome')}</Link>
      </p>
    </section>
  )
}
