import { useI18n } from '../i18n'
import { Dialog } from '../ui/Dialog'

/** The player's keys, opened with "?". */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n()
  const rows: [string[], string][] = [
    [['Space', 'K'], t.keysPlay],
    [['←', '→'], t.keysSeek5],
    [['J', 'L'], t.keysSeek10],
    [['<', '>'], t.keysSpeed],
    [['?'], t.keysHelp],
  ]
  return (
    <Dialog title={t.keyboard} onClose={onClose} testId="shortcuts">
      <dl className="shortcuts">
        {rows.map(([keys, what]) => (
          <div key={what}>
            <dt>{keys.map((k, i) => <span key={k}>{i > 0 && ' / '}<kbd>{k}</kbd></span>)}</dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <p className="hint">{t.keysWord}</p>
    </Dialog>
  )
}
