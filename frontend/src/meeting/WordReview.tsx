import { useEffect, useState } from 'react'
import { api } from '../api'
import { format, useI18n } from '../i18n'

type Suggestions = { index: number; text: string; confidence: number; suggestions: string[] }

/** The review of one doubtful word: accept a suggestion, type a correction, or keep it as heard. */
export function WordReview({ meetingId, index, onDone, onClose }: { meetingId: string; index: number; onDone: () => void; onClose: () => void }) {
  const { t } = useI18n()
  const [data, setData] = useState<Suggestions | null>(null)
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let current = true
    api<Suggestions>('GET', `/api/v1/meetings/${meetingId}/words/${index}/suggestions`)
      .then((s) => {
        if (!current) return
        setData(s)
        setText(s.text)
      })
      .catch((e: Error) => current && setError(e.message))
    return () => {
      current = false
    }
  }, [meetingId, index])

  const save = async (value: string) => {
    setError(null)
    try {
      await api('PUT', `/api/v1/meetings/${meetingId}/words/${index}`, { text: value })
      onDone()
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    }
  }

  return (
    <section className="word-review" aria-label={t.reviewWord} data-testid="word-review">
      <div className="section-head">
        <h3>{data ? format(t.doubtfulWord, { word: data.text, percent: Math.round(data.confidence * 100) }) : t.loading}</h3>
        <button type="button" className="secondary" aria-label={t.close} onClick={onClose}>×</button>
      </div>
      {data && (
        <>
          {data.suggestions.length > 0 && (
            <div className="suggestions">
              <span>{t.suggestions}:</span>
              {data.suggestions.map((s) => (
                <button key={s} type="button" className="secondary" onClick={() => void save(s)}>{s}</button>
              ))}
            </div>
          )}
          <form onSubmit={(e) => { e.preventDefault(); void save(text) }}>
            <label>
              <span className="visually-hidden">{t.correction}</span>
              <input value={text} required maxLength={100} onChange={(e) => setText(e.target.value)} />
            </label>
            <button type="submit">{text.trim() === data.text ? t.keepAsHeard : t.save}</button>
          </form>
        </>
      )}
      {error && <p role="alert" className="error">{error}</p>}
    </section>
  )
}
