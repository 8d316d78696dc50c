import { useEffect, useState } from 'react'
import { api, type Passage, type SearchResults } from '../api'
import { clock } from '../format'
import { format, useI18n } from '../i18n'
import { Link, navigate } from '../router'

/** The meeting page opened at a moment of its recording. */
export function meetingAt(meetingId: string, seconds: number): string {
  return `/meetings/${meetingId}?t=${Math.max(0, Math.floor(seconds * 10) / 10)}`
}

/** Splits text into plain and matched parts; ranges outside the text or overlapping are clipped. */
export function highlightParts(text: string, ranges: { from: number; to: number }[] = []): { text: string; match: boolean }[] {
  const sorted = ranges
    .map((r) => ({ from: Math.max(0, Math.min(text.length, r.from)), to: Math.max(0, Math.min(text.length, r.to)) }))
    .filter((r) => r.to > r.from)
    .sort((a, b) => a.from - b.from)
  const parts: { text: string; match: boolean }[] = []
  let at = 0
  for (const range of sorted) {
    const from = Math.max(range.from, at)
    if (range.to <= from) continue
    if (from > at) parts.push({ text: text.slice(at, from), match: false })
    parts.push({ text: text.slice(from, range.to), match: true })
    at = range.to
  }
  if (at < text.length) parts.push({ text: text.slice(at), match: false })
  return parts
}

/** The text with its matched ranges marked. */
export function Highlighted({ text, ranges }: { text: string; ranges?: { from: number; to: number }[] }) {
  return <>{highlightParts(text, ranges).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}</>
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
      {results && results.length === 0 && <p className="empty" data-testid="no-hits">{t.noHits}</p>}
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
                {(hit.speakerNames ?? hit.speakers).length > 0 && <span className="hint">{(hit.speakerNames ?? hit.speakers).join(', ')}: </span>}
                <Highlighted text={hit.text} ranges={hit.highlights} />
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
