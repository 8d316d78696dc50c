import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Meeting } from './api'
import { I18nProvider } from './i18n'
import { AskPanel } from './meeting/AskPanel'
import { BotPanel, joinInstant } from './meeting/BotPanel'
import { failedStep, startTime, Status } from './meeting/MeetingPage'
import { RecordCall } from './pages/RecordCall'
import { SearchPage } from './pages/SearchPage'
import { Webhooks } from './pages/Webhooks'
import { fakeBackend } from './testing'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  history.replaceState(null, '', '/')
})

const MEETING = '0b6f2a52-44e4-4c4e-9a55-0c5c8f4f3a11'

function inLanguage(lang: 'en' | 'ru', ui: React.ReactNode) {
  return render(<I18nProvider initial={lang}>{ui}</I18nProvider>)
}

describe('SearchPage', () => {
  it('lists hits with the meeting title and a link that opens the meeting at the time', async () => {
    const backend = fakeBackend({
      'GET /api/v1/search?q=country': {
        query: 'country',
        results: [{ meetingId: MEETING, meetingTitle: 'Weekly sync', start: 75.42, end: 80, speakers: ['S1'], topic: 'Service', text: 'ask what you can do for your country', score: 0.8 }],
      },
    })
    vi.stubGlobal('fetch', backend.fetch)
    inLanguage('en', <SearchPage />)

    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'country' } })
    fireEvent.click(screen.getByRole('button', { name: 'Search' }))

    const link = await screen.findByRole('link', { name: 'Weekly sync Open at 1:15' })
    expect(link.getAttribute('href')).toBe(`/meetings/${MEETING}?t=75.4`)
    expect(link.textContent).toBe('1:15')
    expect(screen.getByText('ask what you can do for your country')).toBeTruthy()
    expect(location.search).toBe('?q=country')
    fireEvent.click(link)
    expect(location.pathname + location.search).toBe(`/meetings/${MEETING}?t=75.4`)
  })

  it('says so in Russian when nothing is found', async () => {
    vi.stubGlobal('fetch', fakeBackend({ 'GET /api/v1/search?q=%D0%BD%D0%B5%D1%82': { query: 'нет', results: [] } }).fetch)
    inLanguage('ru', <SearchPage />)
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'нет' } })
    fireEvent.click(screen.getByRole('button', { name: 'Найти' }))
    expect(await screen.findByText('Ничего не найдено.')).toBeTruthy()
  })

  it('reads the page start time from ?t=', () => {
    expect(startTime('?t=75.4')).toBe(75.4)
    expect(startTime('?t=abc')).toBeNull()
    expect(startTime('')).toBeNull()
  })
})

describe('AskPanel', () => {
  it('shows the answer with citations that seek the player', async () => {
    const backend = fakeBackend({
      [`POST /api/v1/meetings/${MEETING}/ask`]: {
        question: 'Who will write the notes?', answer: 'Anna writes the notes.', method: 'passages',
        citations: [{ meetingId: MEETING, meetingTitle: 'Weekly sync', start: 12.5, end: 15, speakers: ['S0'], topic: null, text: 'I will write the notes', score: 0.9 }],
      },
    })
    vi.stubGlobal('fetch', backend.fetch)
    const seek = vi.fn()
    inLanguage('en', <AskPanel meetingId={MEETING} onSeek={seek} />)

    fireEvent.change(screen.getByPlaceholderText('Your question'), { target: { value: ' Who will write the notes? ' } })
    fireEvent.click(screen.getByRole('button', { name: 'Ask' }))

    expect((await screen.findByTestId('answer')).textContent).toBe('Anna writes the notes.')
    expect(backend.calls[0].body).toEqual({ question: 'Who will write the notes?' })
    const citation = screen.getByRole('link', { name: 'Open at 0:12' })
    expect(citation.getAttribute('href')).toBe(`/meetings/${MEETING}?t=12.5`)
    fireEvent.click(citation)
    expect(seek).toHaveBeenCalledWith(12.5)
  })
})

const failed: Meeting = {
  id: MEETING, title: 'Broken', language: 'en', state: 'FAILED', failureReason: 'TRANSCRIBE: Transcription failed: worker crashed',
  recording: null, durationSeconds: null, speakerCount: null, transcriptLanguage: null, progress: [], speakers: [], createdAt: '2026-01-02T10:00:00Z',
}

