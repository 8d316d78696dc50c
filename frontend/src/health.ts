export type BackendHealth =
  | { kind: 'checking' }
  | { kind: 'status'; status: string }
  | { kind: 'unreachable'; reason: string }

/** Asks the backend (same origin) how it is; never throws, so the page can always say something. */
export async function fetchBackendHealth(fetchFn: typeof fetch = fetch): Promise<BackendHealth> {
  try {
    const response = await fetchFn('/actuator/health', { headers: { Accept: 'application/json' } })
    // A service that is down answers 503 with a body that still names its status.
    const body: unknown = await response.json().catch(() => null)
    const status =
      body !== null && typeof body === 'object' && 'status' in body && typeof body.status === 'string'
        ? body.status
        : null
    if (status === null) {
      return { kind: 'unreachable', reason: `HTTP ${response.status}` }
    }
    return { kind: 'status', status }
  } catch (error) {
    return { kind: 'unreachable', reason: error instanceof Error ? error.message : String(error) }
  }
}
