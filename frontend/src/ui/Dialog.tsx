import { type ReactNode, useEffect, useRef } from 'react'
import { X } from 'lucide-react'
import { useI18n } from '../i18n'

/** A modal dialog (the browser's own: focus is trapped, Escape closes it). */
export function Dialog({ title, onClose, children, testId, wide }: { title: string; onClose: () => void; children: ReactNode; testId?: string; wide?: boolean }) {
  const { t } = useI18n()
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) {
      if (typeof element.showModal === 'function') element.showModal()
      else element.setAttribute('open', '')
    }
  }, [])
  return (
    <dialog ref={dialog} className={`dialog${wide ? ' wide' : ''}`} aria-labelledby="dialog-title" data-testid={testId} onClose={onClose} onCancel={(e) => { e.preventDefault(); onClose() }}>
      <div className="dialog-head">
        <h2 id="dialog-title">{title}</h2>
        <button type="button" className="icon-button" aria-label={t.close} onClick={onClose}><X size={18} aria-hidden="true" /></button>
      </div>
      {children}
    </dialog>
  )
}

/** Asks before something that cannot be undone. */
export function ConfirmDialog({ title, message, confirm, onConfirm, onClose }: { title: string; message: string; confirm: string; onConfirm: () => void; onClose: () => void }) {
  const { t } = useI18n()
  return (
    <Dialog title={title} onClose={onClose} testId="confirm">
      <p>{message}</p>
      <div className="dialog-actions">
        <button type="button" className="secondary" onClick={onClose}>{t.cancel}</button>
        <button type="button" className="danger" data-testid="confirm-yes" onClick={() => { onConfirm(); onClose() }}>{confirm}</button>
      </div>
    </Dialog>
  )
}
