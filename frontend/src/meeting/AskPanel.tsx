import { useState } from 'react'
import { api, type Answer } from '../api'
import { clock } from '../format'
import { format, useI18n } from '../i18n'
import { Highlighted, meetingAt } from '../pages/SearchPage'

/** A question about one meeting; the answer quotes it, each quote a link that seeks the player. */
export function AskPanel({ meetingId, onSeek }: { meetingId: string; onSeek: (seconds: number) => void }) {
  const { t } = useI18n()
  const [question, setQuestion] = useState('')
  const [answer, setAnswer] = useState<Answer | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  return (
    <section className="ask" aria-labelledby="ask-heading" data-testid="ask">
      <h2 id="ask-heading" className="visually-hidden">{t.ask}</h2>
      <form
        className="toolbar"
        onSubmit={async (e) => {
          e.preventDefault()
          setBusy(true)
          setError(null)
          try {
            setAnswer(await api<Answer>('POST', `/api/v1/meetings/${meetingId}/ask`, { question: question.trim() }))
          } catch (failure) {
            setError(failure instanceof Error ? failure.message : String(failure))
          } finally {
            setBusy(false)
          }
        }}
      >
        <label className="grow">
          <span className="visually-hidden">{t.question}</span>
          <input required maxLength={500} placeholder={t.question} value={question} onChange={(e) => setQuestion(e.target.value)} />
        </label>
        <button type="submit" disabled={busy}>{busy ? t.asking : t.askButton}</button>
      </form>
      {error && <p role="alert" className="error">{error}</p>}
      {answer && (
        <div aria-live="polite">
          <p className={`answer${answer.found === false ? ' not-found' : ''}`} data-testid="answer">{answer.found === false ? t.nothingAnswers : answer.answer}</p>
          {answer.found !== false && answer.citations.length > 0 && (
            <>
              <h3>{t.sources}</h3>
              <ul className="citations">
                {answer.citations.map((c, i) => (
                  <li key={i}>
                    <a
                      href={meetingAt(meetingId, c.start)}
                      className="time"
                      aria-label={format(t.openAt, { time: clock(c.start) })}
                      onClick={(event) => {
                        event.preventDefault()
                        onSeek(c.start)
                      }}
                    >
                      {clock(c.start)}
                    </a>{' '}
                    {(c.speakerNames ?? c.speakers).length > 0 && <span className="hint">{(c.speakerNames ?? c.speakers).join(', ')}: </span>}
                    <Highlighted text={c.text} ranges={c.highlights} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  )
}
