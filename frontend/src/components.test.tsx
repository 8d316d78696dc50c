import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Minutes, Word } from './api'
import { App } from './App'
import { I18nProvider } from './i18n'
import { MinutesView } from './meeting/MinutesView'
import { TranscriptView } from './meeting/TranscriptView'
import { WordReview } from './meeting/WordReview'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  localStorage.clear()
})

const words: Word[] = [
  { start: 0, end: 0.4, text: 'hello', confidence: 0.95, speaker: 'S0' },
  { start: 0.5, end: 0.9, text: 'there', confidence: 0.4, speaker: 'S0' },
  { start: 1.2, end: 1.6, text: 'hi', confidence: 0.9, speaker: 'S1' },
]

describe('TranscriptView', () => {
  it('highlights the current word, marks doubtful ones and seeks on click', () => {
    const seek = vi.fn()
    render(<TranscriptView words={words} speakers={[{ label: 'S1', name: 'Anna' }]} active={1} onSeek={seek} />)

    expect(screen.getByText('there').className).toContain('current')
    expect(screen.getByText('there').className).toContain('doubtful')
    expect(screen.getByText('hello').className).not.toContain('current')
    expect(screen.getByText('Anna')).toBeTruthy()
    expect(screen.getByText('S0')).toBeTruthy()
    fireEvent.click(screen.getByText('hi'))
    expect(seek).toHaveBeenCalledWith(1.2)
  })

  it('marks words the review flagged even when the recogniser was sure, and opens their review', () => {
    const review = vi.fn()
    render(<TranscriptView words={words} speakers={[]} active={-1} onSeek={() => {}} onReview={review} flagged={new Set([0])} />)

    expect(screen.getByText('hello').className).toContain('doubtful')
    expect(screen.getByText('hi').className).not.toContain('doubtful')
    fireEvent.click(screen.getByText('hello'))
    expect(review).toHaveBeenCalledWith(0)
  })
})

const minutes: Minutes = {
  language: 'en',
  engine: 'test',
  summary: 'We met.',
  topics: [],
  decisions: [{ text: 'Ship on Monday', speaker: 'S0', start: 3 }],
  actionItems: [{ text: 'Write the notes', owner: 'Anna', due: null }],
  warnings: [],
}

describe('MinutesView', () => {
  it('edits action items, undoes the edit and saves the result', async () => {
    const save = vi.fn(async () => {})
    render(
      <I18nProvider initial="en">
        <MinutesView minutes={minutes} speakers={[]} onSave={save} onSeek={() => {}} />
      </I18nProvider>,
    )
    const done = screen.getByRole('checkbox', { name: 'Done' }) as HTMLInputElement
    fireEvent.click(done)
    expect(done.checked).toBe(true)
    fireEvent.change(screen.getByDisplayValue('Anna'), { target: { value: 'Boris' } })
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }))
    expect(screen.getByDisplayValue('Anna')).toBeTruthy()
    expect(done.checked).toBe(true)

    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    await screen.findByRole('button', { name: 'Saved' })
    expect(save).toHaveBeenCalledWith(expect.objectContaining({ actionItems: [{ text: 'Write the notes', owner: 'Anna', due: null, done: true }] }))
  })

  it('says so when no decision and no action item was found, in English and Russian', () => {
    const none = { ...minutes, decisions: [], actionItems: [], decisionsFound: false, actionItemsFound: false }
    const en = render(
      <I18nProvider initial="en">
        <MinutesView minutes={none} speakers={[]} onSave={async () => {}} onSeek={() => {}} />
      </I18nProvider>,
    )
    expect(screen.getByTestId('no-decisions').textContent).toBe('No decisions recorded')
    expect(screen.getByTestId('no-action-items').textContent).toBe('No action items recorded')
    en.unmount()

    render(
      <I18nProvider initial="ru">
        <MinutesView minutes={none} speakers={[]} onSave={async () => {}} onSeek={() => {}} />
      </I18nProvider>,
    )
    expect(screen.getByTestId('no-decisions').textContent).toBe('Решения не найдены')
    expect(screen.getByTestId('no-action-items').textContent).toBe('Задачи не найдены')
  })

  it('lists what was found without the none-found lines', () => {
    render(
      <I18nProvider initial="en">
        <MinutesView minutes={minutes} speakers={[]} onSave={async () => {}} onSeek={() => {}} />
      </I18nProvider>,
    )
    expect(screen.queryByTestId('no-decisions')).toBeNull()
    expect(screen.queryByTestId('no-action-items')).toBeNull()
    expect(screen.getByText('Ship on Monday', { exact: false })).toBeTruthy()
  })
})

