import { useEffect, useState } from 'react'
import { api, type Passage, type SearchResults } from '../api'
import { clock } from '../format'
import { format, useI18n } from '../i18n'
import { Link, navigate } from '../router'

/** The meeting page opened at a moment of its recording. */
export function meetingAt(meetingId: string, seconds: number): string {
  return `/meetings/${meetingId}?t=${Math.max(0, Math.floor(seconds * 10) / 10)}`
}

/** Search across the organisation's meetings; each hit opens its meeting where it was said. */
export function SearchPage() {
  const { t } = useI18n()
  const initial = new URLSearchParams(location.search).get('q') ?? ''
  const [query, setQuery] = useState(initial)
  const [submitted, setSubmitted] = useState(initial)
  const [results, setResults] = useState<Passage[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    if (!submitted.trim()) return
    let current = true
    api<SearchResults>('GET', `/api/v1/search?q=${encodeURIComponent(submitted.trim())}`)
      .then((found) => current && setResults(found.results))
      .catch((e: Error) => current && setError(e.message))
    return () => {
      current = false
    }
  }, [submitted])

  return (
    <section>
      <h1>{t.searchTranscripts}</h1>
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault()
          setError(null)
          navigate(`/search?q=${encodeURIComponent(query.trim())}`, true)
          setSubmitted(query)
        }}
      >
        <label className="search">
          <span className="visually-hidden">{t.searchTranscripts}</span>
          <input type="search" name="q" required placeholder={t.searchPlaceholder} value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <button type="submit">{t.searchButton}</button>
      </form>
      {error && <p role="alert" className="error">{error}</p>}
      {results && results.length === 0 && <p>{t.noHits}</p>}
      {results && results.length > 0 && (
        <ol className="hits" data-testid="hits">
          {results.map((hit, i) => (
            <li key={`${hit.meetingId}-${hit.start}-${i}`}>
              <p className="hit-head">
                <strong>{hit.meetingTitle ?? hit.meetingId}</strong>
                {hit.topic && <span className="hint"> · {hit.topic}</span>}
              </p>
              <p className="hit-text">
                <Link href={meetingAt(hit.meetingId, hit.start)} className="time" aria-label={`${hit.meetingTitle ?? ''} ${format(t.openAt, { time: clock(hit.start) })}`}>
                  {clock(hit.start)}
                </Link>{' '}
                {hit.speakers.length > 0 && <span className="hint">{hit.speakers.join(', ')}: </span>}
                {hit.text}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
