import { useMemo, useState } from 'react'
import { api, type Speaker, type Word } from '../api'
import { clock, speakerColour } from '../format'
import { format, useI18n } from '../i18n'

/** Names speakers (the name also labels the speaker's voiceprint) and merges two into one. */
export function SpeakersPanel({ meetingId, speakers, words, onChanged }: { meetingId: string; speakers: Speaker[]; words: Word[]; onChanged: () => void }) {
  const { t } = useI18n()
  const [editing, setEditing] = useState<string | null>(null)
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const talk = useMemo(() => {
    const seconds = new Map<string, number>()
    for (const w of words) seconds.set(w.speaker, (seconds.get(w.speaker) ?? 0) + (w.end - w.start))
    return seconds
  }, [words])
  const labels = speakers.length > 0 ? speakers : [...talk.keys()].sort().map((label) => ({ label, name: null }))

  const run = async (call: () => Promise<unknown>) => {
    setError(null)
    try {
      await call()
      setEditing(null)
      onChanged()
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    }
  }

  return (
    <div className="speakers" data-testid="speakers">
      <ul>
        {labels.map((s) => (
          <li key={s.label} data-testid={`speaker-${s.label}`}>
            <span className="swatch" style={{ background: speakerColour(s.label) }} aria-hidden="true" />
            {editing === s.label ? (
              <form onSubmit={(e) => { e.preventDefault(); void run(() => api('PUT', `/api/v1/meetings/${meetingId}/speakers/${s.label}`, { name: name.trim() })) }}>
                <label>
                  <span className="visually-hidden">{format(t.renameSpeaker, { label: s.label })}</span>
                  <input autoFocus required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
                </label>
                <button type="submit">{t.save}</button>
                <button type="button" className="secondary" onClick={() => setEditing(null)}>{t.cancel}</button>
              </form>
            ) : (
              <>
                <strong>{s.name || s.label}</strong>
                <span className="muted"> {clock(talk.get(s.label) ?? 0)}</span>
                <button type="button" className="link" onClick={() => { setEditing(s.label); setName(s.name ?? '') }}>{t.rename}</button>
                {labels.length > 1 && (
                  <label>
                    <span className="visually-hidden">{t.merge}</span>
                    <select
                      value=""
                      onChange={(e) => {
                        const into = e.target.value
                        if (into) void run(() => api('POST', `/api/v1/meetings/${meetingId}/speakers/merge`, { from: s.label, into }))
                      }}
                    >
                      <option value="">{t.merge}</option>
                      {labels.filter((o) => o.label !== s.label).map((o) => <option key={o.label} value={o.label}>{o.name || o.label}</option>)}
                    </select>
                  </label>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
      {error && <p role="alert" className="error">{error}</p>}
    </div>
  )
}