function backend(routes: Record<string, unknown>): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const key = `${init?.method ?? 'GET'} ${String(input)}`
    const body = routes[key]
    if (body === undefined) return new Response('{"detail":"Wrong e-mail or password"}', { status: 401, headers: { 'Content-Type': 'application/problem+json' } })
    return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
  }) as typeof fetch
}

describe('App', () => {
  it('asks to sign in, in Russian when the browser prefers it, and says when the password is wrong', async () => {
    vi.stubGlobal('fetch', backend({ 'GET /api/v1/session': { authenticated: false, user: null, organisations: [] } }))
    render(<App initialLang="ru" />)

    fireEvent.change(await screen.findByLabelText('Электронная почта'), { target: { value: 'a@b.c' } })
    fireEvent.change(screen.getByLabelText('Пароль'), { target: { value: 'nope' } })
    fireEvent.click(screen.getByRole('button', { name: 'Войти' }))

    expect((await screen.findByRole('alert')).textContent).toBe('Неверная почта или пароль')
  })

  it('lists meetings once signed in', async () => {
    vi.stubGlobal('fetch', backend({
      'GET /api/v1/session': { authenticated: true, user: { userId: 'u', email: 'a@b.c', organisationId: 'o', role: 'ADMIN', platformAdmin: false }, organisations: [{ id: 'o', name: 'Org', role: 'ADMIN' }] },
      'GET /api/v1/meetings?page=0&size=20': {
        items: [{ id: '0b6f2a52-44e4-4c4e-9a55-0c5c8f4f3a11', title: 'Weekly sync', language: 'EN', state: 'PROCESSED', durationSeconds: 75, speakerCount: 2, transcriptLanguage: 'en', createdAt: '2026-01-02T10:00:00Z', progress: [], speakers: [] }],
        page: 0, size: 20, totalItems: 1, totalPages: 1,
      },
    }))
    render(<App initialLang="en" />)

    expect((await screen.findByRole('link', { name: 'Weekly sync' }, { timeout: 5000 })).getAttribute('href')).toBe('/meetings/0b6f2a52-44e4-4c4e-9a55-0c5c8f4f3a11')
    expect(screen.getByText('1:15')).toBeTruthy()
    expect(screen.getByText('Ready', { selector: '.state' })).toBeTruthy()
  })
})

describe('WordReview', () => {
  it('offers suggestions for a doubtful word and saves the one chosen', async () => {
    const calls: string[] = []
    vi.stubGlobal('fetch', (async (input: RequestInfo | URL, init?: RequestInit) => {
      calls.push(`${init?.method ?? 'GET'} ${String(input)} ${init?.body ?? ''}`.trim())
      const body = init?.method === 'PUT' ? { index: 4, text: 'country', confidence: 1, version: 1 } : { index: 4, text: 'cuntry', confidence: 0.3, suggestions: ['country', 'county'] }
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
    }) as typeof fetch)
    const done = vi.fn()
    render(
      <I18nProvider initial="en">
        <WordReview meetingId="m" index={4} onDone={done} onClose={() => {}} />
      </I18nProvider>,
    )

    expect(await screen.findByText('“cuntry”: heard with 30% confidence')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'country' }))
    await vi.waitFor(() => expect(done).toHaveBeenCalled())
    expect(calls).toEqual(['GET /api/v1/meetings/m/words/4/suggestions', 'PUT /api/v1/meetings/m/words/4 {"text":"country"}'])
  })
})
