import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

// The backend serves the built app and the API from one origin; in development the Vite server
// forwards API and actuator calls to a backend on its default port.
const backend = 'http://127.0.0.1:8080'

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': backend,
      '/actuator': backend,
    },
  },
  build: {
    outDir: 'dist',
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['src/test-setup.ts'],
  },
})
