import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { ArrowLeft, Crosshair, Download, FileText, Keyboard, ListChecks, LocateFixed, MessageCircleQuestion, Share2 } from 'lucide-react'
import { api, type Meeting, minutesBody, type Minutes, reassignBody, type Speaker, type Transcript } from '../api'
import { clock } from '../format'
import { format, useI18n } from '../i18n'
import { Link, setLeaveGuard } from '../router'
import { MenuButton } from '../ui/MenuButton'
import { useFollowPlayback, useMedia } from './follow'
import { PlayerBar } from './PlayerBar'
import { ShareDialog } from './ShareDialog'
import { ShortcutsDialog } from './ShortcutsDialog'
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
const EXPORTS: [string, string][] = [
  ['pdf', 'PDF'],
  ['docx', 'Word (DOCX)'],
  ['md', 'Markdown'],
  ['txt', 'Text (TXT)'],
  ['srt', 'Subtitles (SRT)'],
  ['vtt', 'Subtitles (WebVTT)'],
  ['json', 'JSON'],
]

export function MeetingPage({ id }: { id: string }) {
  const { t } = useI18n()
  const [meeting, setMeeting] = useState<Meeting | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [transcript, setTranscript] = useState<Transcript | null>(null)
  const [minutes, setMinutes] = useState<Minutes | null>(null)
  const [time, setTime] = useState(0)
  const [review, setReview] = useState<number | null>(null)
  const [tab, setTab] = useState<Tab>('transcript')
  const [dialog, setDialog] = useState<'share' | 'keys' | null>(null)
  const narrow = useMedia('(max-width: 1000px)')
  const player = useRef<HTMLAudioElement>(null)
  // a search hit or a citation opens the page at ?t=<seconds>
  const startAt = useRef(startTime(location.search))
  usePlayerShortcuts(player)

  // "?" opens the list of shortcuts
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null
      if (event.key !== '?' || target?.closest('input, textarea, select, [contenteditable=true]')) return
      event.preventDefault()
      setDialog('keys')
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  // unsaved minutes: the browser asks before a reload or closing the tab, the app before a link
  const dirty = useRef(false)
  const onDirty = useCallback((value: boolean) => { dirty.current = value }, [])
  useEffect(() => {
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!dirty.current) return
      event.preventDefault()
      event.returnValue = ''
    }
    window.addEventListener('beforeunload', beforeUnload)
    setLeaveGuard(() => (dirty.current ? t.unsaved : null))
    return () => {
      window.removeEventListener('beforeunload', beforeUnload)
      setLeaveGuard(null)
    }
  }, [t])

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
  const tick = useCallback(() => {
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

  const active = transcript ? wordAt(transcript.words, time) : -1
  const [following, setFollowing] = useFollowPlayback(active, '.transcript-column')
  const speakers = useMemo(() => withConfidence(transcript?.speakers ?? [], meeting?.speakers ?? []), [transcript, meeting])

  if (error) return <p role="alert" className="error">{error}</p>
  if (!meeting) return <p>{t.loading}</p>
  const duration = transcript?.durationSeconds || meeting.durationSeconds || 0
  const noSpeech = processed && (meeting.noSpeech === true || (transcript !== null && transcript.words.length === 0))
  const tabs: Tab[] = narrow ? ['transcript', 'minutes', 'ask'] : ['minutes', 'ask']
  const shown: Tab = !narrow && tab === 'transcript' ? 'minutes' : tab
  const tabLabel = (which: Tab) => (which === 'transcript' ? t.transcript : which === 'minutes' ? t.minutes : t.askTab)

  return (
    <article className="meeting">
      <div className="meeting-head">
        <Link href="/meetings" className="back icon-button" aria-label={t.back} title={t.back}><ArrowLeft size={18} aria-hidden="true" /></Link>
        <div className="meeting-title">
          <h1>{meeting.title}</h1>
          <p className="meta">
            <span className={`state state-${noSpeech ? 'nospeech' : meeting.state.toLowerCase()}`} data-testid="meeting-state">{noSpeech ? t.noSpeech : (t.states[meeting.state] ?? meeting.state)}</span>
            {meeting.durationSeconds != null && <span>{clock(meeting.durationSeconds)}</span>}
            {meeting.speakerCount != null && !noSpeech && <span>{t.speakers}: {meeting.speakerCount}</span>}
          </p>
        </div>
        {processed && (
          <div className="meeting-actions">
            <button type="button" className="secondary" aria-label={t.share} data-testid="share" onClick={() => setDialog('share')}><Share2 size={16} aria-hidden="true" /> <span className="label">{t.share}</span></button>
            <Exports id={id} />
            <button type="button" className="icon-button keys-button" aria-label={t.showKeys} title={t.showKeys} onClick={() => setDialog('keys')}><Keyboard size={18} aria-hidden="true" /></button>
          </div>
        )}
      </div>
      {!processed && <Status meeting={meeting} onRetried={(m) => { setMeeting(m); followLive() }} />}
      {(meeting.state === 'CREATED' || meeting.state === 'UPLOADING') && (
        <BotPanel meetingId={id} canInvite={meeting.state === 'CREATED'} onChanged={followLive} />
      )}
      {noSpeech && (
        <div className="notice empty-state" data-testid="no-speech">
          <p><strong>{t.noSpeech}.</strong> {t.noSpeechHint}</p>
          <Link href="/upload" className="button">{t.upload}</Link>
        </div>
      )}
      {processed && !noSpeech && (
        <>
          <PlayerBar
            src={`/api/v1/meetings/${id}/recording`}
            player={player}
            time={time}
            duration={duration}
            speakers={speakers}
            words={transcript?.words ?? []}
            turns={transcript?.turns}
            topics={minutes?.topics}
            onSeek={seek}
            onTime={tick}
            onLoaded={(media) => {
              if (startAt.current === null) return
              seek(Math.min(startAt.current, media.duration || startAt.current))
              startAt.current = null
            }}
          >
            <button type="button" className={`icon-button follow${following ? ' on' : ''}`} aria-pressed={following} aria-label={t.follow} title={t.follow} data-testid="follow" onClick={() => setFollowing(!following)}>
              <Crosshair size={18} aria-hidden="true" />
            </button>
          </PlayerBar>
          {!following && active >= 0 && (
            <button type="button" className="back-to-now" data-testid="back-to-now" onClick={() => setFollowing(true)}>
              <LocateFixed size={16} aria-hidden="true" /> {t.backToNow}
            </button>
          )}
          <p className="hint keyboard-only">{t.shortcuts} · <kbd>?</kbd></p>
          <div className="columns">
            <div className="tabs" role="tablist" aria-label={meeting.title}>
              {tabs.map((which) => (
                <button key={which} type="button" role="tab" id={`tab-${which}`} aria-controls={`panel-${which}`} aria-selected={shown === which} tabIndex={shown === which ? 0 : -1} data-testid={`tab-${which}`}
                  onClick={() => setTab(which)}
                  onKeyDown={(e) => {
                    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return
                    e.preventDefault()
                    e.stopPropagation()
                    const next = tabs[(tabs.indexOf(which) + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]
                    setTab(next)
                    document.getElementById(`tab-${next}`)?.focus()
                  }}
                >
                  {which === 'transcript' ? <FileText size={16} aria-hidden="true" /> : which === 'minutes' ? <ListChecks size={16} aria-hidden="true" /> : <MessageCircleQuestion size={16} aria-hidden="true" />} {tabLabel(which)}
                </button>
              ))}
            </div>
            <section className="transcript-column" id="panel-transcript" aria-labelledby={narrow ? 'tab-transcript' : 'transcript-heading'} role={narrow ? 'tabpanel' : undefined} hidden={narrow && shown !== 'transcript'}>
              <h2 id="transcript-heading" className={narrow ? 'visually-hidden' : undefined}>{t.transcript}</h2>
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
                  <SpeakersPanel meetingId={id} speakers={speakers} words={transcript.words} onChanged={loadTranscript} />
                  <TranscriptView
                    words={transcript.words}
                    speakers={speakers}
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
            <div className="side">
              <div id="panel-minutes" role="tabpanel" aria-labelledby="tab-minutes" hidden={shown !== 'minutes'}>
                {minutes && transcript ? (
                  <MinutesView
                    minutes={minutes}
                    speakers={speakers}
                    onSeek={seek}
                    onDirty={onDirty}
                    onSave={async (m) => setMinutes(await api<Minutes>('PUT', `/api/v1/meetings/${id}/minutes`, minutesBody(m)))}
                  />
                ) : <p className="muted">{t.loading}</p>}
              </div>
              <div id="panel-ask" role="tabpanel" aria-labelledby="tab-ask" hidden={shown !== 'ask'}>
                <AskPanel meetingId={id} onSeek={seek} />
              </div>
            </div>
          </div>
        </>
      )}
      {dialog === 'share' && <ShareDialog meetingId={id} onClose={() => setDialog(null)} />}
      {dialog === 'keys' && <ShortcutsDialog onClose={() => setDialog(null)} />}
    </article>
  )
}

type Tab = 'transcript' | 'minutes' | 'ask'

/** The transcript's speakers with the voiceprint confidence the meeting view carries for them. */
export function withConfidence(speakers: Speaker[], fromMeeting: Speaker[]): Speaker[] {
  return speakers.map((s) => {
    const other = fromMeeting.find((m) => m.label === s.label)
    return s.confidence == null && other?.confidence != null ? { ...s, confidence: other.confidence } : s
  })
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
        {meeting.retryable === false ? <p data-testid="not-retryable">{t.retryCannotHelp}</p> : <button
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
        </button>}
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

/** One Export button with every format. */
function Exports({ id }: { id: string }) {
  const { t } = useI18n()
  return (
    <MenuButton
      label={t.export}
      className="exports"
      testId="export"
      items={EXPORTS.map(([f, name]) => ({ label: name, href: `/api/v1/meetings/${id}/export?format=${f}`, download: true, testId: `export-${f}` }))}
    >
      <Download size={16} aria-hidden="true" /> <span className="label">{t.export}</span>
    </MenuButton>
  )
}

