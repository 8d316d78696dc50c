import { useCallback, useEffect, useRef, useState } from 'react'
import { MoreVertical, Mic, Upload } from 'lucide-react'
import { api, type Meeting, type MeetingPage } from '../api'
import { clock } from '../format'
import { format, useI18n } from '../i18n'
import { Link } from '../router'
import { useMedia } from '../meeting/follow'
import { ConfirmDialog } from '../ui/Dialog'
import { MenuButton } from '../ui/MenuButton'

const PAGE_SIZE = 20
const STATES = ['PROCESSED', 'NO_SPEECH', 'PROCESSING', 'UPLOADED', 'UPLOADING', 'CREATED', 'FAILED']
const SORTS = ['newest', 'oldest', 'title', 'longest']

export type Filters = { q: string; state: string; speaker: string; from: string; to: string; sort: string }
export const NO_FILTERS: Filters = { q: '', state: '', speaker: '', from: '', to: '', sort: 'newest' }

/** The list's query string: only what is set. */
export function listQuery(filters: Filters, page: number, size = PAGE_SIZE): string {
  const params = new URLSearchParams({ page: String(page), size: String(size) })
  for (const key of ['q', 'state', 'speaker', 'from', 'to'] as const) if (filters[key].trim()) params.set(key, filters[key].trim())
  if (filters.sort !== 'newest') params.set('sort', filters.sort)
  return params.toString()
}

export function filtered(filters: Filters): boolean {
  return (['q', 'state', 'speaker', 'from', 'to'] as const).some((key) => filters[key].trim() !== '')
}

/** On a phone the filters fold away under one line; elsewhere they stay in the toolbar. */
function Collapsible({ when, label, active, children }: { when: boolean; label: string; active: boolean; children: React.ReactNode }) {
  if (!when) return <>{children}</>
  return (
    <details className="more-filters" open={active || undefined}>
      <summary>{label}</summary>
      <div className="toolbar">{children}</div>
    </details>
  )
}

