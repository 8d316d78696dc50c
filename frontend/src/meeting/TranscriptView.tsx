import { memo, useMemo } from 'react'
import type { Speaker, Word } from '../api'
import { clock, speakerColour } from '../format'
import { format, useI18n } from '../i18n'
import { DOUBTFUL, type Turn, turns } from './transcript'

const NEW = '__new__'

export function speakerName(speakers: Speaker[], label: string): string {
  return speakers.find((s) => s.label === label)?.name || label
}

export type Reassign = (turn: { start: number; end: number; from: string }, to: string | null) => void

export function TranscriptView({ words, speakers, active, onSeek, onReassign, onReview, flagged }: { words: Word[]; speakers: Speaker[]; active: number; onSeek: (seconds: number) => void; onReassign?: Reassign; onReview?: (index: number) => void; flagged?: ReadonlySet<number> }) {
  const grouped = useMemo(() => turns(words), [words])
  return (
    <div className="transcript" data-testid="transcript">
      {grouped.map((turn) => {
        const inside = active >= turn.first && active < turn.first + turn.words.length
        return <TurnView key={turn.first} turn={turn} speakers={speakers} active={inside ? active - turn.first : -1} onSeek={onSeek} onReassign={onReassign} onReview={onReview} flagged={flagged} />
      })}
    </div>
  )
}

const TurnView = memo(function TurnView({ turn, speakers, active, onSeek, onReassign, onReview, flagged }: { turn: Turn; speakers: Speaker[]; active: number; onSeek: (s: number) => void; onReassign?: Reassign; onReview?: (index: number) => void; flagged?: ReadonlySet<number> }) {
  const { t } = useI18n()
  const colour = speakerColour(turn.speaker)
  const name = speakerName(speakers, turn.speaker)
  return (
    <div className="turn" style={{ borderInlineStartColor: colour }}>
      <div className="turn-head">
        <span className="speaker-chip" style={{ background: colour }} data-speaker={turn.speaker}>{name}</span>
        <button type="button" className="time" onClick={() => onSeek(turn.words[0].start)}>{clock(turn.words[0].start)}</button>
        {onReassign && (
          <label className="reassign">
            <span className="visually-hidden">{format(t.reassign, { time: clock(turn.words[0].start) })}</span>
            <select
              value=""
              onChange={(e) => {
                if (!e.target.value) return
                const to = e.target.value === NEW ? null : e.target.value
                onReassign({ start: turn.words[0].start, end: turn.words[turn.words.length - 1].end, from: turn.speaker }, to)
              }}
            >
              <option value="">{t.reassignShort}</option>
              {speakers.filter((s) => s.label !== turn.speaker).map((s) => <option key={s.label} value={s.label}>{s.name || s.label}</option>)}
              <option value={NEW}>{t.newSpeaker}</option>
            </select>
          </label>
        )}
      </div>
      <p>
        {turn.words.map((word, i) => {
          const doubtful = word.confidence < DOUBTFUL || (flagged?.has(turn.first + i) ?? false)
          return (
            <span key={i}>
              <span
                className={`word${i === active ? ' current' : ''}${doubtful ? ' doubtful' : ''}`}
                data-start={word.start}
                title={doubtful ? `${Math.round(word.confidence * 100)}%` : undefined}
                data-index={turn.first + i}
                onClick={() => {
                  onSeek(word.start)
                  if (doubtful) onReview?.(turn.first + i)
                }}
              >
                {word.text}
              </span>{' '}
            </span>
          )
        })}
      </p>
    </div>
  )
})
