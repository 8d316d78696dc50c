import type { Word } from '../api'

export type Turn = { speaker: string; first: number; words: Word[] }

/** Consecutive words of one speaker form a turn; a long pause starts a new paragraph. */
export function turns(words: Word[], pauseSeconds = 3): Turn[] {
  const result: Turn[] = []
  words.forEach((word, index) => {
    const last = result[result.length - 1]
    const previous = words[index - 1]
    if (last && last.speaker === word.speaker && previous && word.start - previous.end < pauseSeconds) {
      last.words.push(word)
    } else {
      result.push({ speaker: word.speaker, first: index, words: [word] })
    }
  })
  return result
}

/** Index of the word being spoken at {@code time}: the last word that started, -1 before the first. */
export function wordAt(words: Word[], time: number): number {
  let low = 0
  let high = words.length - 1
  let found = -1
  while (low <= high) {
    const middle = (low + high) >> 1
    if (words[middle].start <= time) {
      found = middle
      low = middle + 1
    } else {
      high = middle - 1
    }
  }
  return found
}

/** Words the recogniser was unsure of, worth a second look: the server's flag threshold (aigenda.spelling.doubtful-confidence). */
export const DOUBTFUL = 0.5
