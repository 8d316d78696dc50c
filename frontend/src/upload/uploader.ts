import { ApiError, api } from '../api'

/**
 * Resumable upload of one recording straight to S3 through presigned part URLs. The meeting and
 * upload ids are remembered per file (name, size, modification time), so after a reload choosing
 * the same file again sends only the parts S3 does not have yet.
 */

export type PartUrl = { partNumber: number; url: string }
export type UploadPlan = { uploadId: string; partSizeBytes: number; partCount: number; parts: PartUrl[] }
export type UploadStatus = {
  uploadId: string
  state: string
  sizeBytes: number
  partSizeBytes: number
  partCount: number
  storedParts: { partNumber: number; etag: string; sizeBytes: number | null }[]
  missingParts: PartUrl[]
}
export type Pending = { meetingId: string; uploadId: string; title: string; filename: string; sizeBytes: number; savedAt: number }

export type UploadProgress = { sentBytes: number; totalBytes: number; bytesPerSecond: number | null; secondsLeft: number | null }

const STORE = 'aigenda.uploads'

export function fileKey(file: Pick<File, 'name' | 'size' | 'lastModified'>): string {
  return `${file.name}|${file.size}|${file.lastModified}`
}

export function pendingUploads(storage: Storage = localStorage): Record<string, Pending> {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(STORE) ?? '{}')
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, Pending>) : {}
  } catch {
    return {}
  }
}

function remember(key: string, pending: Pending | null, storage: Storage = localStorage): void {
  const all = pendingUploads(storage)
  if (pending === null) delete all[key]
  else all[key] = pending
  storage.setItem(STORE, JSON.stringify(all))
}

/** Speed over the last few seconds, so the estimate follows the network rather than the start. */
export class RateMeter {
  private readonly samples: { at: number; bytes: number }[] = []
  private readonly windowMs: number
  constructor(windowMs = 5000) {
    this.windowMs = windowMs
  }
  add(at: number, totalBytes: number): void {
    this.samples.push({ at, bytes: totalBytes })
    while (this.samples.length > 2 && at - this.samples[0].at > this.windowMs) this.samples.shift()
  }
  bytesPerSecond(): number | null {
    if (this.samples.length < 2) return null
    const first = this.samples[0]
    const last = this.samples[this.samples.length - 1]
    const seconds = (last.at - first.at) / 1000
    return seconds > 0.2 ? (last.bytes - first.bytes) / seconds : null
  }
}

/** PUT one part with XMLHttpRequest, the only browser API that reports upload progress. */
function putPart(url: string, body: Blob, onProgress: (loaded: number) => void, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('PUT', url)
    xhr.upload.onprogress = (event) => onProgress(event.loaded)
    xhr.onload = () => {
      const etag = xhr.getResponseHeader('ETag')
      if (xhr.status >= 200 && xhr.status < 300 && etag) resolve(etag)
      else reject(new Error(`Part upload failed (HTTP ${xhr.status})`))
    }
    xhr.onerror = () => reject(new Error('Network error while uploading'))
    xhr.onabort = () => reject(new DOMException('Cancelled', 'AbortError'))
    signal.addEventListener('abort', () => xhr.abort(), { once: true })
    xhr.send(body)
  })
}

export type UploadOptions = {
  file: File
  title: string
  language: string
  onProgress: (progress: UploadProgress) => void
  onStarted?: (meetingId: string) => void
  signal: AbortSignal
  now?: () => number
  parallel?: number
}

