import { useEffect, useState } from 'react'
import { api, type MeetingPage } from '../api'
import { clock } from '../format'
import { format, useI18n } from '../i18n'
import { Link } from '../router'

const PAGE_SIZE = 20

export function MeetingsList() {
  const { t, lang } = useI18n()
  const [query, setQuery] = useState('')
  const [page, setPage] = useState(0)
  const [data, setData] = useState<MeetingPage | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let current = true
    const timer = setTimeout(() => {
      const q = query.trim() ? `&q=${encodeURIComponent(query.trim())}` : ''
      api<MeetingPage>('GET', `/api/v1/meetings?page=${page}&size=${PAGE_SIZE}${q}`)
        .then((result) => current && setData(result))
        .catch((e: Error) => current && setError(e.message))
    }, 200)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [query, page])

  return (
    <section>
      <h1>{t.meetings}</h1>
      <div className="toolbar">
        <label className="search">
          <span className="visually-hidden">{t.search}</span>
          <input type="search" placeholder={t.search} value={query} onChange={(e) => { setQuery(e.target.value); setPage(0) }} />
        </label>
        <Link href="/upload" className="button">{t.upload}</Link>
      </div>
      {error && <p role="alert" className="error">{error}</p>}
      {data && data.items.length === 0 && <p>{t.noMeetings}</p>}
      {data && data.items.length > 0 && (
        <div className="table-wrap">
          <table className="meetings">
            <thead>
              <tr>
                <th scope="col">{t.title}</th>
                <th scope="col">{t.date}</th>
                <th scope="col">{t.duration}</th>
                <th scope="col">{t.language}</th>
                <th scope="col">{t.speakers}</th>
                <th scope="col">{t.state}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((m) => (
                <tr key={m.id}>
                  <td data-label={t.title}><Link href={`/meetings/${m.id}`}>{m.title}</Link></td>
                  <td data-label={t.date}>{new Date(m.createdAt).toLocaleString(lang)}</td>
                  <td data-label={t.duration}>{m.durationSeconds != null ? clock(m.durationSeconds) : '–'}</td>
                  <td data-label={t.language}>{(m.transcriptLanguage ?? m.language).toLowerCase()}</td>
                  <td data-label={t.speakers}>{m.speakerCount ?? '–'}</td>
                  <td data-label={t.state}><span className={`state state-${m.state.toLowerCase()}`}>{t.states[m.state] ?? m.state}</span></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data && data.totalPages > 1 && (
        <nav className="paging" aria-label={format(t.pageOf, { page: data.page + 1, pages: data.totalPages })}>
          <button type="button" className="secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>{t.previous}</button>
          <span>{format(t.pageOf, { page: data.page + 1, pages: data.totalPages })}</span>
          <button type="button" className="secondary" disabled={page + 1 >= data.totalPages} onClick={() => setPage(page + 1)}>{t.next}</button>
        </nav>
      )}
    </section>
  )
}