export function MeetingsList() {
  const { t, lang } = useI18n()
  const phone = useMedia('(max-width: 640px)')
  const [filters, setFilters] = useState<Filters>(NO_FILTERS)
  const [page, setPage] = useState(0)
  const [data, setData] = useState<MeetingPage | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [renaming, setRenaming] = useState<{ id: string; title: string } | null>(null)
  const [deleting, setDeleting] = useState<Meeting | null>(null)
  const set = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }))
    setPage(0)
  }

  const latest = useRef(0)
  const load = useCallback(() => {
    const call = ++latest.current
    api<MeetingPage>('GET', `/api/v1/meetings?${listQuery(filters, page)}`)
      .then((result) => { if (call === latest.current) { setData(result); setError(null) } })
      .catch((e: Error) => call === latest.current && setError(e.message))
  }, [filters, page])
  // typed filters wait for a pause in typing; the rest load at once
  const typing = filters.q !== '' || filters.speaker !== ''
  useEffect(() => {
    const timer = setTimeout(load, typing ? 200 : 0)
    return () => clearTimeout(timer)
  }, [load, typing])

  const rename = async (id: string, title: string) => {
    try {
      await api('PATCH', `/api/v1/meetings/${id}`, { title: title.trim() })
      setRenaming(null)
      load()
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    }
  }
  const remove = async (meeting: Meeting) => {
    try {
      await api('DELETE', `/api/v1/meetings/${meeting.id}`)
      load()
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    }
  }
  const state = (m: Meeting) => (m.noSpeech ? <span className="state state-nospeech">{t.noSpeech}</span> : <span className={`state state-${m.state.toLowerCase()}`}>{t.states[m.state] ?? m.state}</span>)

  return (
    <section>
      <div className="page-head">
        <h1>{t.meetings}</h1>
        <Link href="/upload" className="button"><Upload size={16} aria-hidden="true" /> {t.upload}</Link>
      </div>
      <form className="toolbar filters" aria-label={t.filters} onSubmit={(e) => e.preventDefault()}>
        <label className="search">
          <span className="visually-hidden">{t.search}</span>
          <input type="search" placeholder={t.search} value={filters.q} data-testid="filter-q" onChange={(e) => set({ q: e.target.value })} />
        </label>
        <Collapsible when={phone} label={t.filters} active={filtered({ ...filters, q: '' })}>
        <label>
          <span className="small">{t.state}</span>
          <select value={filters.state} data-testid="filter-state" onChange={(e) => set({ state: e.target.value })}>
            <option value="">{t.anyState}</option>
            {STATES.map((s) => <option key={s} value={s}>{s === 'NO_SPEECH' ? t.noSpeech : t.states[s]}</option>)}
          </select>
        </label>
        <label>
          <span className="small">{t.speakerFilter}</span>
          <input value={filters.speaker} size={12} data-testid="filter-speaker" onChange={(e) => set({ speaker: e.target.value })} />
        </label>
        <label>
          <span className="small">{t.fromDate}</span>
          <input type="date" value={filters.from} onChange={(e) => set({ from: e.target.value })} />
        </label>
        <label>
          <span className="small">{t.toDate}</span>
          <input type="date" value={filters.to} onChange={(e) => set({ to: e.target.value })} />
        </label>
        <label>
          <span className="small">{t.sort}</span>
          <select value={filters.sort} data-testid="sort" onChange={(e) => set({ sort: e.target.value })}>
            {SORTS.map((s) => <option key={s} value={s}>{t.sorts[s]}</option>)}
          </select>
        </label>
        </Collapsible>
      </form>
      {error && <p role="alert" className="error">{error}</p>}
      {data && data.items.length === 0 && !filtered(filters) && (
        <div className="empty-state" data-testid="no-meetings">
          <p><strong>{t.noMeetings}</strong> {t.noMeetingsHint}</p>
          <p className="actions">
            <Link href="/upload" className="button"><Upload size={16} aria-hidden="true" /> {t.upload}</Link>
            <Link href="/record-call" className="button secondary-link"><Mic size={16} aria-hidden="true" /> {t.recordCall}</Link>
          </p>
        </div>
      )}
      {data && data.items.length === 0 && filtered(filters) && (
        <div className="empty-state" data-testid="no-matches">
          <p>{t.noMatches}</p>
          <button type="button" className="secondary" onClick={() => { setFilters(NO_FILTERS); setPage(0) }}>{t.clearFilters}</button>
        </div>
      )}
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
                <th scope="col"><span className="visually-hidden">{t.more}</span></th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((m) => (
                <tr key={m.id} data-testid="meeting-row">
                  <td data-label={t.title}>
                    {renaming?.id === m.id ? (
                      <form className="inline-rename" onSubmit={(e) => { e.preventDefault(); void rename(m.id, renaming.title) }}>
                        <label>
                          <span className="visually-hidden">{t.meetingTitle}</span>
                          <input autoFocus required maxLength={300} value={renaming.title} data-testid="rename-input" onChange={(e) => setRenaming({ id: m.id, title: e.target.value })} onKeyDown={(e) => { if (e.key === 'Escape') setRenaming(null) }} />
                        </label>
                        <button type="submit">{t.save}</button>
                        <button type="button" className="secondary" onClick={() => setRenaming(null)}>{t.cancel}</button>
                      </form>
                    ) : <Link href={`/meetings/${m.id}`}>{m.title}</Link>}
                  </td>
                  <td data-label={t.date}>{new Date(m.createdAt).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' })}</td>
                  <td data-label={t.duration}>{m.durationSeconds != null ? clock(m.durationSeconds) : '–'}</td>
                  <td data-label={t.language}>{(m.transcriptLanguage ?? m.language).toLowerCase()}</td>
                  <td data-label={t.speakers}>{m.speakers && m.speakers.some((s) => s.name) ? m.speakers.map((s) => s.name || s.label).join(', ') : (m.speakerCount ?? '–')}</td>
                  <td data-label={t.state}>{state(m)}</td>
                  <td className="row-actions">
                    <MenuButton
                      label={format(t.meetingActions, { title: m.title })}
                      testId="meeting-menu"
                      items={[
                        { label: t.renameMeeting, testId: 'rename-meeting', onSelect: () => setRenaming({ id: m.id, title: m.title }) },
                        { label: t.deleteMeeting, testId: 'delete-meeting', danger: true, onSelect: () => setDeleting(m) },
                      ]}
                    >
                      <MoreVertical size={18} aria-hidden="true" />
                    </MenuButton>
                  </td>
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
      {deleting && (
        <ConfirmDialog
          title={t.deleteMeeting}
          message={format(t.confirmDelete, { title: deleting.title })}
          confirm={t.deleteMeeting}
          onConfirm={() => void remove(deleting)}
          onClose={() => setDeleting(null)}
        />
      )}
    </section>
  )
}
