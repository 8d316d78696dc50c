import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Meeting, Minutes, Speaker, Word } from './api'
import { App } from './App'
import { I18nProvider } from './i18n'
import { AskPanel } from './meeting/AskPanel'
import { outOfView } from './meeting/follow'
import { Status } from './meeting/MeetingPage'
import { MinutesView, ownerChoices } from './meeting/MinutesView'
import { lanes, nextSpeed, PlayerBar, speakerSpans } from './meeting/PlayerBar'
import { shortcut } from './meeting/Player'
import { matchConfidence } from './meeting/SpeakersPanel'
import { TranscriptView } from './meeting/TranscriptView'
import { filtered, listQuery, MeetingsList, NO_FILTERS } from './pages/MeetingsList'
import { highlightParts, SearchPage } from './pages/SearchPage'
import { SharedMeeting } from './pages/SharedMeeting'
import { fakeBackend } from './testing'
import { offeredLanguages, UploadPage } from './upload/UploadPage'
import { checkRecording } from './upload/uploader'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  history.replaceState(null, '', '/')
  localStorage.clear()
})

const MEETING = '0b6f2a52-44e4-4c4e-9a55-0c5c8f4f3a11'
const SPEAKERS: Speaker[] = [{ label: 'S0', name: 'Anna' }, { label: 'S1', name: null }]
const WORDS: Word[] = [
  { start: 0, end: 0.4, text: 'meet', display: 'Meet', confidence: 0.9, speaker: 'S0' },
  { start: 0.5, end: 0.9, text: 'in', confidence: 0.9, speaker: 'S0' },
  { start: 1.0, end: 1.5, text: 'chicago', display: 'Chicago.', confidence: 0.9, speaker: 'S0' },
  { start: 20, end: 20.5, text: 'agreed', display: 'Agreed.', confidence: 0.9, speaker: 'S1' },
]

function inLanguage(lang: 'en' | 'ru', ui: React.ReactNode) {
  return render(<I18nProvider initial={lang}>{ui}</I18nProvider>)
}

function audio(): HTMLAudioElement {
  return screen.getByTestId('player') as HTMLAudioElement
}

describe('PlayerBar', () => {
  function player(onSeek = vi.fn()) {
    const ref = { current: null as HTMLAudioElement | null }
    inLanguage('en', <PlayerBar src="/r" player={ref} time={30} duration={100} speakers={SPEAKERS} words={WORDS} turns={[{ speaker: 'S0', start: 0, end: 10 }, { speaker: 'S1', start: 20, end: 40 }]} topics={[{ title: 'Budget', start: 50, end: 80 }]} onSeek={onSeek} onTime={() => undefined} />)
    return onSeek
  }

  it('changes the speed of the recording', () => {
    player()
    fireEvent.change(screen.getByRole('combobox', { name: 'Playback speed' }), { target: { value: '1.5' } })
    expect(audio().playbackRate).toBe(1.5)
    expect([...screen.getByTestId('speed').querySelectorAll('option')].map((o) => o.value)).toEqual(['0.75', '1', '1.25', '1.5', '1.75', '2'])
  })

  it('jumps 10 s back and forward and to a topic', () => {
    const onSeek = player()
    fireEvent.click(screen.getByRole('button', { name: 'Back 10 s' }))
    fireEvent.click(screen.getByRole('button', { name: 'Forward 10 s' }))
    fireEvent.click(screen.getByRole('button', { name: 'Budget, Jump to 0:50' }))
    expect(onSeek.mock.calls.map((c) => c[0])).toEqual([20, 40, 50])
  })

  it('draws a lane per speaker that seeks where it is clicked', () => {
    const onSeek = player()
    expect(screen.getByTestId('lane-S0').textContent).toContain('Anna')
    expect(screen.getByTestId('lane-S1').textContent).toContain('S1')
    const track = screen.getByTestId('lane-S1').querySelector('.lane-track') as HTMLElement
    track.getBoundingClientRect = () => ({ left: 100, width: 400, top: 0, bottom: 10, right: 500, height: 10, x: 100, y: 0, toJSON: () => ({}) })
    fireEvent.click(track, { clientX: 300 })
    expect(onSeek).toHaveBeenLastCalledWith(50)
  })

  it('steps through the speeds and finds who spoke when', () => {
    expect(nextSpeed(1, 1)).toBe(1.25)
    expect(nextSpeed(2, 1)).toBe(2)
    expect(nextSpeed(0.75, -1)).toBe(0.75)
    expect(shortcut('>')).toEqual({ speedBy: 1 })
    expect(speakerSpans(WORDS)).toEqual([{ speaker: 'S0', start: 0, end: 1.5 }, { speaker: 'S1', start: 20, end: 20.5 }])
    expect(lanes(speakerSpans(WORDS), [{ label: 'S1', name: null }]).map((l) => l.label)).toEqual(['S1', 'S0'])
    expect(outOfView({ top: 999, bottom: 1020 }, 200, 768)).toBe(true)
    expect(outOfView({ top: 400, bottom: 420 }, 200, 768)).toBe(false)
  })
})

