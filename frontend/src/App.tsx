import { useEffect, useState } from 'react'
import { type BackendHealth, fetchBackendHealth } from './health'

export function App({ loadHealth = fetchBackendHealth }: { loadHealth?: () => Promise<BackendHealth> }) {
  const [health, setHealth] = useState<BackendHealth>({ kind: 'checking' })

  useEffect(() => {
    let current = true
    loadHealth().then((result) => {
      if (current) setHealth(result)
    })
    return () => {
      current = false
    }
  }, [loadHealth])

  return (
    <main>
      <h1>AiGenda</h1>
      <p>Meeting recordings to speaker-attributed transcripts and minutes.</p>
      <p role="status">Backend: {describe(health)}</p>
    </main>
  )
}

function describe(health: BackendHealth): string {
  switch (health.kind) {
    case 'checking':
      return 'checking…'
    case 'status':
      return health.status
    case 'unreachable':
      return `unreachable (${health.reason})`
  }
}
