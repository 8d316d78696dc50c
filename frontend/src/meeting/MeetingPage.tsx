import { useCallback, useEffect, useRef, useState } from 'react'
import { api, type Meeting, minutesBody, type Minutes, reassignBody, type Transcript } from '../api'
import { clock } from '../format'
import { format, useI18n } from '../i18n'
import { Link } from '../router'
import { AskPanel } from './AskPanel'
import { BotPanel } from './BotPanel'
import { MinutesView } from './MinutesView'
import { usePlayerShortcuts } from './Player'
import { SpeakersPanel } from './SpeakersPanel'
import { wordAt } from './transcript'
import { TranscriptView } from './TranscriptView'
import { WordReview } from './WordReview'

const FINAL = ['PROCESSED', 'FAILED']
const STEPS = ['TRANSCRIBE', 'DIARIZE', 'WRITE_MINUTES']
const EXPORTS = ['txt', 'srt', 'vtt', 'json', 'md', 'docx']

export function MeetingPage({ id }: { id: string }) {
  const { t } = useI18n()
  const [meeting, setMeeting] = useState<Meeting | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [transcript, setTranscript] = useState<Transcript | null>(null)
  const [minutes, setMinutes] = useState<Minutes | null>(null)
  const [time, setTime] = useState(0)
  const [review, setReview] = useState<number | null>(null)
  const player = useRef<HTMLAudioElement>(null)
  // a search hit or a citation opens the page at ?t=<seconds>
  const startAt = useRef(startTime(location.search))
  usePlayerShortcuts(player)

  // live progress; the server ends the stream once the meeting is processed or failed, and a
  // retry or a bot invitation follows the meeting again
  const stream = useRef<EventSource | null>(null)
  const followLive = useCallback(() => {
    stream.current?.close()
    const source = new EventSource(`/api/v1/meetings/${id}/events`)
    stream.current = source
    source.addEventListener('meeting', (event) => {
      const next = JSON.parse((event as MessageEvent<string>).data) as Meeting
      setMeeting(next)
      if (FINAL.includes(next.state)) source.close()
    })
  }, [id])

  useEffect(() => {
    api<Meeting>('GET', `/api/v1/meetings/${id}`)
      .then((m) => {
        setMeeting(m)
        if (!FINAL.includes(m.state)) followLive()
      })
      .catch((e: Error) => setError(e.message))
    return () => stream.current?.close()
  }, [id, followLive])

  const [flagged, setFlagged] = useState<ReadonlySet<number>>(new Set())
  const loadTranscript = useCallback(() => {
    api<Transcript>('GET', `/api/v1/meetings/${id}/transcript`).then(setTranscript)
    // words the dictionary or the organisation's glossary doubts, besides low recogniser confidence
    api<{ flags: { index: number }[] }>('GET', `/api/v1/meetings/${id}/review`)
      .then((r) => setFlagged(new Set(r.flags.map((f) => f.index))))
      .catch(() => setFlagged(new Set()))
  }, [id])
  const processed = meeting?.state === 'PROCESSED'
  useEffect(() => {
    if (!processed) return
    loadTranscript()
    api<Minutes>('GET', `/api/v1/meetings/${id}/minutes`).then(setMinutes).catch(() => setMinutes(null))
  }, [processed, id, loadTranscript])

  // the highlighted word follows the audio frame by frame while it plays
  const frame = useRef(0)
  const follow = useCallback(() => {
    const step = () => {
      const media = player.current
      if (!media) return
      setTime(media.currentTime)
      if (!media.paused) frame.current = requestAnimationFrame(step)
    }
    cancelAnimationFrame(frame.current)
    step()
  }, [])
  useEffect(() => () => cancelAnimationFrame(frame.current), [])

  const seek = useCallback((seconds: number) => {
    const media = player.current
    if (!media) return
    media.currentTime = seconds
    setTime(seconds)
  }, [])

  if (error) return <p role="alert" className="error">{error}</p>
  if (!meeting) return <p>{t.loading}</p>
  const active = transcript ? wordAt(transcript.words, time) : -1
  const duration = transcript?.durationSeconds || meeting.durationSeconds || 0

  return (
    <article className="meeting">
      <Link href="/meetings" className="back">← {t.back}</Link>
      <h1>{meeting.title}</h1>
      <p className="meta">
        <span className={`state state-${meeting.state.toLowerCase()}`} data-testid="meeting-state">{t.states[meeting.state] ?? meeting.state}</span>
        {meeting.durationSeconds != null && <> · {clock(meeting.durationSeconds)}</>}
        {meeting.speakerCount != null && <> · {t.speakers}: {meeting.speakerCount}</>}
      </p>
      {!processed && <Status meeting={meeting} onRetried={(m) => { setMeeting(m); followLive() }} />}
      {(meeting.state === 'CREATED' || meeting.state === 'UPLOADING') && (
        <BotPanel meetingId={id} canInvite={meeting.state === 'CREATED'} onChanged={followLive} />
      )}
      {processed && (
        <>
          <div className="player-bar">
            <audio ref={player} controls preload="metadata" src={`/api/v1/meetings/${id}/recording`} aria-label={t.player} data-testid="player"
              onLoadedMetadata={(event) => {
                if (startAt.current === null) return
                seek(Math.min(startAt.current, event.currentTarget.duration || startAt.current))
                startAt.current = null
              }}
              onPlay={follow}
              onSeeked={follow}
              onTimeUpdate={follow}
            />
            {minutes && minutes.topics.length > 0 && duration > 0 && (
              <div className="topics" aria-label={t.topics}>
                {minutes.topics.map((topic, i) => (
                  <button
                    key={i}
                    type="button"
                    className="topic"
                    style={{ left: `${(topic.start / duration) * 100}%`, width: `${Math.max(((topic.end - topic.start) / duration) * 100, 2)}%` }}
                    title={topic.title}
                    onClick={() => seek(topic.start)}
                  >
                    <span>{topic.title}</span>
                  </button>
                ))}
              </div>
            )}
            <p className="hint">{t.shortcuts}</p>
          </div>
          <AskPanel meetingId={id} onSeek={seek} />
          <div className="columns">
            <section className="transcript-column" aria-labelledby="transcript-heading">
              <div className="section-head">
                <h2 id="transcript-heading">{t.transcript}</h2>
                <Exports id={id} />
              </div>
              {transcript && (
                <>
                  {review !== null && (
                    <WordReview
                      key={review}
                      meetingId={id}
                      index={review}
                      onClose={() => setReview(null)}
                      onDone={() => {
                        setReview(null)
                        loadTranscript()
                      }}
                    />
                  )}
                  <SpeakersPanel meetingId={id} speakers={transcript.speakers} words={transcript.words} onChanged={loadTranscript} />
                  <TranscriptView
                    words={transcript.words}
                    speakers={transcript.speakers}
                    active={active}
                    onSeek={seek}
                    flagged={flagged}
                    onReview={setReview}
                    onReassign={(turn, to) => {
                      void api('POST', `/api/v1/meetings/${id}/speakers/reassign`, reassignBody(turn, to)).then(loadTranscript, (e: Error) => setError(e.message))
                    }}
                  />
                </>
              )}
            </section>
            {minutes && transcript && (
              <MinutesView
                minutes={minutes}
                speakers={transcript.speakers}
                onSeek={seek}
                onSave={async (m) => setMinutes(await api<Minutes>('PUT', `/api/v1/meetings/${id}/minutes`, minutesBody(m)))}
              />
            )}
          </div>
        </>
      )}
    </article>
  )
}

