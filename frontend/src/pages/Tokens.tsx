import { useCallback, useEffect, useState } from 'react'
import { api } from '../api'
import { useI18n } from '../i18n'

type TokenView = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null }
type Issued = { id: string; name: string; token: string }

export function Tokens() {
  const { t, lang } = useI18n()
  const [tokens, setTokens] = useState<TokenView[]>([])
  const [name, setName] = useState('')
  const [issued, setIssued] = useState<Issued | null>(null)
  const load = useCallback(() => {
    api<TokenView[]>('GET', '/api/v1/tokens').then(setTokens)
  }, [])
  useEffect(load, [load])
  return (
    <section>
      <h1>{t.apiTokens}</h1>
      <form
        className="toolbar"
        onSubmit={async (e) => {
          e.preventDefault()
          setIssued(await api<Issued>('POST', '/api/v1/tokens', { name }))
          setName('')
          load()
        }}
      >
        <label>
          {t.tokenName}
          <input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit">{t.create}</button>
      </form>
      {issued && (
        <p className="notice" aria-live="polite">
          {t.tokenOnce} <code data-testid="new-token">{issued.token}</code>
        </p>
      )}
      <ul className="tokens">
        {tokens.map((token) => (
          <li key={token.id}>
            <strong>{token.name}</strong> <code>{token.prefix}…</code>
            <span> {t.created} {new Date(token.createdAt).toLocaleDateString(lang)} · {t.lastUsed}: {token.lastUsedAt ? new Date(token.lastUsedAt).toLocaleString(lang) : t.never}</span>
            <button type="button" className="secondary" onClick={async () => { await api('DELETE', `/api/v1/tokens/${token.id}`); load() }}>
              {t.revoke}
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
