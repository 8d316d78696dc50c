// Drives the built web app in Debian's Chromium against a running AiGenda platform.
// Environment: AIGENDA_URL (the backend), AIGENDA_ADMIN_TOKEN (creates a fresh organisation and user),
// AIGENDA_SAMPLE (a two-speaker recording), SCREENSHOTS (folder), CHROMIUM (default /usr/bin/chromium).
import { readFileSync, mkdirSync } from 'node:fs'
import { inflateSync } from 'node:zlib'
import { createRequire } from 'node:module'
import { randomUUID } from 'node:crypto'
import { chromium } from 'playwright-core'

const require = createRequire(import.meta.url)
const base = required('AIGENDA_URL').replace(/\/$/, '')
const adminToken = required('AIGENDA_ADMIN_TOKEN')
const sample = required('AIGENDA_SAMPLE')
const shots = process.env.SCREENSHOTS ?? 'target/screenshots'
mkdirSync(shots, { recursive: true })
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

function required(name) {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set`)
  return value
}

function check(condition, message) {
  if (!condition) throw new Error(`check failed: ${message}`)
  console.log(`ok - ${message}`)
}

async function adminCall(method, path, body) {
  const response = await fetch(base + path, {
    method,
    headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  })
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`)
  return response.status === 204 ? null : response.json()
}

/** axe-core in the light and the dark colour scheme (the app follows the system's). */
async function accessibility(page, name) {
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme })
    await axeOnce(page, `${name} (${scheme})`)
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

async function axeOnce(page, name) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.addScriptTag({ content: axeSource })
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }))
  })
  const serious = result.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  for (const v of result) console.log(`  axe ${name}: ${v.impact} ${v.id} ${JSON.stringify(v.nodes)}`)
  check(serious.length === 0, `axe finds no serious violations on the ${name} page`)
}

/**
 * The text of a PDF written by PDFBox: its content streams show glyph ids (<hex> Tj) of a subset
 * font whose ToUnicode map turns them back into characters.
 */
function pdfText(bytes) {
  const raw = bytes.toString('latin1')
  const streams = []
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length
    const end = raw.indexOf('endstream', start)
    try {
      streams.push(inflateSync(bytes.subarray(start, end)).toString('latin1'))
    } catch {
      streams.push(raw.slice(start, end))
    }
  }
  const glyphs = new Map()
  const utf16 = (hex) => String.fromCharCode(...hex.match(/.{4}/g).map((h) => parseInt(h, 16)))
  for (const cmap of streams.filter((x) => x.includes('beginbfchar') || x.includes('beginbfrange'))) {
    for (const [, section] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const [, from, to] of section.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) glyphs.set(parseInt(from, 16), utf16(to))
    }
    for (const [, section] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const [, lo, hi, to] of section.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
        for (let g = parseInt(lo, 16); g <= parseInt(hi, 16); g++) glyphs.set(g, String.fromCharCode(parseInt(to.slice(-4), 16) + g - parseInt(lo, 16)))
      }
    }
  }
  const lines = []
  const decode = (codes) => {
    let text = ''
    for (let i = 0; i + 1 < codes.length; i += 2) text += glyphs.get(codes[i] * 256 + codes[i + 1]) ?? '?'
    return text
  }
  // strings are <hex> or (literal with \ escapes), two bytes a glyph
  for (const content of streams.filter((x) => / Tj/.test(x))) {
    for (const [, hex, literal] of content.matchAll(/(?:<([0-9A-Fa-f]*)>|\(((?:\\.|[^\\)])*)\))\s*Tj/gs)) {
      if (hex !== undefined) {
        lines.push(decode((hex.match(/../g) ?? []).map((h) => parseInt(h, 16))))
        continue
      }
      const codes = []
      for (let i = 0; i < literal.length; i++) {
        if (literal[i] !== '\\') { codes.push(literal.charCodeAt(i)); continue }
        const next = literal[++i]
        const octal = /^[0-7]{1,3}/.exec(literal.slice(i))
        if (octal) { codes.push(parseInt(octal[0], 8)); i += octal[0].length - 1 }
        else codes.push({ n: 10, r: 13, t: 9, b: 8, f: 12 }[next] ?? next.charCodeAt(0))
      }
      lines.push(decode(codes))
    }
  }
  return lines.join('\n')
}

