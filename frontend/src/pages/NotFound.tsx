import { useI18n } from '../i18n'
import { Link } from '../router'

/** An address the app does not know. */
export function NotFound() {
  const { t } = useI18n()
  return (
    <section className="not-found" data-testid="not-found">
      <p className="big" aria-hidden="true">404</p>
      <h1>{t.pageNotFound}</h1>
      <p className="muted">{t.pageNotFoundHint}</p>
      <Link href="/meetings" className="button">{t.goToMeetings}</Link>
    </section>
  )
}
