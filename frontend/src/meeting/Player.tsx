import { type RefObject, useEffect } from 'react'
import { nextSpeed } from './PlayerBar'

/** What a key does to the player; null when the key is not a shortcut. */
export function shortcut(key: string): { toggle: true } | { seekBy: number } | { speedBy: 1 | -1 } | null {
  switch (key) {
    case '>':
      return { speedBy: 1 }
    case '<':
      return { speedBy: -1 }
    case ' ':
    case 'k':
    case 'K':
      return { toggle: true }
    case 'ArrowLeft':
      return { seekBy: -5 }
    case 'ArrowRight':
      return { seekBy: 5 }
    case 'j':
    case 'J':
      return { seekBy: -10 }
    case 'l':
    case 'L':
      return { seekBy: 10 }
    default:
      return null
  }
}

/**
 * Whether the key belongs to the focused element: text fields and lists take every key; a
 * button or link takes Space and Enter (its own click); a transcript word its arrows.
 */
function typing(target: EventTarget | null, key = ''): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true
  if (['BUTTON', 'A'].includes(target.tagName) && (key === ' ' || key === 'Enter')) return true
  return target.classList.contains('word') && key.startsWith('Arrow')
}

/** Space, arrows and J/K/L drive the player wherever focus is, unless the user is typing. */
export function usePlayerShortcuts(player: RefObject<HTMLMediaElement | null>): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const media = player.current
      if (!media || event.altKey || event.ctrlKey || event.metaKey || typing(event.target, event.key)) return
      const action = shortcut(event.key)
      if (!action) return
      event.preventDefault()
      if ('speedBy' in action) {
        media.playbackRate = nextSpeed(media.playbackRate, action.speedBy)
      } else if ('toggle' in action) {
        if (media.paused) void media.play()
        else media.pause()
      } else {
        media.currentTime = Math.max(0, Math.min(media.duration || Infinity, media.currentTime + action.seekBy))
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [player])
}
