import { type AnchorHTMLAttributes, useEffect, useState } from 'react'

/** A few client-side routes need no library: the History API and one event. */
const EVENT = 'aigenda:navigate'

let leaveGuard: (() => string | null) | null = null

/**
 * A page with unsaved work sets a guard: it returns the question to ask before leaving, or null
 * when nothing would be lost. The browser asks before a reload or closing the tab.
 */
export function setLeaveGuard(guard: (() => string | null) | null): void {
  leaveGuard = guard
}

export function navigate(path: string, replace = false): void {
  const question = leaveGuard?.()
  if (question && !window.confirm(question)) return
  leaveGuard = null
  if (replace) history.replaceState(null, '', path)
  else history.pushState(null, '', path)
  window.dispatchEvent(new Event(EVENT))
}

export function usePath(): string {
  const [path, setPath] = useState(location.pathname)
  useEffect(() => {
    const update = () => setPath(location.pathname)
    window.addEventListener('popstate', update)
    window.addEventListener(EVENT, update)
    return () => {
      window.removeEventListener('popstate', update)
      window.removeEventListener(EVENT, update)
    }
  }, [])
  return path
}

export function Link({ href, children, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return (
    <a
      href={href}
      {...rest}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return
        event.preventDefault()
        navigate(href)
      }}
    >
      {children}
    </a>
  )
}
