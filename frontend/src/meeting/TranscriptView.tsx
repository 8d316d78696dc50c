import { memo, useMemo } from 'react'
import type { Speaker, Word } from '../api'
import { clock, speakerColour } from '../format'
import { DOUBTFUL, type Turn, turns } from './transcript'

export function speakerName(speakers: Speaker[], label: string): string {
  return speakers.find((s) => s.label === label)?.name || label
}

export function TranscriptView({ words, speakers, active, onSeek }: { words: Word[]; speakers: Speaker[]; active: number; onSeek: (seconds: number) => void }) {
  const grouped = useMemo(() => turns(words), [words])
  return (
    <div className="transcript" data-testid="transcript">
      {grouped.map((turn) => {
        const inside = active >= turn.first && active < turn.first + turn.words.length
        return <TurnView key={turn.first} turn={turn} name={speakerName(speakers, turn.speaker)} active={inside ? active - turn.first : -1} onSeek={onSeek} />
      })}
    </div>
  )
}

const TurnView = memo(function TurnView({ turn, name, active, onSeek }: { turn: Turn; name: string; active: number; onSeek: (s: number) => void }) {
  const colour = speakerColour(turn.speaker)
  return (
    <div className="turn" style={{ borderInlineStartColor: colour }}>
      <div className="turn-head">
        <span className="speaker-chip" style={{ background: colour }} data-speaker={turn.speaker}>{name}</span>
        <button type="button" className="time" onClick={() => onSeek(turn.words[0].start)}>{clock(turn.words[0].start)}</button>
      </div>
      <p>
        {turn.words.map((word, i) => (
          <span key={i}>
            <span
              className={`word${i === active ? ' current' : ''}${word.confidence < DOUBTFUL ? ' doubtful' : ''}`}
              data-start={word.start}
              title={word.confidence < DOUBTFUL ? `${Math.round(word.confidence * 100)}%` : undefined}
              onClick={() => onSeek(word.start)}
            >
              {word.text}
            </span>{' '}
          </span>
        ))}
      </p>
    </div>
  )
})