describe('Status of a failed meeting', () => {
  it('says in plain words which step failed and retries it', async () => {
    const backend = fakeBackend({ [`POST /api/v1/meetings/${MEETING}/retry`]: { status: 202, body: { ...failed, state: 'UPLOADED', failureReason: null } } })
    vi.stubGlobal('fetch', backend.fetch)
    const retried = vi.fn()
    inLanguage('en', <Status meeting={failed} onRetried={retried} />)

    expect(screen.getByText('Speech recognition did not finish.')).toBeTruthy()
    expect(screen.getByText('Processing failed: TRANSCRIBE: Transcription failed: worker crashed')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))

    await vi.waitFor(() => expect(retried).toHaveBeenCalledWith(expect.objectContaining({ state: 'UPLOADED' })))
    expect(backend.calls.map((c) => `${c.method} ${c.path}`)).toEqual([`POST /api/v1/meetings/${MEETING}/retry`])
  })

  it('speaks Russian and shows why a retry was refused', async () => {
    vi.stubGlobal('fetch', fakeBackend({ [`POST /api/v1/meetings/${MEETING}/retry`]: { status: 409, body: 'Only a failed meeting can be retried' } }).fetch)
    inLanguage('ru', <Status meeting={{ ...failed, failureReason: 'WRITE_MINUTES: timeout' }} onRetried={() => {}} />)

    expect(screen.getByText('Составление протокола не завершилось.')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Повторить' }))
    expect(await screen.findByText('Only a failed meeting can be retried')).toBeTruthy()
  })

  it('finds the failed step in the reason', () => {
    expect(failedStep('DIARIZE: no speech')).toBe('DIARIZE')
    expect(failedStep('Minutes do not match the schema: x')).toBeNull()
    expect(failedStep(null)).toBeNull()
  })
})

describe('Status of a meeting in progress', () => {
  const processing: Meeting = {
    ...failed, state: 'PROCESSING', failureReason: null,
    progress: [
      { step: 'TRANSCRIBE', fraction: 1, message: 'Transcript stored', updatedAt: '2026-01-02T10:01:00Z' },
      { step: 'DIARIZE', fraction: 0, message: 'Waiting for the diarization worker', updatedAt: '2026-01-02T10:00:00Z', waiting: true, stalledMinutes: 2 },
      { step: 'WRITE_MINUTES', fraction: 0.2, message: 'Writing the minutes', updatedAt: '2026-01-02T10:00:00Z', waiting: false, stalledMinutes: null },
    ],
  }

  it('says which step has made no progress, and what it waits for', () => {
    inLanguage('en', <Status meeting={processing} onRetried={() => {}} />)

    expect(screen.getByTestId('stalled-DIARIZE').textContent).toBe('Waiting for a free worker: no progress for 2 min')
    expect(screen.queryByTestId('stalled-TRANSCRIBE')).toBeNull()
    expect(screen.queryByTestId('stalled-WRITE_MINUTES')).toBeNull()
  })

  it('says it in Russian too', () => {
    inLanguage('ru', <Status meeting={{ ...processing, progress: [{ ...processing.progress[2], stalledMinutes: 3 }] }} onRetried={() => {}} />)

    expect(screen.getByTestId('stalled-WRITE_MINUTES').textContent).toBe('Нет движения 3 мин')
  })
})

describe('BotPanel', () => {
  const bot = { id: 'b', meetingId: MEETING, url: 'https://meet.jit.si/room', platform: 'jitsi', state: 'SCHEDULED', detail: null, joinAt: '2030-05-01T09:30:00Z', maxDurationSeconds: 7200, serverSeconds: 0, chunks: 0, createdAt: '2030-04-01T00:00:00Z', finishedAt: null }

  it('shows the reason a link is refused', async () => {
    vi.stubGlobal('fetch', fakeBackend({
      [`POST /api/v1/meetings/${MEETING}/bot`]: { status: 400, body: 'The host 10.0.0.1 resolves to a private or local address' },
    }).fetch)
    inLanguage('en', <BotPanel meetingId={MEETING} canInvite />)

    fireEvent.change(await screen.findByLabelText('Meeting link'), { target: { value: 'https://10.0.0.1/room' } })
    fireEvent.click(screen.getByRole('button', { name: 'Invite the bot' }))

    expect((await screen.findByRole('alert')).textContent).toBe('The host 10.0.0.1 resolves to a private or local address')
  })

  it('schedules the bot at a chosen time, shows its state and calls it back', async () => {
    const backend = fakeBackend({
      [`POST /api/v1/meetings/${MEETING}/bot`]: { status: 202, body: bot },
      [`DELETE /api/v1/meetings/${MEETING}/bot`]: { status: 202, body: { ...bot, state: 'DONE', detail: 'stop requested' } },
    })
    vi.stubGlobal('fetch', backend.fetch)
    inLanguage('en', <BotPanel meetingId={MEETING} canInvite />)

    fireEvent.change(await screen.findByLabelText('Meeting link'), { target: { value: 'https://meet.jit.si/room' } })
    fireEvent.click(screen.getByLabelText('At a date and time'))
    fireEvent.change(screen.getByLabelText('Join at'), { target: { value: '2030-05-01T12:30' } })
    fireEvent.click(screen.getByRole('button', { name: 'Invite the bot' }))

    expect((await screen.findByTestId('bot-state')).textContent).toContain('Scheduled')
    const invite = backend.calls.find((c) => c.method === 'POST')
    expect(invite?.body).toEqual({ url: 'https://meet.jit.si/room', joinAt: new Date('2030-05-01T12:30').toISOString() })
    fireEvent.click(screen.getByRole('button', { name: 'Call the bot back' }))
    await vi.waitFor(() => expect(screen.getByTestId('bot-state').textContent).toContain('Finished'))
  })

  it('joins now unless a time is chosen', () => {
    expect(joinInstant('now', '2030-05-01T12:30')).toBeUndefined()
    expect(joinInstant('later', '')).toBeUndefined()
    expect(joinInstant('later', '2030-05-01T12:30')).toBe(new Date('2030-05-01T12:30').toISOString())
  })
})

