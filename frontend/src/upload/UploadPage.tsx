import { useRef, useState } from 'react'
import { bytes, clock } from '../format'
import { format, useI18n } from '../i18n'
import { Link, navigate } from '../router'
import { discardUpload, fileKey, pendingUploads, uploadRecording, type UploadProgress } from './uploader'

const MAX_BYTES = 4 * 1024 ** 3

export function UploadPage() {
  const { t } = useI18n()
  const [file, setFile] = useState<File | null>(null)
  const [title, setTitle] = useState('')
  const [language, setLanguage] = useState('auto')
  const [progress, setProgress] = useState<UploadProgress | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [dragging, setDragging] = useState(false)
  const abort = useRef<AbortController | null>(null)
  const pending = Object.values(pendingUploads())

  const choose = (chosen: File | undefined) => {
    if (!chosen) return
    if (chosen.size > MAX_BYTES) {
      setMessage(format(t.tooLarge, { limit: bytes(MAX_BYTES) }))
      return
    }
    setMessage(null)
    setFile(chosen)
    const resumable = pendingUploads()[fileKey(chosen)]
    setTitle(resumable?.title ?? chosen.name.replace(/\.[^.]+$/, ''))
  }

  const start = async () => {
    if (!file) return
    const controller = new AbortController()
    abort.current = controller
    setMessage(null)
    try {
      const meetingId = await uploadRecording({ file, title: title.trim() || file.name, language, signal: controller.signal, onProgress: setProgress })
      navigate(`/meetings/${meetingId}`)
    } catch (error) {
      setProgress(null)
      if (error instanceof DOMException && error.name === 'AbortError') {
        await discardUpload(file)
        setMessage(t.uploadCancelled)
      } else {
        setMessage(error instanceof Error ? error.message : String(error))
      }
    } finally {
      abort.current = null
    }
  }

  const percent = progress ? Math.floor((progress.sentBytes / Math.max(progress.totalBytes, 1)) * 100) : 0
  return (
    <section>
      <h1>{t.upload}</h1>
      {pending.length > 0 && !progress && (
        <div className="notice">
          <p>{t.unfinished}</p>
          <ul>{pending.map((p) => <li key={p.uploadId}>{p.filename} ({bytes(p.sizeBytes)})</li>)}</ul>
        </div>
      )}
      <div
        className={`drop${dragging ? ' dragging' : ''}`}
        onDragOver={(e) => { e.preventDefault(); setDragging(true) }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => { e.preventDefault(); setDragging(false); choose(e.dataTransfer.files[0]) }}
      >
        <p>{t.dropHere}</p>
        <label className="button">
          {t.chooseFile}
          <input type="file" className="visually-hidden" accept="audio/*,video/*,.wav,.mp3,.m4a,.ogg,.opus,.flac,.webm,.mp4,.mkv,.mov" data-testid="file" onChange={(e) => choose(e.target.files?.[0])} disabled={progress !== null} />
        </label>
        {file && <p className="file">{file.name} · {bytes(file.size)}</p>}
      </div>
      {file && !progress && (
        <form className="upload-form" onSubmit={(e) => { e.preventDefault(); void start() }}>
          <label>
            {t.meetingTitle}
            <input required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <label>
            {t.meetingLanguage}
            <select value={language} onChange={(e) => setLanguage(e.target.value)}>
              <option value="auto">{t.auto}</option>
              <option value="en">{t.english}</option>
              <option value="ru">{t.russian}</option>
            </select>
          </label>
          <button type="submit">{t.startUpload}</button>
        </form>
      )}
      {progress && file && (
        <div className="progress-panel">
          <p>{format(t.uploading, { name: file.name })}</p>
          <progress className="bar" max={100} value={percent} aria-label={format(t.uploading, { name: file.name })} />
          <p className="stats" data-testid="upload-stats">
            {percent}% · {bytes(progress.sentBytes)} / {bytes(progress.totalBytes)}
            {' · '}{t.speed}: {progress.bytesPerSecond ? `${bytes(progress.bytesPerSecond)}/s` : '–'}
            {' · '}{t.remaining}: {progress.secondsLeft != null ? clock(progress.secondsLeft) : '–'}
          </p>
          <button type="button" className="secondary" onClick={() => abort.current?.abort()}>{t.cancel}</button>
        </div>
      )}
      {message && <p role="alert" className="error">{message}</p>}
      {!progress && <p><Link href="/record-call">{t.orInviteBot}</Link></p>}
    </section>
  )
}