/** A call from the signed-in page, with the CSRF token as the app sends it. */
async function pageCall(page, method, path, body) {
  return page.evaluate(async ([m, p, b]) => {
    const xsrf = decodeURIComponent((document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN=')) ?? '=').split('=')[1])
    const response = await fetch(p, { method: m, headers: { 'X-Requested-With': 'XMLHttpRequest', 'X-XSRF-TOKEN': xsrf, 'Content-Type': 'application/json' }, body: b ? JSON.stringify(b) : undefined })
    return { status: response.status, body: response.status === 204 ? null : await response.json().catch(() => null) }
  }, [method, path, body])
}

const email = `e2e-${randomUUID().slice(0, 8)}@aigenda.test`
const password = 'e2e-password-123'
const organisation = await adminCall('POST', '/api/v1/admin/organisations', { name: `E2E ${randomUUID()}` })
await adminCall('POST', `/api/v1/admin/organisations/${organisation.id}/users`, { email, password, role: 'ADMIN' })

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
})
let failed = false
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US', acceptDownloads: true })
  const page = await context.newPage()
  page.on('pageerror', (error) => console.log(`  page error: ${error.message}`))

  // sign in
  await page.goto(base + '/')
  await accessibility(page, 'sign-in')
  await page.getByLabel('E-mail').fill(email)
  await page.getByLabel('Password').fill('wrong-password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  check((await page.getByRole('alert').textContent()) === 'Wrong e-mail or password', 'a wrong password is refused')
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('heading', { name: 'Meetings' }).waitFor()
  check(page.url().endsWith('/meetings'), 'signing in opens the meetings list')
  const cookies = await context.cookies()
  const session = cookies.find((c) => c.name === 'JSESSIONID')
  check(session?.httpOnly === true && session.sameSite === 'Lax', 'the session cookie is HttpOnly and SameSite=Lax')
  await accessibility(page, 'meetings list')

  // a rejected upload leaves nothing behind: checked in the browser before any meeting exists,
  // and a meeting whose only upload the server refused is removed
  await page.getByRole('link', { name: 'Upload', exact: true }).first().click()
  await page.getByRole('heading', { name: 'Upload' }).waitFor()
  await accessibility(page, 'upload')
  await page.getByTestId('file').setInputFiles({ name: 'notes.wav', mimeType: 'audio/wav', buffer: Buffer.from('These are meeting notes, not a recording.\n'.repeat(20)) })
  check((await page.getByRole('alert').textContent()).includes('is not an audio or video recording'), 'a text file named .wav is refused in the browser')
  await page.getByTestId('file').setInputFiles({ name: 'empty.wav', mimeType: 'audio/wav', buffer: Buffer.alloc(0) })
  await page.getByRole('alert').filter({ hasText: 'is empty' }).waitFor()
  const orphan = await pageCall(page, 'POST', '/api/v1/meetings', { title: 'Refused by the server', language: 'en' })
  const refusedPlan = await pageCall(page, 'POST', `/api/v1/meetings/${orphan.body.id}/uploads`, { filename: 'empty.wav', sizeBytes: 0 })
  check(refusedPlan.status === 400 && (await pageCall(page, 'GET', `/api/v1/meetings/${orphan.body.id}`)).status === 404, 'the server removes a meeting whose only upload it refused')
  check((await pageCall(page, 'GET', '/api/v1/meetings')).body.totalItems === 0 && !(await page.getByText('Unfinished uploads').isVisible()), 'rejected uploads leave no meeting and no unfinished upload behind')

  // upload, slowed down so that progress, speed and remaining time can be seen
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 48 * 1024 })
  await page.getByTestId('file').setInputFiles(sample)
  await page.getByLabel('Meeting title').fill('Two people on a call')
  await page.getByLabel('Spoken language').selectOption('en')
  await page.getByRole('button', { name: 'Upload', exact: true }).last().click()
  const bar = page.locator('progress.bar')
  await page.waitForFunction(() => {
    const p = document.querySelector('progress.bar')
    return p !== null && Number(p.getAttribute('value')) >= 15
  }, null, { timeout: 60_000 })
  await page.waitForFunction(() => /\/s · /.test(document.querySelector('[data-testid=upload-stats]')?.textContent ?? ''), null, { timeout: 30_000 })
  const stats = await page.getByTestId('upload-stats').textContent()
  check(/\d+% · .* Speed: [\d.]+ KB\/s · Remaining: \d+:\d\d/.test(stats), `progress shows speed and remaining time (${stats})`)
  await page.screenshot({ path: `${shots}/upload-in-progress-1366.png` })
  const firstPercent = Number(await bar.getAttribute('value'))

  // a reload in the middle: the same file continues the same upload
  await page.reload()
  await page.getByText('Unfinished uploads').waitFor()
  check(await page.getByText('sample.wav').isVisible(), 'after a reload the unfinished upload is listed')
  await page.setViewportSize({ width: 390, height: 844 })
  await page.getByTestId('file').setInputFiles(sample)
  check((await page.getByLabel('Meeting title').inputValue()) === 'Two people on a call', 'choosing the same file again picks up its upload')
  await page.getByRole('button', { name: 'Upload', exact: true }).last().click()
  await page.waitForFunction(() => Number(document.querySelector('progress.bar')?.getAttribute('value') ?? 0) >= 5, null, { timeout: 60_000 })
  await page.screenshot({ path: `${shots}/upload-in-progress-phone.png` })
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 })
  await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/, { timeout: 60_000 })
  await page.setViewportSize({ width: 1366, height: 768 })
  const meetingId = page.url().split('/').pop()
  console.log(`  meeting ${meetingId} (first attempt reached ${firstPercent}%)`)
  const listed = await page.evaluate(async () => (await (await fetch('/api/v1/meetings?q=Two%20people', { headers: { 'X-Requested-With': 'XMLHttpRequest' } })).json()).items.length)
  check(listed === 1, 'the resumed upload made no second meeting')

  // live progress until the end
  const steps = page.getByTestId('steps')
  if (await steps.isVisible().catch(() => false)) {
    await page.screenshot({ path: `${shots}/meeting-processing-1366.png` })
    console.log('  pipeline progress seen live')
  }
  await page.getByTestId('meeting-state').filter({ hasText: 'Ready' }).waitFor({ timeout: 600_000 })
  check(true, 'the meeting page follows the pipeline to the end through server-sent events')

  // two speakers, colours and names
  await page.getByTestId('transcript').waitFor()
  const speakerRows = page.locator('[data-testid=speakers] li')
  check((await speakerRows.count()) === 2, 'two speakers are shown')
  const chips = await page.locator('.speaker-chip').evaluateAll((els) => [...new Set(els.map((e) => e.textContent + '|' + getComputedStyle(e).backgroundColor))])
  check(chips.length === 2, `each speaker has a colour of its own (${chips.join(', ')})`)

  // name a speaker: the name shows in the transcript and the exports
  const first = speakerRows.first()
  const firstLabel = (await first.getAttribute('data-testid')).replace('speaker-', '')
  await first.getByRole('button', { name: /^Actions for / }).click()
  await page.getByRole('menuitem', { name: 'Rename' }).click()
  await first.getByRole('textbox').fill('Alice')
  await first.getByRole('button', { name: 'Save' }).click()
  await page.locator('.speaker-chip', { hasText: 'Alice' }).first().waitFor()
  check((await page.locator('.speaker-chip', { hasText: 'Alice' }).first().getAttribute('data-speaker')) === firstLabel, `renaming ${firstLabel} shows Alice on its turns`)

  // give the last turn to the other speaker
  const speakerCounts = async () => Object.fromEntries((await page.evaluate(async (id) => (await (await fetch(`/api/v1/meetings/${id}/speakers`, { headers: { 'X-Requested-With': 'XMLHttpRequest' } })).json()), meetingId)).map((s) => [s.label, s.wordCount]))
  const wordsBefore = await speakerCounts()
  const lastTurn = page.locator('.turn').last()
  const from = await lastTurn.locator('.speaker-chip').getAttribute('data-speaker')
  const moved = await lastTurn.locator('.word').count()
  const to = Object.keys(wordsBefore).find((label) => label !== from)
  await lastTurn.locator('p').click({ button: 'right' })
  await page.getByRole('menuitem', { name: /^Give to / }).first().click()
  await page.waitForFunction(([label]) => document.querySelector('.turn:last-child .speaker-chip')?.getAttribute('data-speaker') === label, [to], { timeout: 15_000 })
  const wordsAfter = await speakerCounts()
  check(wordsAfter[to] === wordsBefore[to] + moved && wordsAfter[from] === wordsBefore[from] - moved, `reassigning the last turn moves its ${moved} words from ${from} to ${to}`)

  // click a word: the player jumps there
  const player = page.getByTestId('player')
  await page.waitForFunction(() => document.querySelector('[data-testid=player]').readyState >= 1, null, { timeout: 30_000 })
  const word = page.locator('.word').nth(12)
  const start = Number(await word.getAttribute('data-start'))
  await word.click()
  const time = await player.evaluate((a) => a.currentTime)
  check(Math.abs(time - start) < 0.05, `clicking a word seeks the player to it (${start} s -> ${time} s)`)
  await page.waitForFunction(() => document.querySelector('.word.current') !== null)
  check((await page.locator('.word.current').getAttribute('data-start')) === String(start), 'the clicked word is highlighted')
  await page.evaluate(() => document.activeElement?.blur())
  await page.locator('body').press('l')
  const later = await player.evaluate((a) => a.currentTime)
  check(Math.abs(later - Math.min(start + 10, await player.evaluate((a) => a.duration))) < 0.05, `L jumps 10 s ahead (${later} s)`)
  await page.locator('body').press('ArrowLeft')
  check(Math.abs((await player.evaluate((a) => a.currentTime)) - (later - 5)) < 0.05, 'the left arrow goes back 5 s')
  await page.locator('body').press(' ')
  await page.waitForFunction(() => !document.querySelector('[data-testid=player]').paused, null, { timeout: 10_000 })
  check(true, 'space starts playback')
  await page.locator('body').press('k')
  check(await player.evaluate((a) => a.paused), 'K pauses')
  // the speed menu and the < > keys
  await page.getByTestId('speed').selectOption('1.5')
  check((await player.evaluate((a) => a.playbackRate)) === 1.5, 'the speed menu plays at 1.5x')
  await page.evaluate(() => document.activeElement?.blur())
  await page.locator('body').press('>')
  check((await player.evaluate((a) => a.playbackRate)) === 1.75, '> plays faster (1.75x)')
  await page.getByTestId('speed').selectOption('1')

  // the speaker timeline seeks where it is clicked
  const duration = await player.evaluate((a) => a.duration)
  const lane = page.locator('.lane-track').first()
  const box = await lane.boundingBox()
  await lane.click({ position: { x: box.width * 0.75, y: box.height / 2 } })
  const onTimeline = await player.evaluate((a) => a.currentTime)
  check(Math.abs(onTimeline - duration * 0.75) < duration * 0.02, `a click at 3/4 of the timeline seeks to ${onTimeline.toFixed(1)} s of ${duration.toFixed(1)} s`)

  // the transcript follows playback: the current word stays on screen below the sticky player
  await page.evaluate(() => window.scrollTo(0, 0))
  await player.evaluate((a) => { a.currentTime = a.duration * 0.7 })
  await page.getByTestId('play').click()
  await page.waitForTimeout(1500)
  const inView = async () => page.evaluate(() => {
    const current = document.querySelector('.word.current')?.getBoundingClientRect()
    const playerBox = document.querySelector('.player-bar').getBoundingClientRect()
    return current !== undefined && current.top >= playerBox.bottom && current.bottom <= window.innerHeight
  })
  check(await inView(), 'while playing, the current word is scrolled into view below the player')
  await page.screenshot({ path: `${shots}/meeting-playing-1366.png` })
  await page.mouse.move(400, 600)
  await page.mouse.wheel(0, -3000)
  await page.getByTestId('back-to-now').waitFor()
  check((await page.getByTestId('follow').getAttribute('aria-pressed')) === 'false', 'scrolling away turns following off and offers "back to now"')
  await page.getByTestId('back-to-now').click()
  await page.waitForFunction(() => document.querySelector('[data-testid=back-to-now]') === null)
  await page.waitForTimeout(500)
  check(await inView(), '"back to now" brings the current word back into view')
  await page.getByTestId('play').click()
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: `${shots}/meeting-playing-1366-dark.png` })
  await page.emulateMedia({ colorScheme: 'light' })

  await word.click()
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: `${shots}/meeting-1366.png` })
  await accessibility(page, 'meeting')
  await page.evaluate(() => document.activeElement?.blur())
  await page.locator('body').press('?')
  await page.getByTestId('shortcuts').waitFor()
  check(await page.getByTestId('shortcuts').getByText('Play or pause').isVisible(), '"?" opens the keyboard shortcuts')
  await page.keyboard.press('Escape')
  await page.getByTestId('shortcuts').waitFor({ state: 'detached' })

  // a flagged word: suggestions on click, accept one (or confirm it as heard)
  const doubtful = page.locator('.word.doubtful').first()
  check((await page.locator('.word.doubtful').count()) > 0, 'doubtful words are underlined')
  const flaggedIndex = await doubtful.getAttribute('data-index')
  const heard = await doubtful.textContent()
  await doubtful.click()
  const review = page.getByTestId('word-review')
  await review.getByRole('heading').filter({ hasText: heard }).waitFor()
  const offered = review.locator('.suggestions button')
  let chosen = heard
  if ((await offered.count()) > 0) {
    chosen = await offered.first().textContent()
    await offered.first().click()
  } else {
    await review.getByRole('button', { name: 'Correct as heard' }).click()
  }
  await review.waitFor({ state: 'detached' })
  const fixed = page.locator(`.word[data-index="${flaggedIndex}"]`)
  await page.waitForFunction((i) => !document.querySelector(`.word[data-index="${i}"]`).classList.contains('doubtful'), flaggedIndex)
  check((await fixed.textContent()) === chosen, `the flagged word "${heard}" is now "${chosen}" and no longer underlined`)
  const versions = await page.evaluate(async ([id, i]) => (await (await fetch(`/api/v1/meetings/${id}/words/${i}/history`, { headers: { 'X-Requested-With': 'XMLHttpRequest' } })).json()), [meetingId, flaggedIndex])
  check(versions.length === 1 && versions[0].before === heard && versions[0].after === chosen, 'the correction is stored as a version')

  // minutes: tick an action item off, undo a change, save
  const minutes = page.getByTestId('minutes')
  await minutes.scrollIntoViewIfNeeded()
  const items = minutes.locator('.action-items li')
  if ((await items.count()) === 0) await minutes.getByRole('button', { name: 'Add an action item' }).click()
  await items.first().getByRole('checkbox').check()
  const summary = minutes.locator('#summary')
  const originalSummary = await summary.inputValue()
  await summary.fill(originalSummary + ' Extra words.')
  await minutes.getByRole('button', { name: 'Undo' }).click()
  check((await summary.inputValue()) === originalSummary, 'undo restores the summary')
  check(await items.first().getByRole('checkbox').isChecked(), 'undo keeps the earlier edit')
  await minutes.getByRole('button', { name: 'Save' }).click()
  await minutes.getByRole('button', { name: 'Saved' }).waitFor()
  const stored = await page.evaluate(async (id) => (await (await fetch(`/api/v1/meetings/${id}/minutes`, { headers: { 'X-Requested-With': 'XMLHttpRequest' } })).json()), meetingId)
  check(stored.actionItems[0].done === true && stored.summary === originalSummary, 'the edited minutes are stored')
  await minutes.screenshot({ path: `${shots}/minutes-1366.png` })
  await page.screenshot({ path: `${shots}/minutes-page-1366.png` })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: `${shots}/minutes-page-1366-dark.png` })
  await page.emulateMedia({ colorScheme: 'light' })

  // leaving with unsaved edits asks first
  await summary.fill(originalSummary + ' Not saved yet.')
  let asked = null
  page.once('dialog', (dialog) => { asked = dialog.message(); void dialog.dismiss() })
  await page.getByRole('link', { name: 'All meetings' }).click()
  await page.waitForTimeout(300)
  check(asked?.includes('without saving') && page.url().endsWith(meetingId), `leaving with unsaved minutes asks first ("${asked}") and stays when declined`)
  await minutes.getByRole('button', { name: 'Undo' }).click()
  check((await summary.inputValue()) === originalSummary, 'undo takes the unsaved edit back')

  // exports
  const exportAs = async (format) => {
    await page.getByTestId('export').click()
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${format}`).click()])
    return file
  }
  const download = await exportAs('srt')
  const srt = readFileSync(await download.path(), 'utf8')
  check(/^1\n\d\d:\d\d:\d\d,\d{3} --> \d\d:\d\d:\d\d,\d{3}\n\[[^\]]+\] \S+/.test(srt), 'the SRT export has numbered cues with times and speakers')
  check(srt.includes('[Alice] '), 'the SRT export names the renamed speaker')
  check(download.suggestedFilename() === 'two-people-on-a-call.srt', `the SRT file is named after the meeting (${download.suggestedFilename()})`)
  const docx = await exportAs('docx')
  check(readFileSync(await docx.path()).subarray(0, 2).toString() === 'PK', 'the DOCX export is a Word package')
  const pdf = readFileSync(await (await exportAs('pdf')).path())
  const pdfWords = pdfText(pdf)
  const firstWords = (await pageCall(page, 'GET', `/api/v1/meetings/${meetingId}/transcript`)).body.words.slice(0, 3).map((w) => w.display ?? w.text)
  if (!pdfWords.includes('Two people on a call')) console.log(`  PDF text: ${pdfWords.slice(0, 400)}`)
  check(pdf.subarray(0, 5).toString() === '%PDF-' && pdfWords.includes('Two people on a call') && pdfWords.includes('Alice') && firstWords.every((w) => pdfWords.includes(w)),
    `the PDF export holds the title, the renamed speaker and the transcript as text (${pdfWords.length} characters)`)

  // a read-only share link opens without an account, until it is revoked
  await page.getByTestId('share').click()
  await page.getByTestId('create-share').click()
  const shareUrl = await page.getByTestId('share-url').inputValue()
  check(/\/shared\/shr_[\w-]{40,}$/.test(shareUrl), 'a share link is created')
  await accessibility(page, 'share dialog')
  const stranger = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US' })
  check((await stranger.cookies()).length === 0, 'the share link is opened in a fresh context without cookies')
  const visitor = await stranger.newPage()
  await visitor.goto(shareUrl)
  await visitor.getByTestId('shared-meeting').waitFor()
  check((await visitor.getByRole('heading', { level: 1 }).textContent()) === 'Two people on a call' && (await visitor.locator('.word').count()) > 10, 'the share view shows the meeting and its transcript')
  check((await visitor.getByTestId('minutes').count()) === 1 && (await visitor.getByRole('textbox').count()) === 0, 'the share view shows the minutes, read-only')
  await visitor.waitForFunction(() => document.querySelector('[data-testid=player]').readyState >= 1, null, { timeout: 30_000 })
  await visitor.locator('.word').nth(20).click()
  await visitor.screenshot({ path: `${shots}/share-1366.png` })
  await visitor.emulateMedia({ colorScheme: 'dark' })
  await visitor.screenshot({ path: `${shots}/share-1366-dark.png` })
  await accessibility(visitor, 'share view')
  await visitor.setViewportSize({ width: 390, height: 844 })
  await visitor.screenshot({ path: `${shots}/share-phone.png` })
  await visitor.emulateMedia({ colorScheme: 'dark' })
  await visitor.screenshot({ path: `${shots}/share-phone-dark.png` })
  await visitor.emulateMedia({ colorScheme: 'light' })
  await page.getByTestId('revoke-share').click()
  await page.getByText('revoked').waitFor()
  await visitor.reload()
  await visitor.getByTestId('share-gone').waitFor()
  check(true, 'after it is revoked the share link is refused')
  await stranger.close()
  await page.keyboard.press('Escape')

  // phone width: tabs for the transcript, the minutes and questions under a sticky player
  await page.setViewportSize({ width: 390, height: 844 })
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.getByTestId('tab-transcript').click()
  await player.evaluate((a) => { a.currentTime = a.duration / 2 })
  await page.getByTestId('play').click()
  await page.waitForTimeout(1200)
  await page.screenshot({ path: `${shots}/meeting-phone.png` })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: `${shots}/meeting-phone-dark.png` })
  await page.emulateMedia({ colorScheme: 'light' })
  await page.getByTestId('play').click()
  const headerHeight = await page.evaluate(() => document.querySelector('header.top').getBoundingClientRect().height)
  check(headerHeight <= 64, `the header is compact on a phone (${headerHeight}px)`)
  await page.getByTestId('tab-minutes').click()
  check(await minutes.isVisible() && !(await page.getByTestId('transcript').isVisible()), 'the Minutes tab shows the minutes instead of the transcript')
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: `${shots}/minutes-phone.png` })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: `${shots}/minutes-phone-dark.png` })
  await page.emulateMedia({ colorScheme: 'light' })
  await accessibility(page, 'meeting on a phone')
  await page.getByTestId('tab-ask').click()
  check(await page.getByTestId('ask').isVisible(), 'the Ask tab shows the question box')
  check(await page.getByTestId('player-bar').isVisible(), 'the player stays on a phone')
  await page.getByTestId('tab-transcript').click()
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  check(overflow <= 0, `nothing is wider than a phone screen (overflow ${overflow}px)`)
  await page.setViewportSize({ width: 1366, height: 768 })

  // Russian, remembered across a reload
  await page.getByTestId('language').selectOption('ru')
  await page.getByRole('heading', { name: 'Расшифровка' }).waitFor()
  check(await page.getByRole('link', { name: 'Встречи' }).first().isVisible(), 'the interface switches to Russian')
  await page.reload()
  await page.getByRole('heading', { name: 'Протокол' }).waitFor()
  check((await page.getByTestId('meeting-state').textContent()) === 'Готово', 'Russian is remembered after a reload')
  await page.getByRole('link', { name: 'Встречи' }).first().click()
  await page.getByRole('searchbox').fill('people')
  await page.getByRole('link', { name: 'Two people on a call' }).waitFor()
  check(true, 'the meetings list finds the meeting by title')
  await page.screenshot({ path: `${shots}/meetings-ru-1366.png` })

  // meetings list: rename and delete (after confirmation), filters, a 404 page inside the app
  await page.getByTestId('language').selectOption('en')
  const scratch = await pageCall(page, 'POST', '/api/v1/meetings', { title: 'Scratch meeting', language: 'en' })
  await page.getByRole('link', { name: 'Meetings', exact: true }).first().click()
  await page.getByTestId('filter-q').fill('')
  const row = page.getByTestId('meeting-row').filter({ hasText: 'Scratch meeting' })
  await row.getByRole('button', { name: /^Actions for / }).click()
  await page.getByRole('menuitem', { name: 'Rename' }).click()
  await page.getByTestId('rename-input').fill('Scratch renamed')
  await page.locator('.inline-rename').getByRole('button', { name: 'Save' }).click()
  await page.getByRole('link', { name: 'Scratch renamed' }).waitFor()
  check((await pageCall(page, 'GET', `/api/v1/meetings/${scratch.body.id}`)).body.title === 'Scratch renamed', 'a meeting is renamed from the list')
  await page.screenshot({ path: `${shots}/meetings-1366.png` })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: `${shots}/meetings-1366-dark.png` })
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize({ width: 390, height: 844 })
  await page.screenshot({ path: `${shots}/meetings-phone.png` })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: `${shots}/meetings-phone-dark.png` })
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize({ width: 1366, height: 768 })
  const renamedRow = page.getByTestId('meeting-row').filter({ hasText: 'Scratch renamed' })
  await renamedRow.getByRole('button', { name: /^Actions for / }).click()
  await page.getByRole('menuitem', { name: 'Delete' }).click()
  await page.getByTestId('confirm').waitFor()
  await accessibility(page, 'delete confirmation')
  await page.getByTestId('confirm-yes').click()
  await renamedRow.waitFor({ state: 'detached' })
  check((await pageCall(page, 'GET', `/api/v1/meetings/${scratch.body.id}`)).status === 404, 'a meeting is deleted from the list after confirmation')
  await page.getByTestId('filter-state').selectOption('FAILED')
  await page.getByTestId('no-matches').waitFor()
  check(true, 'a filter without matches says so')
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await page.goto(base + '/no/such/page')
  await page.getByTestId('not-found').waitFor()
  check(true, 'an unknown address shows the app\'s own 404 page')
  await accessibility(page, 'not found')
  await page.getByTestId('language').selectOption('ru')

  // API tokens: created, shown once, revoked
  await page.getByRole('link', { name: 'API-токены' }).click()
  await page.getByLabel('Название токена').fill('e2e')
  await page.getByRole('button', { name: 'Создать' }).click()
  const token = await page.getByTestId('new-token').textContent()
  const me = await fetch(base + '/api/v1/me', { headers: { Authorization: `Bearer ${token}` } })
  check(me.status === 200 && (await me.json()).email === email, 'a token created in the web app works for the API')
  await accessibility(page, 'API tokens')
  await page.locator('.tokens li', { hasText: 'e2e' }).getByRole('button', { name: 'Отозвать' }).click()
  await page.locator('.tokens li', { hasText: 'e2e' }).waitFor({ state: 'detached' })
  const revoked = await fetch(base + '/api/v1/me', { headers: { Authorization: `Bearer ${token}` } })
  check(revoked.status === 401, 'a revoked token no longer works')

  // back to English for search, questions, bots and webhooks
  await page.getByTestId('language').selectOption('en')
  const json = async (path) => page.evaluate(async (p) => (await fetch(p, { headers: { 'X-Requested-With': 'XMLHttpRequest' } })).json(), path)

  // search across meetings: a hit names the meeting and opens it where it was said
  const spoken = (await json(`/api/v1/meetings/${meetingId}/transcript`)).words
  const query = spoken.slice(Math.floor(spoken.length / 3), Math.floor(spoken.length / 3) + 4).map((w) => w.text).join(' ')
  for (let tries = 0; tries < 60 && (await json(`/api/v1/search?q=${encodeURIComponent(query)}`)).results.length === 0; tries++) {
    await page.waitForTimeout(1000) // indexing follows the minutes by a moment
  }
  await page.getByRole('link', { name: 'Search', exact: true }).click()
  await page.getByRole('heading', { name: 'Search what was said' }).waitFor()
  await page.getByRole('searchbox').fill(query)
  await page.getByRole('button', { name: 'Search', exact: true }).click()
  const hit = page.locator('[data-testid=hits] li').first()
  await hit.waitFor({ timeout: 30_000 })
  check((await hit.locator('strong').textContent()) === 'Two people on a call', `searching "${query}" finds the processed meeting`)
  const served = (await json(`/api/v1/search?q=${encodeURIComponent(query)}`)).results[0]
  const marks = await hit.locator('mark').count()
  check(served.highlights?.some((h) => h.to > h.from) ? marks > 0 : marks === 0, `a hit marks the words the server matched (${marks} marked, ${served.highlights?.length ?? 'no'} ranges sent)`)
  await page.screenshot({ path: `${shots}/search-1366.png` })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: `${shots}/search-1366-dark.png` })
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize({ width: 390, height: 844 })
  await page.screenshot({ path: `${shots}/search-phone.png` })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: `${shots}/search-phone-dark.png` })
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize({ width: 1366, height: 768 })
  await accessibility(page, 'search')
  const timeLink = hit.locator('a.time')
  const at = Number(new URL(await timeLink.getAttribute('href'), base).searchParams.get('t'))
  await timeLink.click()
  await page.waitForURL(new RegExp(`/meetings/${meetingId}\\?t=`))
  await page.waitForFunction((t) => {
    const a = document.querySelector('[data-testid=player]')
    return a !== null && a.readyState >= 1 && Math.abs(a.currentTime - t) < 0.05
  }, at, { timeout: 30_000 })
  check(true, `a search hit opens the meeting with the player at ${at} s`)

  // ask the meeting: the answer cites it with times that move the player
  await page.getByTestId('tab-ask').click()
  const ask = page.getByTestId('ask')
  await ask.getByPlaceholder('Your question').fill(`What was said about ${query}?`)
  await ask.getByRole('button', { name: 'Ask' }).click()
  await ask.getByTestId('answer').waitFor({ timeout: 30_000 })
  const citations = ask.locator('.citations a.time')
  check((await citations.count()) > 0, 'the answer cites the meeting with times')
  const cited = Number(new URL(await citations.first().getAttribute('href'), base).searchParams.get('t'))
  await citations.first().click()
  check(Math.abs((await page.getByTestId('player').evaluate((a) => a.currentTime)) - cited) < 0.2, `a citation moves the player to ${cited} s`)
  await ask.scrollIntoViewIfNeeded()
  await ask.screenshot({ path: `${shots}/ask-1366.png` })

  // a recorder bot sent to a private address is refused, with the server's reason, and leaves no meeting
  await page.getByRole('link', { name: 'Upload', exact: true }).first().click()
  await page.getByRole('link', { name: 'Or record a call with a bot' }).click()
  await page.getByRole('heading', { name: 'Record a call' }).waitFor()
  await page.getByLabel('Meeting title').fill('Call on the internal network')
  await page.getByLabel('Meeting link').fill('https://10.1.2.3/room')
  await page.getByLabel('At a date and time').check()
  await page.getByLabel('Join at').fill('2030-05-01T09:30')
  await page.getByRole('button', { name: 'Invite the bot' }).click()
  const refusal = await page.getByRole('alert').textContent()
  check(refusal.includes('10.1.2.3') && refusal.includes('Bots join only'), `the bot form shows why the private URL is refused (${refusal})`)
  check((await json('/api/v1/meetings?q=internal%20network')).items.length === 0, 'a refused invitation leaves no meeting behind')
  await page.screenshot({ path: `${shots}/record-call-1366.png` })
  await accessibility(page, 'record a call')

  // webhooks: a private address is refused; a new endpoint shows its secret once
  await page.getByRole('link', { name: 'Webhooks' }).click()
  await page.getByRole('heading', { name: 'Webhooks' }).waitFor()
  await page.getByLabel('Endpoint URL').fill('http://10.0.0.5/hook')
  await page.getByRole('button', { name: 'Add' }).click()
  check((await page.getByRole('alert').textContent()).includes('private or local address'), 'a webhook to a private address is refused')
  await page.getByLabel('Endpoint URL').fill('https://203.0.113.10/aigenda')
  await page.getByRole('button', { name: 'Add' }).click()
  const secret = await page.getByTestId('new-secret').textContent()
  check(/^whsec_[\w-]{40,}$/.test(secret), 'a new webhook endpoint shows its signing secret')
  await page.locator('[data-testid=webhooks] li', { hasText: 'https://203.0.113.10/aigenda' }).waitFor()
  await page.screenshot({ path: `${shots}/webhooks-1366.png` })
  await accessibility(page, 'webhooks')
  await page.reload()
  await page.locator('[data-testid=webhooks] li', { hasText: 'https://203.0.113.10/aigenda' }).waitFor()
  check((await page.getByTestId('new-secret').count()) === 0 && !(await page.content()).includes(secret), 'the secret is not shown again')
  await page.getByTestId('language').selectOption('ru')
  await page.getByRole('heading', { name: 'Вебхуки' }).waitFor()
  check(true, 'the webhooks page speaks Russian')

  // sign out
  await page.getByRole('button', { name: 'Выйти' }).click()
  await page.getByRole('button', { name: 'Войти' }).waitFor()
  const after = await page.evaluate(async () => (await fetch('/api/v1/meetings', { headers: { 'X-Requested-With': 'XMLHttpRequest' } })).status)
  check(after === 401, 'after signing out the API refuses the browser')
} catch (error) {
  failed = true
  console.error(error)
  for (const page of browser.contexts().flatMap((c) => c.pages())) {
    await page.screenshot({ path: `${shots}/failure.png`, fullPage: true }).catch(() => {})
  }
} finally {
  await browser.close()
}
process.exit(failed ? 1 : 0)
