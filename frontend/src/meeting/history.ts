/** Edits as a stack of snapshots: every change pushes, undo pops back to the one before. */
export type History<T> = { past: T[]; present: T }

export function start<T>(value: T): History<T> {
  return { past: [], present: value }
}

export function change<T>(history: History<T>, next: T, limit = 100): History<T> {
  if (Object.is(next, history.present)) return history
  return { past: [...history.past, history.present].slice(-limit), present: next }
}

export function undo<T>(history: History<T>): History<T> {
  if (history.past.length === 0) return history
  return { past: history.past.slice(0, -1), present: history.past[history.past.length - 1] }
}
