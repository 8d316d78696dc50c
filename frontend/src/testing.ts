/** A fetch that answers like the backend from a table of "METHOD path" routes, and records calls. */
export type Route = unknown | { status: number; body: unknown }

export function fakeBackend(routes: Record<string, Route>) {
  const calls: { method: string; path: string; body: unknown }[] = []
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const method = init?.method ?? 'GET'
    const path = String(input)
    calls.push({ method, path, body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined })
    const route = routes[`${method} ${path}`]
    if (route === undefined) return problem(404, 'Not found')
    if (route !== null && typeof route === 'object' && 'status' in route && typeof route.status === 'number') {
      const { status, body } = route as { status: number; body: unknown }
      if (status >= 400) return problem(status, String(body))
      return status === 204 ? new Response(null, { status }) : json(status, body)
    }
    return json(200, route)
  }) as typeof globalThis.fetch
  return { fetch, calls }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

function problem(status: number, detail: string): Response {
  return new Response(JSON.stringify({ status, detail }), { status, headers: { 'Content-Type': 'application/problem+json' } })
}
