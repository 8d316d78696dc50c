import { type ReactNode, useEffect, useId, useRef, useState } from 'react'

export type MenuItem = { label: string; onSelect?: () => void; href?: string; download?: boolean; danger?: boolean; testId?: string }

/**
 * A button that opens a short menu: arrow keys move between the items, Escape closes and gives
 * focus back to the button. {@code openRef} lets a context menu (right click) open it too.
 */
export function MenuButton({ label, children, items, className, testId, openRef }: { label: string; children: ReactNode; items: MenuItem[]; className?: string; testId?: string; openRef?: (open: () => void) => void }) {
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const menu = useRef<HTMLDivElement>(null)
  const id = useId()

  useEffect(() => {
    openRef?.(() => setOpen(true))
  }, [openRef])
  useEffect(() => {
    if (!open) return
    menu.current?.querySelector<HTMLElement>('[role=menuitem]')?.focus()
    const outside = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node) && !button.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('mousedown', outside)
    return () => document.removeEventListener('mousedown', outside)
  }, [open])

  const close = (refocus: boolean) => {
    setOpen(false)
    if (refocus) button.current?.focus()
  }
  const onKey = (event: React.KeyboardEvent) => {
    const entries = [...(menu.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? [])]
    const at = entries.indexOf(document.activeElement as HTMLElement)
    if (event.key === 'Escape') {
      event.preventDefault()
      close(true)
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const next = (at + (event.key === 'ArrowDown' ? 1 : -1) + entries.length) % entries.length
      entries[next]?.focus()
    } else if (event.key === 'Tab') {
      close(false)
    }
  }

  return (
    <div className={`menu-wrap ${className ?? ''}`}>
      <button
        ref={button}
        type="button"
        className="icon-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-label={label}
        title={label}
        data-testid={testId}
        onClick={() => setOpen(!open)}
      >
        {children}
      </button>
      {open && (
        <div className="menu" role="menu" tabIndex={-1} id={id} ref={menu} aria-label={label} onKeyDown={onKey}>
          {items.map((item, i) =>
            item.href ? (
              <a key={i} role="menuitem" tabIndex={-1} href={item.href} download={item.download} data-testid={item.testId} onClick={() => close(false)}>
                {item.label}
              </a>
            ) : (
              <button
                key={i}
                type="button"
                role="menuitem"
                tabIndex={-1}
                className={item.danger ? 'danger' : undefined}
                data-testid={item.testId}
                onClick={() => {
                  close(false)
                  item.onSelect?.()
                }}
              >
                {item.label}
              </button>
            ),
          )}
        </div>
      )}
    </div>
  )
}