describe('RecordCall', () => {
  it('creates the meeting, and deletes it again when the bot link is refused', async () => {
    const backend = fakeBackend({
      'POST /api/v1/meetings': { status: 201, body: { ...failed, state: 'CREATED', failureReason: null } },
      [`POST /api/v1/meetings/${MEETING}/bot`]: { status: 400, body: 'The meeting URL must use https' },
      [`DELETE /api/v1/meetings/${MEETING}`]: { status: 204, body: null },
    })
    vi.stubGlobal('fetch', backend.fetch)
    inLanguage('ru', <RecordCall />)

    fireEvent.change(screen.getByLabelText('Название встречи'), { target: { value: 'Планёрка' } })
    fireEvent.change(screen.getByLabelText('Ссылка на встречу'), { target: { value: 'http://meet.jit.si/room' } })
    fireEvent.click(screen.getByRole('button', { name: 'Пригласить бота' }))

    expect((await screen.findByRole('alert')).textContent).toBe('The meeting URL must use https')
    expect(backend.calls.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /api/v1/meetings', `POST /api/v1/meetings/${MEETING}/bot`, `DELETE /api/v1/meetings/${MEETING}`])
    expect(backend.calls[0].body).toEqual({ title: 'Планёрка', language: 'auto' })
  })
})

describe('Webhooks', () => {
  it('shows a new endpoint secret once and lists deliveries with their last error', async () => {
    const endpoint = { id: 'w1', url: 'https://hooks.example.com/a', createdAt: '2026-01-02T10:00:00Z', lastDelivery: { id: 'd', type: 'meeting.failed', state: 'FAILED', attempts: 8, lastStatus: 500, lastError: 'HTTP 500', nextAttemptAt: '2026-01-02T10:00:00Z', updatedAt: '2026-01-02T10:00:00Z' } }
    const routes: Record<string, unknown> = {
      'GET /api/v1/webhooks': [],
      'POST /api/v1/webhooks': { status: 201, body: { id: 'w1', url: endpoint.url, secret: 'whsec_abc', createdAt: endpoint.createdAt } },
    }
    const backend = fakeBackend(routes)
    vi.stubGlobal('fetch', backend.fetch)
    inLanguage('en', <Webhooks />)
    expect(await screen.findByText('No endpoints yet.')).toBeTruthy()

    routes['GET /api/v1/webhooks'] = [endpoint]
    fireEvent.change(screen.getByLabelText('Endpoint URL'), { target: { value: endpoint.url } })
    fireEvent.click(screen.getByRole('button', { name: 'Add' }))

    expect((await screen.findByTestId('new-secret')).textContent).toBe('whsec_abc')
    expect(await screen.findByText('(HTTP 500)')).toBeTruthy()
    expect(screen.getByTestId('webhooks').textContent).toContain('meeting.failed, given up, attempts: 8')
  })

  it('shows a refused URL in Russian', async () => {
    vi.stubGlobal('fetch', fakeBackend({
      'GET /api/v1/webhooks': [],
      'POST /api/v1/webhooks': { status: 400, body: 'The host 10.0.0.5 resolves to a private or local address' },
    }).fetch)
    inLanguage('ru', <Webhooks />)
    fireEvent.change(await screen.findByLabelText('URL получателя'), { target: { value: 'http://10.0.0.5/hook' } })
    fireEvent.click(screen.getByRole('button', { name: 'Добавить' }))
    expect((await screen.findByRole('alert')).textContent).toBe('The host 10.0.0.5 resolves to a private or local address')
  })
})
