import { useCallback, useEffect, useState } from 'react'
import { api, type CreatedWebhook, type WebhookEndpoint } from '../api'
import { format, useI18n } from '../i18n'

/** The organisation's webhook endpoints; a new one's signing secret is shown once. */
export function Webhooks() {
  const { t, lang } = useI18n()
  const [endpoints, setEndpoints] = useState<WebhookEndpoint[]>([])
  const [url, setUrl] = useState('')
  const [created, setCreated] = useState<CreatedWebhook | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = useCallback(() => {
    api<WebhookEndpoint[]>('GET', '/api/v1/webhooks').then(setEndpoints, (e: Error) => setError(e.message))
  }, [])
  useEffect(load, [load])
  return (
    <section>
      <h1>{t.webhooks}</h1>
      <p className="hint">{t.webhooksHint}</p>
      <form
        className="toolbar"
        onSubmit={async (e) => {
          e.preventDefault()
          setError(null)
          setCreated(null)
          try {
            setCreated(await api<CreatedWebhook>('POST', '/api/v1/webhooks', { url: url.trim() }))
            setUrl('')
            load()
          } catch (failure) {
            setError(failure instanceof Error ? failure.message : String(failure))
          }
        }}
      >
        <label className="grow">
          {t.endpointUrl}
          <input type="url" required maxLength={2048} placeholder="https://example.com/aigenda" value={url} onChange={(e) => setUrl(e.target.value)} />
        </label>
        <button type="submit">{t.add}</button>
      </form>
      {error && <p role="alert" className="error">{error}</p>}
      {created && (
        <div className="notice" aria-live="polite">
          <p>{t.secretOnce} <code data-testid="new-secret">{created.secret}</code></p>
          <p className="hint">{t.signatureHint}</p>
        </div>
      )}
      {endpoints.length === 0 && <p>{t.noWebhooks}</p>}
      <ul className="tokens webhooks" data-testid="webhooks">
        {endpoints.map((endpoint) => (
          <li key={endpoint.id}>
            <code>{endpoint.url}</code>
            <span>
              {' '}{t.created} {new Date(endpoint.createdAt).toLocaleDateString(lang)}
              {endpoint.lastDelivery && (
                <>
                  {' · '}{t.lastDelivery}: {endpoint.lastDelivery.type}, {t.deliveryStates[endpoint.lastDelivery.state] ?? endpoint.lastDelivery.state}
                  {', '}{format(t.attempts, { count: endpoint.lastDelivery.attempts })}
                  {endpoint.lastDelivery.lastError && <span className="error"> ({endpoint.lastDelivery.lastError})</span>}
                </>
              )}
            </span>
            <button type="button" className="secondary" onClick={async () => { await api('DELETE', `/api/v1/webhooks/${endpoint.id}`); load() }}>
              {t.delete}
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