/** Uploads (or resumes) the file and returns the meeting id once S3 has every part. */
export async function uploadRecording(options: UploadOptions): Promise<string> {
  const { file, signal, onProgress } = options
  const now = options.now ?? (() => performance.now())
  const key = fileKey(file)
  let pending: Pending | undefined = pendingUploads()[key]
  let partSize: number
  let partCount: number
  let todo: PartUrl[]
  const etags = new Map<number, string>()
  let stored = 0

  if (pending) {
    try {
      const status = await api<UploadStatus>('GET', `/api/v1/meetings/${pending.meetingId}/uploads/${pending.uploadId}`)
      if (status.state !== 'OPEN') throw new Error('finished')
      partSize = status.partSizeBytes
      partCount = status.partCount
      todo = status.missingParts
      for (const part of status.storedParts) {
        etags.set(part.partNumber, part.etag)
        stored += part.sizeBytes ?? Math.min(partSize, file.size - (part.partNumber - 1) * partSize)
      }
    } catch {
      remember(key, null)
      pending = undefined
    }
  }
  if (!pending) {
    const meeting = await api<{ id: string }>('POST', '/api/v1/meetings', { title: options.title, language: options.language })
    const plan = await api<UploadPlan>('POST', `/api/v1/meetings/${meeting.id}/uploads`, {
      filename: file.name,
      sizeBytes: file.size,
      contentType: file.type || 'application/octet-stream',
    })
    pending = { meetingId: meeting.id, uploadId: plan.uploadId, title: options.title, filename: file.name, sizeBytes: file.size, savedAt: Date.now() }
    remember(key, pending)
    partSize = plan.partSizeBytes
    partCount = plan.partCount
    todo = plan.parts
  }
  const { meetingId, uploadId } = pending
  options.onStarted?.(meetingId)

  const meter = new RateMeter()
  const inFlight = new Map<number, number>()
  let done = stored
  const report = () => {
    const sent = done + [...inFlight.values()].reduce((a, b) => a + b, 0)
    meter.add(now(), sent)
    const rate = meter.bytesPerSecond()
    onProgress({ sentBytes: sent, totalBytes: file.size, bytesPerSecond: rate, secondsLeft: rate ? (file.size - sent) / rate : null })
  }
  report()

  const queue = [...todo!].sort((a, b) => a.partNumber - b.partNumber)
  const worker = async () => {
    for (let part = queue.shift(); part; part = queue.shift()) {
      const start = (part.partNumber - 1) * partSize!
      const blob = file.slice(start, Math.min(start + partSize!, file.size))
      const number = part.partNumber
      const etag = await putPart(part.url, blob, (loaded) => {
        inFlight.set(number, loaded)
        report()
      }, signal)
      inFlight.delete(number)
      etags.set(number, etag)
      done += blob.size
      report()
    }
  }
  await Promise.all(Array.from({ length: Math.min(options.parallel ?? 3, Math.max(queue.length, 1)) }, worker))
  if (etags.size !== partCount!) throw new Error('Some parts are missing')
  try {
    await api('POST', `/api/v1/meetings/${meetingId}/uploads/${uploadId}/complete`, {
      parts: [...etags.entries()].sort((a, b) => a[0] - b[0]).map(([partNumber, etag]) => ({ partNumber, etag })),
    })
  } catch (error) {
    // a refused recording is gone for good, and the server removed its meeting
    if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 409) remember(key, null)
    throw error
  }
  remember(key, null)
  return meetingId
}

export const MAX_UPLOAD_BYTES = 4 * 1024 ** 3

export type Refusal = { reason: 'empty' | 'tooLarge' | 'notAudio' }

/**
 * What the server would refuse, found in the browser before any meeting is created: an empty
 * file, one over the size limit, or one whose first bytes are no audio or video container the
 * server reads (the same signatures it sniffs).
 */
export async function checkRecording(file: Blob, maxBytes = MAX_UPLOAD_BYTES): Promise<Refusal | null> {
  if (file.size === 0) return { reason: 'empty' }
  if (file.size > maxBytes) return { reason: 'tooLarge' }
  const head = new Uint8Array(await readHead(file.slice(0, 16)))
  return isMedia(head) ? null : { reason: 'notAudio' }
}

function readHead(blob: Blob): Promise<ArrayBuffer> {
  if (typeof blob.arrayBuffer === 'function') return blob.arrayBuffer()
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(reader.result as ArrayBuffer)
    reader.onerror = () => reject(reader.error)
    reader.readAsArrayBuffer(blob)
  })
}

export function isMedia(head: Uint8Array): boolean {
  const ascii = (offset: number, text: string) => [...text].every((c, i) => head[offset + i] === c.charCodeAt(0))
  if ((ascii(0, 'RIFF') || ascii(0, 'RF64')) && ascii(8, 'WAVE')) return true
  if (ascii(0, 'fLaC') || ascii(0, 'ID3') || ascii(0, 'OggS') || ascii(0, '#!AMR') || ascii(0, 'caff')) return true
  if (ascii(4, 'ftyp') || ascii(4, 'moov') || ascii(4, 'mdat') || ascii(4, 'wide')) return true
  if (ascii(0, 'FORM') && (ascii(8, 'AIFF') || ascii(8, 'AIFC'))) return true
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return true // Matroska, WebM
  if (head[0] === 0x30 && head[1] === 0x26 && head[2] === 0xb2 && head[3] === 0x75) return true // ASF (WMA, WMV)
  if (head[0] === 0xff && (head[1] & 0xe0) === 0xe0) return true // an MPEG audio frame (MP3, AAC in ADTS)
  return false
}

/** Stops for good: S3 drops the parts and the meeting goes too. */
export async function discardUpload(file: Pick<File, 'name' | 'size' | 'lastModified'>): Promise<void> {
  const key = fileKey(file)
  const pending = pendingUploads()[key]
  remember(key, null)
  if (!pending) return
  await api('DELETE', `/api/v1/meetings/${pending.meetingId}/uploads/${pending.uploadId}`).catch(() => undefined)
  await api('DELETE', `/api/v1/meetings/${pending.meetingId}`).catch(() => undefined)
}
