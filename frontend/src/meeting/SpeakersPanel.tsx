import { useEffect, useMemo, useState } from 'react'
import { ChevronDown } from 'lucide-react'
import { api, type Speaker, type Word } from '../api'
import { clock, speakerColour } from '../format'
import { format, useI18n } from '../i18n'
import { MenuButton, type MenuItem } from '../ui/MenuButton'

type SpeakerView = { label: string; name: string | null; confidence?: number | null; voiceprint?: { id: string; name: string; confidence: number | null } | null }

/** How sure a voiceprint match is, where one named the speaker: the API's confidence, or the match's. */
export function matchConfidence(speaker: Pick<SpeakerView, 'confidence' | 'voiceprint'>): number | null {
  if (speaker.confidence != null) return speaker.confidence
  return speaker.voiceprint?.confidence ?? null
}

/**
 * The meeting's speakers, each with one menu: rename (the name also labels the speaker's
 * voiceprint), merge into another speaker, forget the voiceprint that named it.
 */
export function SpeakersPanel({ meetingId, speakers, words, onChanged }: { meetingId: string; speakers: Speaker[]; words: Word[]; onChanged: () => void }) {
  const { t } = useI18n()
  const [editing, setEditing] = useState<string | null>(null)
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [views, setViews] = useState<SpeakerView[]>([])
  // asked again whenever a rename or merge changed the speakers
  const names = speakers.map((s) => `${s.label}=${s.name ?? ''}`).join(',')
  useEffect(() => {
    if (!names && !meetingId) return
    api<SpeakerView[]>('GET', `/api/v1/meetings/${meetingId}/speakers`)
      .then((found) => setViews(Array.isArray(found) ? found : []))
      .catch(() => setViews([]))
  }, [meetingId, names])
  const talk = useMemo(() => {
    const seconds = new Map<string, number>()
    for (const w of words) seconds.set(w.speaker, (seconds.get(w.speaker) ?? 0) + (w.end - w.start))
    return seconds
  }, [words])
  const labels: Speaker[] = speakers.length > 0 ? speakers : [...talk.keys()].sort().map((label) => ({ label, name: null }))

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
        {labels.map((s) => {
          const view = views.find((v) => v.label === s.label)
          const confidence = matchConfidence({ confidence: s.confidence ?? view?.confidence, voiceprint: view?.voiceprint })
          const display = s.name || s.label
          const items: MenuItem[] = [
            { label: t.rename, testId: 'speaker-rename', onSelect: () => { setEditing(s.label); setName(s.name ?? '') } },
            ...labels.filter((o) => o.label !== s.label).map((o) => ({
              label: format(t.mergeInto, { name: o.name || o.label }),
              onSelect: () => void run(() => api('POST', `/api/v1/meetings/${meetingId}/speakers/merge`, { from: s.label, into: o.label })),
            })),
          ]
          if (view?.voiceprint?.id) {
            const id = view.voiceprint.id
            items.push({ label: t.forgetVoiceprint, danger: true, onSelect: () => void run(() => api('DELETE', `/api/v1/voiceprints/${id}`)) })
          }
          return (
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
                  <strong>{display}</strong>
                  <span className="muted small-text">{clock(talk.get(s.label) ?? 0)}</span>
                  {confidence != null && (
                    <span className="confidence" data-testid={`confidence-${s.label}`} title={format(t.matchedWith, { percent: Math.round(confidence * 100) })}>
                      {format(t.matchedWith, { percent: Math.round(confidence * 100) })}
                    </span>
                  )}
                  <MenuButton label={format(t.speakerMenu, { name: display })} items={items} testId={`speaker-menu-${s.label}`}>
                    <ChevronDown size={16} aria-hidden="true" />
                  </MenuButton>
                </>
              )}
            </li>
          )
        })}
      </ul>
      {error && <p role="alert" className="error">{error}</p>}
    </div>
  )
}
