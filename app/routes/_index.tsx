import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { homePathFor } from '../.server/auth'
import { getCaller } from '../.server/trpc'

export const meta: MetaFunction = () => [{ title: 'Voces' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await (await getCaller(request)).auth.me()
  if (user) throw redirect(homePathFor(user.role))
  return null
}

export default function Index() {
  const { t } = useTranslation()
  return (
    <section className="page narrow">
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.intro')}</p>
      <ul className="plain-list">
        <li>{t('home.forOrganizations')}</li>
        <li>{t('home.forFacilitators')}</li>
        <li>{t('home.forCommission')}</li>
      </ul>
      <p>{t('home.privacy')}</p>
      <p>
        <Link className="button" to="/login">
          {t('home.signIn')}
        </Link>
      </p>
      <p>
        <Link to="/you-said-we-did">{t('home.publicLink')}</Link>
      </p>
    </section>
  )
}