describe('TranscriptView', () => {
  it('shows the readable words, reachable with one tab stop and the arrow keys', () => {
    const onSeek = vi.fn()
    inLanguage('en', <TranscriptView words={WORDS} speakers={SPEAKERS} active={1} onSeek={onSeek} />)
    expect(screen.getByTestId('transcript').textContent).toContain('Meet in Chicago.')
    const words = screen.getAllByRole('button').filter((b) => b.classList.contains('word'))
    expect(words.filter((w) => w.tabIndex === 0)).toEqual([words[1]])
    expect(words[1].getAttribute('aria-current')).toBe('time')
    words[1].focus()
    fireEvent.keyDown(words[1], { key: 'ArrowRight' })
    expect(document.activeElement).toBe(words[2])
    fireEvent.click(document.activeElement as HTMLElement)
    expect(onSeek).toHaveBeenCalledWith(1.0)
  })

  it('gives a turn to another speaker from its context menu', () => {
    const onReassign = vi.fn()
    inLanguage('en', <TranscriptView words={WORDS} speakers={SPEAKERS} active={-1} onSeek={() => undefined} onReassign={onReassign} />)
    const turn = screen.getByTestId('transcript').querySelector('.turn[data-speaker="S1"]') as HTMLElement
    fireEvent.contextMenu(turn)
    fireEvent.click(screen.getByRole('menuitem', { name: 'Give to Anna' }))
    expect(onReassign).toHaveBeenCalledWith({ start: 20, end: 20.5, from: 'S1' }, 'S0')
    expect(screen.queryAllByRole('combobox')).toHaveLength(0)
  })
})

describe('MeetingsList', () => {
  const ROW = { id: MEETING, title: 'Weekly sync', language: 'EN', state: 'PROCESSED', durationSeconds: 75, speakerCount: 2, transcriptLanguage: 'en', createdAt: '2026-01-02T10:00:00Z', progress: [], speakers: [] }

  it('renames and deletes a meeting after confirmation', async () => {
    const backend = fakeBackend({
      'GET /api/v1/meetings?page=0&size=20': { items: [ROW], page: 0, size: 20, totalItems: 1, totalPages: 1 },
      [`PATCH /api/v1/meetings/${MEETING}`]: { ...ROW, title: 'Budget' },
      [`DELETE /api/v1/meetings/${MEETING}`]: { status: 204, body: null },
    })
    vi.stubGlobal('fetch', backend.fetch)
    inLanguage('en', <MeetingsList />)

    fireEvent.click(await screen.findByRole('button', { name: 'Actions for “Weekly sync”' }))
    fireEvent.click(screen.getByRole('menuitem', { name: 'Rename' }))
    fireEvent.change(screen.getByTestId('rename-input'), { target: { value: ' Budget ' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(backend.calls.some((c) => c.method === 'PATCH')).toBe(true))
    expect(backend.calls.find((c) => c.method === 'PATCH')?.body).toEqual({ title: 'Budget' })

    fireEvent.click(await screen.findByRole('button', { name: 'Actions for “Weekly sync”' }))
    fireEvent.click(screen.getByRole('menuitem', { name: 'Delete' }))
    expect(screen.getByTestId('confirm').textContent).toContain('cannot be undone')
    expect(backend.calls.some((c) => c.method === 'DELETE')).toBe(false)
    fireEvent.click(screen.getByTestId('confirm-yes'))
    await waitFor(() => expect(backend.calls.some((c) => c.method === 'DELETE')).toBe(true))
  })

  it('filters by state and says when nothing matches', async () => {
    const backend = fakeBackend({
      'GET /api/v1/meetings?page=0&size=20': { items: [ROW], page: 0, size: 20, totalItems: 1, totalPages: 1 },
      'GET /api/v1/meetings?page=0&size=20&state=FAILED&sort=oldest': { items: [], page: 0, size: 20, totalItems: 0, totalPages: 0 },
    })
    vi.stubGlobal('fetch', backend.fetch)
    inLanguage('en', <MeetingsList />)
    await screen.findByRole('link', { name: 'Weekly sync' })
    fireEvent.change(screen.getByTestId('sort'), { target: { value: 'oldest' } })
    fireEvent.change(screen.getByTestId('filter-state'), { target: { value: 'FAILED' } })
    expect(await screen.findByTestId('no-matches')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }))
    await screen.findByRole('link', { name: 'Weekly sync' })
    expect(listQuery({ ...NO_FILTERS, speaker: ' Anna ', from: '2026-01-01' }, 2)).toBe('page=2&size=20&speaker=Anna&from=2026-01-01')
    expect(filtered(NO_FILTERS)).toBe(false)
  })

  it('says what to do next when there are no meetings yet', async () => {
    vi.stubGlobal('fetch', fakeBackend({ 'GET /api/v1/meetings?page=0&size=20': { items: [], page: 0, size: 20, totalItems: 0, totalPages: 0 } }).fetch)
    inLanguage('en', <MeetingsList />)
    expect((await screen.findByTestId('no-meetings')).textContent).toContain('Upload a recording')
  })
})

