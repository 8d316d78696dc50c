import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { App } from './App'
import { fetchBackendHealth } from './health'

afterEach(cleanup)

function answering(status: number, body: string): typeof fetch {
  return async (input) => {
    expect(String(input)).toBe('/actuator/health')
    return new Response(body, { status, headers: { 'Content-Type': 'application/json' } })
  }
}

describe('App', () => {
  it('shows the backend status it reads from the health endpoint', async () => {
    render(<App loadHealth={() => fetchBackendHealth(answering(200, '{"status":"UP"}'))} />)

    expect(screen.getByRole('heading').textContent).toBe('AiGenda')
    expect((await screen.findByText('Backend: UP')).getAttribute('role')).toBe('status')
  })

  it('shows a down backend by the status in its 503 answer', async () => {
    render(<App loadHealth={() => fetchBackendHealth(answering(503, '{"status":"DOWN"}'))} />)

    await screen.findByText('Backend: DOWN')
  })

  it('says the backend is unreachable when the answer is not health JSON', async () => {
    render(<App loadHealth={() => fetchBackendHealth(answering(502, '<html>Bad Gateway</html>'))} />)

    await screen.findByText('Backend: unreachable (HTTP 502)')
  })
})
