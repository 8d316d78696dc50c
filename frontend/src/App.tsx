import { useCallback, useEffect, useState } from 'react'
import { api, type Session } from './api'
import { I18nProvider, type Lang, useI18n } from './i18n'
import { CalendarDays, KeyRound, LogOut, Search, Upload, Webhook } from 'lucide-react'
import { MeetingPage } from './meeting/MeetingPage'
import { NotFound } from './pages/NotFound'
import { SharedMeeting } from './pages/SharedMeeting'
import { Logo } from './ui/Logo'
import { MeetingsList } from './pages/MeetingsList'
import { RecordCall } from './pages/RecordCall'
import { SearchPage } from './pages/SearchPage'
import { SignIn } from './pages/SignIn'
import { Tokens } from './pages/Tokens'
import { Webhooks } from './pages/Webhooks'
import { Link, navigate, usePath } from './router'
import { UploadPage } from './upload/UploadPage'

export function App({ initialLang }: { initialLang?: Lang }) {
  return (
    <I18nProvider initial={initialLang}>
      <Shell />
    </I18nProvider>
  )
}

function Shell() {
  const { t } = useI18n()
  const [session, setSession] = useState<Session | null>(null)
  const path = usePath()

  const reload = useCallback(() => {
    api<Session>('GET', '/api/v1/session')
      .then(setSession)
      .catch(() => setSession({ authenticated: false, user: null, organisations: [] }))
  }, [])
  useEffect(reload, [reload])

  // a share link opens without an account
  const shared = /^\/shared\/([A-Za-z0-9_-]+)$/.exec(path)
  if (shared) return <SharedMeeting token={shared[1]} />
  if (session === null) return <p className="loading">{t.loading}</p>
  if (!session.authenticated || session.user === null) {
    return <SignIn onSignedIn={(s) => { setSession(s); if (path === '/' || path === '/sign-in') navigate('/meetings', true) }} />
  }
  return (
    <>
      <Header session={session} onChange={setSession} />
      <main id="main">
        <Route path={path} />
      </main>
    </>
  )
}

function Route({ path }: { path: string }) {
  const meeting = /^\/meetings\/([0-9a-f-]{36})$/.exec(path)
  if (meeting) return <MeetingPage id={meeting[1]} />
  if (path === '/upload') return <UploadPage />
  if (path === '/tokens') return <Tokens />
  if (path === '/webhooks') return <Webhooks />
  if (path === '/record-call') return <RecordCall />
  if (path === '/search') return <SearchPage />
  if (path === '/' || path === '/meetings' || path === '/sign-in') return <MeetingsList />
  return <NotFound />
}

function Header({ session, onChange }: { session: Session; onChange: (s: Session) => void }) {
  const { t, lang, setLang } = useI18n()
  const path = usePath()
  const current = (href: string) => (path === href || (href === '/meetings' && path.startsWith('/meetings/')) || (href === '/upload' && path === '/record-call') ? 'page' : undefined)
  return (
    <header className="top">
      <Link href="/meetings" className="brand"><Logo /> <span>{t.appName}</span></Link>
      <nav aria-label={t.appName}>
        <Link href="/meetings" aria-current={current('/meetings')}><CalendarDays size={16} aria-hidden="true" /> <span>{t.meetings}</span></Link>
        <Link href="/upload" aria-current={current('/upload')}><Upload size={16} aria-hidden="true" /> <span>{t.upload}</span></Link>
        <Link href="/search" aria-current={current('/search')}><Search size={16} aria-hidden="true" /> <span>{t.searchNav}</span></Link>
        <Link href="/tokens" aria-current={current('/tokens')} className="wide-only"><KeyRound size={16} aria-hidden="true" /> <span>{t.apiTokens}</span></Link>
        <Link href="/webhooks" aria-current={current('/webhooks')} className="wide-only"><Webhook size={16} aria-hidden="true" /> <span>{t.webhooks}</span></Link>
      </nav>
      <div className="tools">
        {session.organisations.length > 1 && (
          <label>
            <span className="visually-hidden">{t.organisation}</span>
            <select
              value={session.user?.organisationId}
              onChange={async (e) => {
                onChange(await api<Session>('PUT', '/api/v1/session/organisation', { organisationId: e.target.value }))
                navigate('/meetings')
              }}
            >
              {session.organisations.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
            </select>
          </label>
        )}
        <label className="wide-only">
          <span className="visually-hidden">{t.language}</span>
          <select value={lang} onChange={(e) => setLang(e.target.value as Lang)} data-testid="language">
            <option value="en">English</option>
            <option value="ru">Русский</option>
          </select>
        </label>
        <span className="who">{session.user?.email}</span>
        <button
          type="button"
          className="secondary sign-out"
          aria-label={t.signOut}
          onClick={async () => {
            await api('DELETE', '/api/v1/session')
            await api('GET', '/api/v1/session') // a fresh CSRF cookie for the next sign-in
            onChange({ authenticated: false, user: null, organisations: [] })
            navigate('/sign-in', true)
          }}
        >
          <LogOut size={16} aria-hidden="true" /> <span className="wide-only">{t.signOut}</span>
        </button>
      </div>
    </header>
  )
}
