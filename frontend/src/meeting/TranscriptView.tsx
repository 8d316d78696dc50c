import { memo, useCallback, useMemo, useRef } from 'react'
import { MoreHorizontal } from 'lucide-react'
import { readable, type Speaker, type Word } from '../api'
import { clock, speakerColour } from '../format'
import { format, useI18n } from '../i18n'
import { MenuButton } from '../ui/MenuButton'
import { DOUBTFUL, type Turn, turns } from './transcript'

export function speakerName(speakers: Speaker[], label: string): string {
  return speakers.find((s) => s.label === label)?.name || label
}

export type Reassign = (turn: { start: number; end: number; from: string }, to: string | null) => void

/**
 * The transcript in speaker turns. Words are buttons with one tab stop for the whole transcript
 * (the current word): the arrow keys move between words, Enter or Space jumps there. A turn's
 * menu (its … button, or a right click on the turn) gives it to another speaker.
 */
export function TranscriptView({ words, speakers, active, onSeek, onReassign, onReview, flagged }: { words: Word[]; speakers: Speaker[]; active: number; onSeek: (seconds: number) => void; onReassign?: Reassign; onReview?: (index: number) => void; flagged?: ReadonlySet<number> }) {
  const grouped = useMemo(() => turns(words), [words])
  const root = useRef<HTMLDivElement>(null)
  const stop = active >= 0 ? active : 0
  const onKeyDown = useCallback((event: React.KeyboardEvent) => {
    const target = event.target as HTMLElement
    if (!target.classList.contains('word')) return
    const step = { ArrowRight: 1, ArrowDown: 12, ArrowLeft: -1, ArrowUp: -12, Home: -Infinity, End: Infinity }[event.key]
    if (step === undefined) return
    event.preventDefault()
    event.stopPropagation()
    const index = Number(target.dataset.index)
    const next = Math.max(0, Math.min(words.length - 1, Number.isFinite(step) ? index + step : step < 0 ? 0 : words.length - 1))
    root.current?.querySelector<HTMLElement>(`.word[data-index="${next}"]`)?.focus()
  }, [words.length])
  return (
    <div className="transcript" data-testid="transcript" ref={root} onKeyDown={onKeyDown}>
      {grouped.map((turn) => {
        const inside = active >= turn.first && active < turn.first + turn.words.length
        const stopHere = stop >= turn.first && stop < turn.first + turn.words.length
        return <TurnView key={turn.first} turn={turn} speakers={speakers} active={inside ? active - turn.first : -1} tabStop={stopHere ? stop - turn.first : -1} onSeek={onSeek} onReassign={onReassign} onReview={onReview} flagged={flagged} />
      })}
    </div>
  )
}

const NEW = '__new__'

const TurnView = memo(function TurnView({ turn, speakers, active, tabStop, onSeek, onReassign, onReview, flagged }: { turn: Turn; speakers: Speaker[]; active: number; tabStop: number; onSeek: (s: number) => void; onReassign?: Reassign; onReview?: (index: number) => void; flagged?: ReadonlySet<number> }) {
  const { t } = useI18n()
  const colour = speakerColour(turn.speaker)
  const name = speakerName(speakers, turn.speaker)
  const openMenu = useRef<(() => void) | null>(null)
  const start = turn.words[0].start
  const give = (to: string) => onReassign?.({ start, end: turn.words[turn.words.length - 1].end, from: turn.speaker }, to === NEW ? null : to)
  return (
    <div
      className="turn"
      style={{ borderInlineStartColor: colour }}
      data-speaker={turn.speaker}
      onContextMenu={onReassign ? (event) => { event.preventDefault(); openMenu.current?.() } : undefined}
    >
      <div className="turn-head">
        <span className="speaker-chip" style={{ background: colour }} data-speaker={turn.speaker}>{name}</span>
        <button type="button" className="time" aria-label={format(t.seekTo, { time: clock(start) })} onClick={() => onSeek(start)}>{clock(start)}</button>
        {onReassign && (
          <MenuButton
            label={format(t.turnMenu, { time: clock(start) })}
            className="turn-menu"
            testId="turn-menu"
            openRef={(open) => { openMenu.current = open }}
            items={[
              ...speakers.filter((s) => s.label !== turn.speaker).map((s) => ({ label: format(t.giveTo, { name: s.name || s.label }), onSelect: () => give(s.label) })),
              { label: t.newSpeaker, onSelect: () => give(NEW) },
            ]}
          >
            <MoreHorizontal size={16} aria-hidden="true" />
          </MenuButton>
        )}
      </div>
      <p>
        {turn.words.map((word, i) => {
          // a number word folded into the digits of the word before it has nothing to show
          if (readable(word) === '') return null
          const doubtful = word.confidence < DOUBTFUL || (flagged?.has(turn.first + i) ?? false)
          return (
            <span key={i}>
              <button
                type="button"
                tabIndex={i === tabStop ? 0 : -1}
                className={`word${i === active ? ' current' : ''}${doubtful ? ' doubtful' : ''}`}
                aria-current={i === active ? 'time' : undefined}
                data-start={word.start}
                title={doubtful ? `${Math.round(word.confidence * 100)}%` : undefined}
                data-index={turn.first + i}
                onClick={() => {
                  onSeek(word.start)
                  if (doubtful) onReview?.(turn.first + i)
                }}
              >
                {readable(word)}
              </button>{' '}
            </span>
          )
        })}
      </p>
    </div>
  )
})