describe('UploadPage', () => {
  function file(name: string, bytes: number[] | string): File {
    return new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name)
  }

  it('refuses a text file named .wav and an empty file before any meeting exists', async () => {
    const backend = fakeBackend({ 'GET /api/v1/languages': { languages: [{ code: 'en', available: true, fix: null }, { code: 'ru', available: false, fix: 'aigenda models pull vosk-ru-small' }] } })
    vi.stubGlobal('fetch', backend.fetch)
    inLanguage('en', <UploadPage />)
    const input = screen.getByTestId('file')

    fireEvent.change(input, { target: { files: [file('notes.wav', 'These are notes, not a recording.')] } })
    expect((await screen.findByRole('alert')).textContent).toBe('“notes.wav” is not an audio or video recording.')
    fireEvent.change(input, { target: { files: [file('empty.wav', [])] } })
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('“empty.wav” is empty.'))
    expect(backend.calls.filter((c) => c.method === 'POST')).toEqual([])

    const wav = [...'RIFF'].map((c) => c.charCodeAt(0)).concat([0, 0, 0, 0], [...'WAVE'].map((c) => c.charCodeAt(0)), [0, 0, 0, 0])
    fireEvent.change(input, { target: { files: [file('talk.wav', wav)] } })
    const language = await screen.findByRole('combobox', { name: 'Spoken language' })
    expect([...language.querySelectorAll('option')].map((o) => o.value)).toEqual(['auto', 'en'])
    expect(screen.getByTestId('languages-missing').textContent).toContain('aigenda models pull vosk-ru-small')
  })

  it('checks sizes and offers every language when the installation does not say', async () => {
    expect(await checkRecording(new Blob([new Uint8Array([0x49, 0x44, 0x33, 4, 0])]), 3)).toEqual({ reason: 'tooLarge' })
    expect(await checkRecording(new Blob([new Uint8Array([0x49, 0x44, 0x33, 4, 0])]))).toBeNull()
    expect(offeredLanguages(null).offer).toEqual(['en', 'ru'])
  })
})

