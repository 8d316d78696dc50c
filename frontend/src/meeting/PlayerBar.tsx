import { type ReactNode, type RefObject, useMemo, useState } from 'react'
import { Pause, Play, RotateCcw, RotateCw } from 'lucide-react'
import type { Minutes, Speaker, TurnSpan, Word } from '../api'
import { clock, speakerColour } from '../format'
import { format, useI18n } from '../i18n'
import { speakerName } from './TranscriptView'

export const SPEEDS = [0.75, 1, 1.25, 1.5, 1.75, 2]

/** The next speed up or down the list, staying at its ends. */
export function nextSpeed(current: number, step: 1 | -1): number {
  const at = SPEEDS.findIndex((s) => s >= current - 1e-6)
  const index = Math.min(SPEEDS.length - 1, Math.max(0, (at < 0 ? SPEEDS.length - 1 : at) + step))
  return SPEEDS[index]
}

/** Who spoke when: the transcript's turns where the API sends them, else runs of words. */
export function speakerSpans(words: Word[], turns?: TurnSpan[]): TurnSpan[] {
  if (turns && turns.length > 0) return turns
  const spans: TurnSpan[] = []
  for (const word of words) {
    const last = spans[spans.length - 1]
    if (last && last.speaker === word.speaker && word.start - last.end < 1.5) last.end = Math.max(last.end, word.end)
    else spans.push({ speaker: word.speaker, start: word.start, end: word.end })
  }
  return spans
}

/** One lane per speaker, in the order of the speakers list (then first appearance). */
export function lanes(spans: TurnSpan[], speakers: Speaker[]): { label: string; spans: TurnSpan[] }[] {
  const order = speakers.map((s) => s.label)
  for (const span of spans) if (!order.includes(span.speaker)) order.push(span.speaker)
  return order.map((label) => ({ label, spans: spans.filter((s) => s.speaker === label) })).filter((lane) => lane.spans.length > 0)
}

/**
 * The sticky player: play, 10 s back and forward, speed, the position, and under it the speaker
 * timeline (topic bands above one lane per speaker) that seeks where it is clicked.
 */
export function PlayerBar({ src, player, time, duration, speakers, words, turns, topics, onSeek, onTime, onLoaded, children }: {
  src: string
  player: RefObject<HTMLAudioElement | null>
  time: number
  duration: number
  speakers: Speaker[]
  words: Word[]
  turns?: TurnSpan[]
  topics?: Minutes['topics']
  onSeek: (seconds: number) => void
  onTime: () => void
  onLoaded?: (media: HTMLAudioElement) => void
  children?: ReactNode
}) {
  const { t } = useI18n()
  const [playing, setPlaying] = useState(false)
  const [speed, setSpeed] = useState(1)
  const [mediaDuration, setMediaDuration] = useState(0)
  const length = duration || mediaDuration || 1
  const grouped = useMemo(() => lanes(speakerSpans(words, turns), speakers), [words, turns, speakers])
  const percent = (seconds: number) => `${Math.min(100, Math.max(0, (seconds / length) * 100))}%`
  const seekAt = (event: React.MouseEvent<HTMLElement>) => {
    const box = event.currentTarget.getBoundingClientRect()
    onSeek(Math.max(0, Math.min(length, ((event.clientX - box.left) / Math.max(box.width, 1)) * length)))
  }
  const toggle = () => {
    const media = player.current
    if (!media) return
    if (media.paused) void media.play()
    else media.pause()
  }

  return (
    <div className="player-bar" data-testid="player-bar">
      <audio
        ref={player}
        preload="metadata"
        src={src}
        aria-label={t.player}
        data-testid="player"
        onLoadedMetadata={(e) => {
          setMediaDuration(e.currentTarget.duration || 0)
          onLoaded?.(e.currentTarget)
        }}
        onPlay={() => { setPlaying(true); onTime() }}
        onPause={() => { setPlaying(false); onTime() }}
        onSeeked={onTime}
        onTimeUpdate={onTime}
        onRateChange={(e) => setSpeed(e.currentTarget.playbackRate)}
      />
      <div className="controls">
        <button type="button" className="icon-button" aria-label={t.back10} title={t.back10} data-testid="back10" onClick={() => onSeek(Math.max(0, time - 10))}>
          <RotateCcw size={18} aria-hidden="true" />
        </button>
        <button type="button" className="play" aria-label={playing ? t.pause : t.play} title={playing ? t.pause : t.play} data-testid="play" onClick={toggle}>
          {playing ? <Pause size={20} aria-hidden="true" /> : <Play size={20} aria-hidden="true" />}
        </button>
        <button type="button" className="icon-button" aria-label={t.forward10} title={t.forward10} data-testid="forward10" onClick={() => onSeek(Math.min(length, time + 10))}>
          <RotateCw size={18} aria-hidden="true" />
        </button>
        <span className="position" data-testid="position">{clock(time)} / {clock(length)}</span>
        <input
          className="scrubber"
          type="range"
          min={0}
          max={length}
          step={0.1}
          value={Math.min(time, length)}
          aria-label={t.player}
          aria-valuetext={`${clock(time)} / ${clock(length)}`}
          onChange={(e) => onSeek(Number(e.target.value))}
        />
        <label className="speed">
          <span className="visually-hidden">{t.playbackSpeed}</span>
          <select
            value={speed}
            data-testid="speed"
            title={t.playbackSpeed}
            onChange={(e) => {
              const rate = Number(e.target.value)
              if (player.current) player.current.playbackRate = rate
              setSpeed(rate)
            }}
          >
            {SPEEDS.map((s) => <option key={s} value={s}>{s}×</option>)}
          </select>
        </label>
        {children}
      </div>
      <div className="timeline" data-testid="timeline">
        {topics && topics.length > 0 && (
          <div className="topics">
            {topics.map((topic, i) => (
              <button
                key={i}
                type="button"
                className="topic"
                style={{ left: percent(topic.start), width: `max(1.5%, ${percent(topic.end - topic.start)})` }}
                title={`${clock(topic.start)} ${topic.title}`}
                aria-label={`${topic.title}, ${format(t.seekTo, { time: clock(topic.start) })}`}
                onClick={() => onSeek(topic.start)}
              >
                <span>{topic.title}</span>
              </button>
            ))}
          </div>
        )}
        <div className="lanes" title={t.timeline}>
          {grouped.map((lane) => (
            <div key={lane.label} className="lane" data-testid={`lane-${lane.label}`}>
              <span className="lane-name" title={speakerName(speakers, lane.label)}>{speakerName(speakers, lane.label)}</span>
              {/* the pointer seeks here; keyboard users have the position slider and the words */}
              <div className="lane-track" onClick={seekAt} aria-hidden="true">
                {lane.spans.map((span, i) => (
                  <span key={i} className="span" style={{ left: percent(span.start), width: `max(2px, ${percent(span.end - span.start)})`, background: speakerColour(lane.label) }} />
                ))}
                <span className="playhead" style={{ left: percent(time) }} />
              </div>
            </div>
          ))}
        </div>
      </div>
    </div>
  )
}
