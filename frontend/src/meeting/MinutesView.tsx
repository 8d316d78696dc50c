import { useEffect, useState } from 'react'
import type { ActionItem, Minutes, Speaker } from '../api'
import { clock } from '../format'
import { format, useI18n } from '../i18n'
import { change, type History, start, undo } from './history'
import { speakerName } from './TranscriptView'

/** The owners to choose from: the meeting's named speakers, and whoever an item already names. */
export function ownerChoices(speakers: Speaker[], items: ActionItem[]): string[] {
  const names = speakers.map((s) => s.name?.trim()).filter((n): n is string => !!n)
  for (const item of items) if (item.owner && !names.includes(item.owner)) names.push(item.owner)
  return [...new Set(names)]
}

/**
 * The minutes, editable with undo. Decisions and action items link to their moment; owners are
 * chosen from the named speakers; {@code onDirty} says whether edits wait to be saved.
 */
export function MinutesView({ minutes, speakers, onSave, onSeek, onDirty }: { minutes: Minutes; speakers: Speaker[]; onSave: (m: Minutes) => Promise<void>; onSeek: (s: number) => void; onDirty?: (dirty: boolean) => void }) {
  const { t } = useI18n()
  const [history, setHistory] = useState<History<Minutes>>(() => start(minutes))
  const [saved, setSaved] = useState<Minutes>(minutes)
  const [error, setError] = useState<string | null>(null)
  const current = history.present
  const edit = (next: Minutes) => setHistory((h) => change(h, next))
  const dirty = current !== saved
  useEffect(() => onDirty?.(dirty), [dirty, onDirty])
  const owners = ownerChoices(speakers, current.actionItems)
  const editItem = (index: number, patch: Partial<ActionItem>) =>
    edit({ ...current, actionItems: current.actionItems.map((item, i) => (i === index ? { ...item, ...patch } : item)) })

  return (
    <section className="minutes" aria-labelledby="minutes-heading" data-testid="minutes">
      <div className="section-head">
        <h2 id="minutes-heading">{t.minutes}</h2>
        <div className="actions">
          <button type="button" className="secondary" disabled={history.past.length === 0} onClick={() => setHistory(undo)}>{t.undo}</button>
          <button
            type="button"
            disabled={current === saved}
            onClick={async () => {
              setError(null)
              try {
                await onSave(current)
                setSaved(current)
              } catch (e) {
                setError(e instanceof Error ? e.message : String(e))
              }
            }}
          >
            {current === saved && history.past.length > 0 ? t.saved : t.save}
          </button>
        </div>
      </div>
      {error && <p role="alert" className="error">{error}</p>}
      <h3>{t.summary}</h3>
      <label className="visually-hidden" htmlFor="summary">{t.summary}</label>
      <textarea id="summary" rows={4} value={current.summary} onChange={(e) => edit({ ...current, summary: e.target.value })} />
      <h3>{t.decisions}</h3>
      {current.decisions.length === 0 ? <p className="muted" data-testid="no-decisions">{t.noDecisions}</p> : (
        <ul>
          {current.decisions.map((d, i) => (
            <li key={i}>
              {d.start != null && <button type="button" className="time" aria-label={format(t.playFrom, { time: clock(d.start) })} data-testid="decision-time" onClick={() => onSeek(d.start!)}>{clock(d.start)}</button>} {d.text}
              {d.speaker && <span className="muted"> — {speakerName(speakers, d.speaker)}</span>}
            </li>
          ))}
        </ul>
      )}
      <h3>{t.actionItems}</h3>
      {current.actionItems.length === 0 && <p className="muted" data-testid="no-action-items">{t.noActionItems}</p>}
      <ul className="action-items">
        {current.actionItems.map((item, i) => (
          <li key={i} className={item.done ? 'done' : undefined}>
            <label className="check">
              <input type="checkbox" checked={item.done ?? false} onChange={(e) => editItem(i, { done: e.target.checked })} />
              <span className="visually-hidden">{t.done}</span>
            </label>
            <label className="grow">
              <span className="visually-hidden">{t.actionItems} {i + 1}</span>
              <input value={item.text} onChange={(e) => editItem(i, { text: e.target.value })} />
            </label>
            {item.start != null && (
              <button type="button" className="time" aria-label={format(t.playFrom, { time: clock(item.start) })} data-testid="item-time" onClick={() => onSeek(item.start!)}>{clock(item.start)}</button>
            )}
            <label>
              <span className="small">{t.owner}</span>
              <select value={item.owner ?? ''} data-testid="owner" onChange={(e) => editItem(i, { owner: e.target.value || null })}>
                <option value="">—</option>
                {owners.map((o) => <option key={o} value={o}>{o}</option>)}
              </select>
            </label>
            <label>
              <span className="small">{t.due}</span>
              <input type={!item.due || /^\d{4}-\d{2}-\d{2}$/.test(item.due) ? 'date' : 'text'} value={item.due ?? ''} onChange={(e) => editItem(i, { due: e.target.value || null })} />
            </label>
            <button type="button" className="secondary" aria-label={`${t.remove} ${i + 1}`} onClick={() => edit({ ...current, actionItems: current.actionItems.filter((_, j) => j !== i) })}>×</button>
          </li>
        ))}
      </ul>
      <button type="button" className="secondary" onClick={() => edit({ ...current, actionItems: [...current.actionItems, { text: '…', owner: null, due: null, done: false }] })}>{t.addItem}</button>
    </section>
  )
}
