import { useState } from 'react'
import { api, ApiError, type Session } from '../api'
import { type Lang, useI18n } from '../i18n'

export function SignIn({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const { t, lang, setLang } = useI18n()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  return (
    <main className="sign-in" id="main">
      <form
        onSubmit={async (event) => {
          event.preventDefault()
          setBusy(true)
          setError(null)
          try {
            onSignedIn(await api<Session>('POST', '/api/v1/session', { email, password }))
          } catch (e) {
            setError(e instanceof ApiError && e.status === 401 ? t.wrongCredentials : String(e instanceof Error ? e.message : e))
          } finally {
            setBusy(false)
          }
        }}
      >
        <h1>{t.appName}</h1>
        <p>{t.tagline}</p>
        <label>
          {t.email}
          <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          {t.password}
          <input type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {error && <p role="alert" className="error">{error}</p>}
        <button type="submit" disabled={busy}>{t.signIn}</button>
        <label className="inline">
          {t.language}
          <select value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
            <option value="en">English</option>
            <option value="ru">Русский</option>
          </select>
        </label>
      </form>
    </main>
  )
}