describe('Minutes, search and answers', () => {
  const MINUTES: Minutes = { language: 'en', engine: 'x', summary: 'S', topics: [], decisions: [{ text: 'Ship', start: 62 }], actionItems: [{ text: 'Tag', owner: null, start: 20, done: false }], warnings: [] }

  it('chooses owners from the named speakers, links items to their moment and reports unsaved edits', () => {
    const onSeek = vi.fn()
    const onDirty = vi.fn()
    inLanguage('en', <MinutesView minutes={MINUTES} speakers={SPEAKERS} onSave={async () => undefined} onSeek={onSeek} onDirty={onDirty} />)
    const owner = screen.getByTestId('owner')
    expect([...owner.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['—', 'Anna'])
    fireEvent.change(owner, { target: { value: 'Anna' } })
    expect(onDirty).toHaveBeenLastCalledWith(true)
    fireEvent.click(screen.getByRole('button', { name: 'Play from 0:20' }))
    fireEvent.click(screen.getByRole('button', { name: 'Play from 1:02' }))
    expect(onSeek.mock.calls.map((c) => c[0])).toEqual([20, 62])
    expect(ownerChoices(SPEAKERS, [{ text: 'x', owner: 'Boris' }])).toEqual(['Anna', 'Boris'])
  })

  it('marks the matched words of a hit and names the current speakers', async () => {
    vi.stubGlobal('fetch', fakeBackend({
      'GET /api/v1/search?q=country': { query: 'country', results: [{ meetingId: MEETING, meetingTitle: 'Weekly', start: 75.4, end: 80, speakers: ['S1'], speakerNames: ['Anna'], topic: null, text: 'Ask what you can do for your country.', highlights: [{ from: 29, to: 36 }], score: 1 }] },
    }).fetch)
    inLanguage('en', <SearchPage />)
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'country' } })
    fireEvent.click(screen.getByRole('button', { name: 'Search' }))
    const hits = await screen.findByTestId('hits')
    expect(hits.querySelector('mark')?.textContent).toBe('country')
    expect(hits.textContent).toContain('Anna:')
    expect(highlightParts('abcdef', [{ from: 4, to: 9 }, { from: 1, to: 2 }, { from: 1, to: 3 }])).toEqual([
      { text: 'a', match: false }, { text: 'b', match: true }, { text: 'c', match: true }, { text: 'd', match: false }, { text: 'ef', match: true },
    ])
  })

  it('says plainly when nothing in the meeting answers, without sources', async () => {
    vi.stubGlobal('fetch', fakeBackend({ [`POST /api/v1/meetings/${MEETING}/ask`]: { question: 'q', answer: 'Nothing in this meeting answers that.', method: 'x', citations: [], found: false } }).fetch)
    inLanguage('ru', <AskPanel meetingId={MEETING} onSeek={() => undefined} />)
    fireEvent.change(screen.getByRole('textbox'), { target: { value: 'Бюджет?' } })
    fireEvent.click(screen.getByRole('button', { name: 'Спросить' }))
    expect((await screen.findByTestId('answer')).textContent).toBe('В этой встрече нет ответа на этот вопрос.')
  })

  it('hides Try again when trying again cannot help', () => {
    const failed = { id: MEETING, state: 'FAILED', failureReason: 'TRANSCRIBE: model missing', retryable: false, progress: [] } as unknown as Meeting
    inLanguage('en', <Status meeting={failed} onRetried={() => undefined} />)
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull()
    expect(screen.getByTestId('not-retryable')).toBeTruthy()
    expect(matchConfidence({ confidence: null, voiceprint: { id: 'v', name: 'A', confidence: 0.8 } })).toBe(0.8)
  })
})

describe('Share view and unknown pages', () => {
  it('opens a shared meeting read-only without an account', async () => {
    vi.stubGlobal('fetch', fakeBackend({
      'GET /api/v1/shared/shr_abc': { title: 'Weekly sync', language: 'en', durationSeconds: 21, createdAt: '2026-01-02T10:00:00Z', expiresAt: '2026-01-09T10:00:00Z', transcript: { language: 'en', durationSeconds: 21, speakers: SPEAKERS, words: WORDS }, minutes: { language: 'en', engine: 'x', summary: 'We meet in Chicago.', topics: [], decisions: [], actionItems: [], warnings: [] } },
    }).fetch)
    inLanguage('en', <SharedMeeting token="shr_abc" />)
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Weekly sync')
    expect(screen.getByTestId('transcript').textContent).toContain('Meet in Chicago.')
    expect(audio().getAttribute('src')).toBe('/api/v1/shared/shr_abc/recording')
    expect(screen.queryByTestId('turn-menu')).toBeNull()
    expect(screen.queryAllByRole('textbox')).toHaveLength(0)
  })

  it('says a revoked link does not work any more', async () => {
    vi.stubGlobal('fetch', fakeBackend({}).fetch)
    inLanguage('en', <SharedMeeting token="shr_gone" />)
    expect((await screen.findByTestId('share-gone')).textContent).toContain('expired or was revoked')
  })

  it('shows a page of its own for an unknown address', async () => {
    vi.stubGlobal('fetch', fakeBackend({ 'GET /api/v1/session': { authenticated: true, user: { userId: 'u', email: 'a@b.c', organisationId: 'o', role: 'ADMIN', platformAdmin: false }, organisations: [] } }).fetch)
    history.replaceState(null, '', '/no/such/page')
    await act(async () => { render(<App initialLang="en" />) })
    expect((await screen.findByTestId('not-found')).textContent).toContain('Page not found')
  })
})
