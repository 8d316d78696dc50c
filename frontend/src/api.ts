/** Calls the backend from the same origin with the session cookie and the CSRF token. */

export class ApiError extends Error {
  readonly status: number
  constructor(status: number, message: string) {
    super(message)
    this.status = status
  }
}

function csrfToken(): string | null {
  const match = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='))
  return match ? decodeURIComponent(match.substring('XSRF-TOKEN='.length)) : null
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' }
  const token = csrfToken()
  if (token !== null && method !== 'GET') headers['X-XSRF-TOKEN'] = token
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!response.ok) {
    const problem: unknown = await response.json().catch(() => null)
    const detail =
      problem !== null && typeof problem === 'object' && 'detail' in problem && typeof problem.detail === 'string'
        ? problem.detail
        : `HTTP ${response.status}`
    throw new ApiError(response.status, detail)
  }
  if (response.status === 204) return undefined as T
  const type = response.headers.get('Content-Type') ?? ''
  return (type.includes('json') ? await response.json() : await response.text()) as T
}

export type Role = 'ADMIN' | 'MEMBER' | string
export type Me = { userId: string; email: string; organisationId: string; role: Role; platformAdmin: boolean }
export type OrganisationChoice = { id: string; name: string; role: Role }
export type Session = { authenticated: boolean; user: Me | null; organisations: OrganisationChoice[] }

export type Progress = {
  step: string
  fraction: number
  message: string | null
  updatedAt: string
  /** the step waits in its worker's queue: no worker has taken it yet */
  waiting?: boolean
  /** whole minutes without progress while the meeting is processed; absent while it moves */
  stalledMinutes?: number | null
}
/** confidence: how sure the voiceprint match that named the speaker is (0..1); null or absent when nobody was matched */
export type Speaker = { label: string; name: string | null; confidence?: number | null }
export type Meeting = {
  id: string
  title: string
  language: string
  state: 'CREATED' | 'UPLOADING' | 'UPLOADED' | 'PROCESSING' | 'PROCESSED' | 'FAILED'
  failureReason: string | null
  recording: { filename: string; contentType: string; sizeBytes: number } | null
  durationSeconds: number | null
  speakerCount: number | null
  transcriptLanguage: string | null
  progress: Progress[]
  speakers: Speaker[]
  createdAt: string
  /** null unless FAILED; false when trying again cannot help (a configuration error) */
  retryable?: boolean | null
  /** processed, but nobody was heard */
  noSpeech?: boolean
}
export type MeetingPage = { items: Meeting[]; page: number; size: number; totalItems: number; totalPages: number }
/** display: the readable form (capitals, punctuation, digits); absent or null means the same as text */
export type Word = { start: number; end: number; text: string; confidence: number; speaker: string; display?: string | null }

/** What a person reads for a word. */
export function readable(word: Word): string {
  return word.display ?? word.text
}
export type TurnSpan = { speaker: string; start: number; end: number }
export type Transcript = { language: string; durationSeconds: number; speakers: Speaker[]; words: Word[]; turns?: TurnSpan[] }
export type ActionItem = { text: string; owner?: string | null; due?: string | null; speaker?: string | null; start?: number; done?: boolean }
export type Minutes = {
  language: string
  engine: string
  summary: string
  topics: { title: string; start: number; end: number; summary?: string | null }[]
  decisions: { text: string; speaker?: string | null; start?: number }[]
  actionItems: ActionItem[]
  warnings: string[]
  /** false: the minutes found no decision (absent in minutes written before the flag) */
  decisionsFound?: boolean
  /** false: the minutes found no action item */
  actionItemsFound?: boolean
}

/** A passage of a meeting that matches a search or backs an answer; times in seconds. */
export type Passage = {
  meetingId: string
  meetingTitle: string | null
  start: number
  end: number
  speakers: string[]
  /** current speaker names, after renames */
  speakerNames?: string[]
  topic: string | null
  text: string
  /** character ranges of text that matched the query */
  highlights?: { from: number; to: number }[]
  score: number
}
export type SearchResults = { query: string; results: Passage[] }
/** found: false when nothing in the meeting answers the question */
export type Answer = { question: string; answer: string; method: string; citations: Passage[]; found?: boolean }
export type LanguageChoice = { code: string; available: boolean; fix: string | null }
export type Languages = { languages: LanguageChoice[] }
export type ShareLink = { id: string; createdAt: string; expiresAt: string; revokedAt: string | null; active: boolean }
export type NewShare = { id: string; token: string; path: string; createdAt: string; expiresAt: string }
export type SharedMeeting = {
  title: string
  language: string | null
  durationSeconds: number | null
  createdAt: string
  expiresAt: string
  transcript: Transcript
  minutes: Minutes | null
}

export type Bot = {
  id: string
  meetingId: string
  url: string
  platform: string
  state: 'SCHEDULED' | 'PROVISIONING' | 'JOINING' | 'RECORDING' | 'LEAVING' | 'DONE' | 'FAILED'
  detail: string | null
  joinAt: string
  maxDurationSeconds: number
  serverSeconds: number
  chunks: number
  createdAt: string
  finishedAt: string | null
}

export type WebhookDelivery = { id: string; type: string; state: 'PENDING' | 'DELIVERED' | 'FAILED'; attempts: number; lastStatus: number | null; lastError: string | null; nextAttemptAt: string; updatedAt: string }
export type WebhookEndpoint = { id: string; url: string; createdAt: string; lastDelivery: WebhookDelivery | null }
export type CreatedWebhook = { id: string; url: string; secret: string; createdAt: string }

/*
 * Request bodies carry exactly the fields the API takes: it refuses unknown fields (400), so an
 * object that grew a field in the app (a view model, a spread) must not be sent as it is.
 */

export function reassignBody(turn: { start: number; end: number; from: string }, to: string | null) {
  return { start: turn.start, end: turn.end, from: turn.from, to }
}

/** The minutes as the schema has them; anything else the object carries stays in the app. */
export function minutesBody(m: Minutes): Minutes {
  const only = <T extends object, K extends keyof T>(value: T, keys: readonly K[]) =>
    Object.fromEntries(keys.filter((k) => value[k] !== undefined).map((k) => [k, value[k]])) as Pick<T, K>
  return {
    language: m.language,
    engine: m.engine,
    summary: m.summary,
    topics: m.topics.map((topic) => only(topic, ['title', 'start', 'end', 'summary'])),
    decisions: m.decisions.map((decision) => only(decision, ['text', 'speaker', 'start'])),
    actionItems: m.actionItems.map((item) => only(item, ['text', 'owner', 'due', 'done', 'speaker', 'start'])),
    warnings: m.warnings,
  }
}
