import { api, type Meeting } from '../api'
import { useI18n } from '../i18n'
import { navigate } from '../router'
import { BotInviteForm } from '../meeting/BotPanel'

/** A new meeting recorded by a bot: the meeting is created, then the bot invited into the call. */
export function RecordCall() {
  const { t } = useI18n()
  return (
    <section>
      <h1>{t.recordCall}</h1>
      <p className="hint">{t.botHint}</p>
      <BotInviteForm
        withTitle
        onInvite={async ({ title, url, joinAt }) => {
          const meeting = await api<Meeting>('POST', '/api/v1/meetings', { title, language: 'auto' })
          try {
            await api('POST', `/api/v1/meetings/${meeting.id}/bot`, { url, joinAt })
          } catch (refused) {
            // a refused link leaves no empty meeting behind
            await api('DELETE', `/api/v1/meetings/${meeting.id}`).catch(() => {})
            throw refused
          }
          navigate(`/meetings/${meeting.id}`)
        }}
      />
    </section>
  )
}
