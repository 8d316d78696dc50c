import { useCallback, useEffect, useRef, useState } from 'react'
import { Crosshair } from 'lucide-react'
import { ApiError, api, type SharedMeeting as Shared } from '../api'
import { clock } from '../format'
import { format, useI18n } from '../i18n'
import { useFollowPlayback } from '../meeting/follow'
import { usePlayerShortcuts } from '../meeting/Player'
import { PlayerBar } from '../meeting/PlayerBar'
import { wordAt } from '../meeting/transcript'
import { speakerName, TranscriptView } from '../meeting/TranscriptView'
import { Logo } from '../ui/Logo'

/**
 * A meeting opened by a share link, without an account: the player with its timeline, the
 * transcript and the minutes, read-only.
 */
export function SharedMeeting({ token }: { token: string }) {
  const { t, lang } = useI18n()
  const [meeting, setMeeting] = useState<Shared | null>(null)
  const [gone, setGone] = useState<string | null>(null)
  const [time, setTime] = useState(0)
  const player = useRef<HTMLAudioElement>(null)
  usePlayerShortcuts(player)
  const base = `/api/v1/shared/${encodeURIComponent(token)}`

  useEffect(() => {
    api<Shared>('GET', base)
      .then(setMeeting)
      .catch((e: Error) => setGone(e instanceof ApiError && e.status === 404 ? t.shareGone : e.message))
  }, [base, t])

  const tick = useCallback(() => {
    const media = player.current
    if (media) setTime(media.currentTime)
  }, [])
  const seek = useCallback((seconds: number) => {
    const media = player.current
    if (!media) return
    media.currentTime = seconds
    setTime(seconds)
  }, [])
  const active = meeting ? wordAt(meeting.transcript.words, time) : -1
  const [following, setFollowing] = useFollowPlayback(active, '.shared')

  return (
    <div className="shared-page">
      <header className="top shared-top">
        <span className="brand"><Logo /> {t.appName}</span>
      </header>
      <main id="main" className="shared">
        {gone && <div className="notice error" role="alert" data-testid="share-gone"><p>{gone}</p></div>}
        {!gone && !meeting && <p>{t.loading}</p>}
        {meeting && (
          <article className="meeting" data-testid="shared-meeting">
            <div className="meeting-head">
              <div className="meeting-title">
                <h1>{meeting.title}</h1>
                <p className="meta">
                  <span>{new Date(meeting.createdAt).toLocaleDateString(lang, { dateStyle: 'medium' })}</span>
                  {meeting.durationSeconds != null && <span>{clock(meeting.durationSeconds)}</span>}
                  <span>{format(t.sharedReadOnly, { time: new Date(meeting.expiresAt).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' }) })}</span>
                </p>
              </div>
            </div>
            <PlayerBar
              src={`${base}/recording`}
              player={player}
              time={time}
              duration={meeting.transcript.durationSeconds || meeting.durationSeconds || 0}
              speakers={meeting.transcript.speakers}
              words={meeting.transcript.words}
              turns={meeting.transcript.turns}
              topics={meeting.minutes?.topics}
              onSeek={seek}
              onTime={tick}
            >
              <button type="button" className={`icon-button follow${following ? ' on' : ''}`} aria-pressed={following} aria-label={t.follow} title={t.follow} onClick={() => setFollowing(!following)}><Crosshair size={18} aria-hidden="true" /></button>
            </PlayerBar>
            <div className="columns">
              <section className="transcript-column" aria-labelledby="transcript-heading">
                <h2 id="transcript-heading">{t.transcript}</h2>
                {meeting.transcript.words.length === 0 ? <p className="muted">{t.noSpeechHint}</p> : (
                  <TranscriptView words={meeting.transcript.words} speakers={meeting.transcript.speakers} active={active} onSeek={seek} />
                )}
              </section>
              {meeting.minutes && (
                <div className="side">
                  <section className="minutes read-only" aria-labelledby="minutes-heading" data-testid="minutes">
                    <h2 id="minutes-heading">{t.minutes}</h2>
                    <h3>{t.summary}</h3>
                    <p>{meeting.minutes.summary}</p>
                    <h3>{t.decisions}</h3>
                    {meeting.minutes.decisions.length === 0 ? <p className="muted">{t.noDecisions}</p> : (
                      <ul>{meeting.minutes.decisions.map((d, i) => (
                        <li key={i}>{d.start != null && <button type="button" className="time" aria-label={format(t.playFrom, { time: clock(d.start) })} onClick={() => seek(d.start!)}>{clock(d.start)}</button>} {d.text}</li>
                      ))}</ul>
                    )}
                    <h3>{t.actionItems}</h3>
                    {meeting.minutes.actionItems.length === 0 ? <p className="muted">{t.noActionItems}</p> : (
                      <ul>{meeting.minutes.actionItems.map((item, i) => (
                        <li key={i} className={item.done ? 'done' : undefined}>
                          {item.start != null && <button type="button" className="time" aria-label={format(t.playFrom, { time: clock(item.start) })} onClick={() => seek(item.start!)}>{clock(item.start)}</button>} {item.text}
                          {item.owner && <span className="muted"> — {speakerName(meeting.transcript.speakers, item.owner)}</span>}
                          {item.due && <span className="muted"> · {t.due} {item.due}</span>}
                        </li>
                      ))}</ul>
                    )}
                  </section>
                </div>
              )}
            </div>
          </article>
        )}
      </main>
    </div>
  )
}
