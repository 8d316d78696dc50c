import { useCallback, useEffect, useId, useState } from 'react'
import { api, ApiError, type Bot } from '../api'
import { format, useI18n } from '../i18n'

export type Invite = { title: string; url: string; joinAt?: string }

const ACTIVE = ['SCHEDULED', 'PROVISIONING', 'JOINING', 'RECORDING', 'LEAVING']

/** A datetime-local value (the user's wall clock) as an instant; undefined for "now". */
export function joinInstant(when: 'now' | 'later', local: string): string | undefined {
  if (when === 'now' || !local) return undefined
  const date = new Date(local)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
}

/** The link of a call and when the bot joins it; refusals show the server's reason. */
export function BotInviteForm({ withTitle = false, onInvite }: { withTitle?: boolean; onInvite: (invite: Invite) => Promise<void> }) {
  const { t } = useI18n()
  const ids = useId()
  const [title, setTitle] = useState('')
  const [url, setUrl] = useState('')
  const [when, setWhen] = useState<'now' | 'later'>('now')
  const [at, setAt] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  return (
    <form
      className="bot-form"
      data-testid="bot-form"
      onSubmit={async (e) => {
        e.preventDefault()
        setBusy(true)
        setError(null)
        try {
          await onInvite({ title: title.trim(), url: url.trim(), joinAt: joinInstant(when, at) })
        } catch (failure) {
          setError(failure instanceof Error ? failure.message : String(failure))
        } finally {
          setBusy(false)
        }
      }}
    >
      {withTitle && (
        <label>
          {t.meetingTitle}
          <input required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
      )}
      <label>
        {t.meetingLink}
        <input type="url" required placeholder="https://meet.jit.si/…" value={url} onChange={(e) => setUrl(e.target.value)} />
      </label>
      <fieldset>
        <legend>{t.joinWhen}</legend>
        <label className="inline">
          <input type="radio" name={`${ids}-when`} checked={when === 'now'} onChange={() => setWhen('now')} /> {t.joinNow}
        </label>
        <label className="inline">
          <input type="radio" name={`${ids}-when`} checked={when === 'later'} onChange={() => setWhen('later')} /> {t.joinLater}
        </label>
        {when === 'later' && (
          <label>
            {t.joinAt}
            <input type="datetime-local" required value={at} onChange={(e) => setAt(e.target.value)} />
          </label>
        )}
      </fieldset>
      <button type="submit" disabled={busy}>{t.invite}</button>
      {error && <p role="alert" className="error">{error}</p>}
    </form>
  )
}

/** The meeting's recorder bot: its state and a way to call it back, or an invitation form. */
export function BotPanel({ meetingId, canInvite, onChanged }: { meetingId: string; canInvite: boolean; onChanged?: () => void }) {
  const { t, lang } = useI18n()
  const [bot, setBot] = useState<Bot | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = useCallback(() => {
    api<Bot>('GET', `/api/v1/meetings/${meetingId}/bot`)
      .then(setBot)
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 404) setBot(null)
        else setError(e instanceof Error ? e.message : String(e))
      })
  }, [meetingId])
  useEffect(load, [load])
  const active = bot !== null && ACTIVE.includes(bot.state)
  useEffect(() => {
    if (!active) return
    const timer = setInterval(load, 5000)
    return () => clearInterval(timer)
  }, [active, load])

  if (!bot && !canInvite) return null
  return (
    <section className="bot" aria-labelledby="bot-heading" data-testid="bot">
      <h2 id="bot-heading">{t.bot}</h2>
      {bot && (
        <p data-testid="bot-state">
          <span className={`state bot-${bot.state.toLowerCase()}`}>{t.botStates[bot.state] ?? bot.state}</span>
          {bot.state === 'SCHEDULED' && <> · {format(t.joinsAt, { time: new Date(bot.joinAt).toLocaleString(lang) })}</>}
          {bot.detail && <> · {bot.detail}</>}
          {' · '}<span className="hint">{bot.url}</span>
        </p>
      )}
      {active && (
        <button
          type="button"
          className="secondary"
          onClick={async () => {
            try {
              setBot(await api<Bot>('DELETE', `/api/v1/meetings/${meetingId}/bot`))
              onChanged?.()
            } catch (e) {
              setError(e instanceof Error ? e.message : String(e))
            }
          }}
        >
          {t.callBack}
        </button>
      )}
      {error && <p role="alert" className="error">{error}</p>}
      {!active && canInvite && (
        <>
          <p className="hint">{t.botHint}</p>
          <BotInviteForm
            onInvite={async ({ url, joinAt }) => {
              setBot(await api<Bot>('POST', `/api/v1/meetings/${meetingId}/bot`, { url, joinAt }))
              onChanged?.()
            }}
          />
        </>
      )}
    </section>
  )
}