/** The seconds of a {@code ?t=} parameter, or null. */
export function startTime(search: string): number | null {
  const value = Number(new URLSearchParams(search).get('t') ?? NaN)
  return Number.isFinite(value) && value >= 0 ? value : null
}

/** The step a failure reason names ("TRANSCRIBE: ..."), or null. */
export function failedStep(reason: string | null): string | null {
  const match = /^([A-Z_]+):/.exec(reason ?? '')
  return match && STEPS.includes(match[1]) ? match[1] : null
}

export function Status({ meeting, onRetried }: { meeting: Meeting; onRetried: (meeting: Meeting) => void }) {
  const { t } = useI18n()
  const [retrying, setRetrying] = useState(false)
  const [error, setError] = useState<string | null>(null)
  if (meeting.state === 'FAILED') {
    const step = failedStep(meeting.failureReason)
    return (
      <div className="notice error" role="alert" data-testid="failure">
        <p><strong>{step ? t.failedSteps[step] : t.failedGeneric}</strong> {t.failedHint}</p>
        {meeting.failureReason && (
          <details>
            <summary>{t.failureDetails}</summary>
            <p>{format(t.failed, { reason: meeting.failureReason })}</p>
          </details>
        )}
        <button
          type="button"
          disabled={retrying}
          onClick={async () => {
            setRetrying(true)
            setError(null)
            try {
              onRetried(await api<Meeting>('POST', `/api/v1/meetings/${meeting.id}/retry`))
            } catch (e) {
              setError(e instanceof Error ? e.message : String(e))
            } finally {
              setRetrying(false)
            }
          }}
        >
          {retrying ? t.retrying : t.retry}
        </button>
        {error && <p className="error">{error}</p>}
      </div>
    )
  }
  const byStep = new Map(meeting.progress.map((p) => [p.step, p]))
  const steps = [...STEPS, ...meeting.progress.map((p) => p.step).filter((s) => !STEPS.includes(s))]
  return (
    <ol className="steps" aria-live="polite" data-testid="steps">
      {steps.map((step) => {
        const progress = byStep.get(step)
        const percent = Math.round((progress?.fraction ?? 0) * 100)
        return (
          <li key={step}>
            <span className="step-name">{t.steps[step] ?? step}</span>
            <progress className="bar small" max={100} value={percent} aria-label={t.steps[step] ?? step} />
            <span className="percent">{percent}%</span>
            {progress?.stalledMinutes ? (
              <span className="stalled" data-testid={`stalled-${step}`}>
                {format(progress.waiting ? t.stalledWaiting : t.stalled, { minutes: progress.stalledMinutes })}
              </span>
            ) : null}
          </li>
        )
      })}
    </ol>
  )
}

function Exports({ id }: { id: string }) {
  const { t } = useI18n()
  return (
    <div className="exports">
      <span>{t.export}:</span>
      {EXPORTS.map((f) => (
        <a key={f} href={`/api/v1/meetings/${id}/export?format=${f}`} download data-testid={`export-${f}`}>{f.toUpperCase()}</a>
      ))}
    </div>
  )
}

