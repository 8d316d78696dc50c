import { useEffect, useState } from 'react'

/** Whether a media query matches, following changes (window resized, phone turned). */
export function useMedia(query: string): boolean {
  const get = () => typeof window.matchMedia === 'function' && window.matchMedia(query).matches
  const [matches, setMatches] = useState(get)
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return
    const list = window.matchMedia(query)
    const update = () => setMatches(list.matches)
    update()
    list.addEventListener('change', update)
    return () => list.removeEventListener('change', update)
  }, [query])
  return matches
}

/** Whether the word's box lies outside the part of the window the sticky player leaves free. */
export function outOfView(box: { top: number; bottom: number }, visibleTop: number, visibleBottom: number): boolean {
  return box.top < visibleTop + 8 || box.bottom > visibleBottom - 48
}

/**
 * Keeps the current word in view while {@code following}; the user scrolling the page (wheel,
 * touch, scroll keys) turns following off until "back to now".
 */
export function useFollowPlayback(active: number, container: string): [boolean, (on: boolean) => void] {
  const [following, setFollowing] = useState(true)
  useEffect(() => {
    const off = (event: Event) => {
      const target = event.target as Element | null
      if (target?.closest?.('.player-bar, .side, dialog, .menu')) return
      setFollowing(false)
    }
    const keys = (event: KeyboardEvent) => {
      if (['PageUp', 'PageDown'].includes(event.key)) off(event)
    }
    window.addEventListener('wheel', off, { passive: true })
    window.addEventListener('touchmove', off, { passive: true })
    window.addEventListener('keydown', keys)
    return () => {
      window.removeEventListener('wheel', off)
      window.removeEventListener('touchmove', off)
      window.removeEventListener('keydown', keys)
    }
  }, [])
  useEffect(() => {
    if (!following || active < 0) return
    const word = document.querySelector<HTMLElement>(`${container} .word[data-index="${active}"]`)
    if (!word || word.offsetParent === null) return
    const bar = document.querySelector('.player-bar')?.getBoundingClientRect().bottom ?? 0
    if (outOfView(word.getBoundingClientRect(), Math.max(bar, 0), window.innerHeight)) {
      const top = word.getBoundingClientRect().top + window.scrollY - bar - (window.innerHeight - bar) / 3
      window.scrollTo({ top: Math.max(0, top), behavior: 'auto' })
    }
  }, [active, following, container])
  return [following, setFollowing]
}
