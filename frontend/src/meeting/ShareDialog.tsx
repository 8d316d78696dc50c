import { useCallback, useEffect, useState } from 'react'
import { Copy } from 'lucide-react'
import { api, type NewShare, type ShareLink } from '../api'
import { format, useI18n } from '../i18n'
import { Dialog } from '../ui/Dialog'

const DAYS = [1, 7, 30, 90]

/** Read-only links to this meeting: create one (its address is shown this once), copy, revoke. */
export function ShareDialog({ meetingId, onClose }: { meetingId: string; onClose: () => void }) {
  const { t, lang } = useI18n()
  const [days, setDays] = useState(7)
  const [links, setLinks] = useState<ShareLink[]>([])
  const [created, setCreated] = useState<NewShare | null>(null)
  const [copied, setCopied] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const load = useCallback(() => {
    api<ShareLink[]>('GET', `/api/v1/meetings/${meetingId}/shares`).then(setLinks).catch((e: Error) => setError(e.message))
  }, [meetingId])
  useEffect(load, [load])
  const address = created ? `${location.origin}${created.path}` : ''
  const when = (iso: string) => new Date(iso).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' })

  return (
    <Dialog title={t.share} onClose={onClose} testId="share-dialog">
      <p className="hint">{t.shareHint}</p>
      <form
        className="toolbar"
        onSubmit={async (e) => {
          e.preventDefault()
          setError(null)
          setCopied(false)
          try {
            setCreated(await api<NewShare>('POST', `/api/v1/meetings/${meetingId}/shares`, { days }))
            load()
          } catch (failure) {
            setError(failure instanceof Error ? failure.message : String(failure))
          }
        }}
      >
        <label>
          <span>{t.validFor}</span>
          <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {DAYS.map((d) => <option key={d} value={d}>{format(t.days, { count: d })}</option>)}
          </select>
        </label>
        <button type="submit" data-testid="create-share">{t.createLink}</button>
      </form>
      {created && (
        <div className="share-created">
          <label className="grow">
            <span className="visually-hidden">{t.share}</span>
            <input readOnly value={address} data-testid="share-url" onFocus={(e) => e.currentTarget.select()} />
          </label>
          <button
            type="button"
            className="secondary"
            onClick={async () => {
              await navigator.clipboard?.writeText(address).catch(() => undefined)
              setCopied(true)
            }}
          >
            <Copy size={16} aria-hidden="true" /> {copied ? t.copied : t.copy}
          </button>
        </div>
      )}
      {error && <p role="alert" className="error">{error}</p>}
      {links.length > 0 && (
        <>
          <h3>{t.shareLinks}</h3>
          <ul className="share-links" data-testid="share-links">
            {links.map((link) => (
              <li key={link.id}>
                <span>{when(link.createdAt)}</span>
                <span className="muted">
                  {link.revokedAt ? t.revokedState : link.active ? format(t.expires, { time: when(link.expiresAt) }) : t.expiredState}
                </span>
                {link.active && (
                  <button type="button" className="secondary" data-testid="revoke-share" onClick={async () => {
                    await api('DELETE', `/api/v1/meetings/${meetingId}/shares/${link.id}`).catch((e: Error) => setError(e.message))
                    load()
                  }}>{t.revoke}</button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </Dialog>
  )
}
