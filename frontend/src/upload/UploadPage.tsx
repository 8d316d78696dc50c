import { useEffect, useRef, useState } from 'react'
import { api, type LanguageChoice, type Languages } from '../api'
import { bytes, clock } from '../format'
import { format, useI18n } from '../i18n'
import { Link, navigate } from '../router'
import { checkRecording, discardUpload, fileKey, MAX_UPLOAD_BYTES, pendingUploads, uploadRecording, type UploadProgress } from './uploader'

/** The spoken languages to offer: those this installation can transcribe (all when it does not say). */
export function offeredLanguages(choices: LanguageChoice[] | null): { offer: string[]; missing: LanguageChoice[] } {
  if (choices === null) return { offer: ['en', 'ru'], missing: [] }
  return { offer: choices.filter((c) => c.available).map((c) => c.code), missing: choices.filter((c) => !c.available) }
}

export function UploadPage() {
  const { t } = useI18n()
  const [file, setFile] = useState<File | null>(null)
  const [title, setTitle] = useState('')
  const [language, setLanguage] = useState('auto')
  const [progress, setProgress] = useState<UploadProgress | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [dragging, setDragging] = useState(false)
  const abort = useRef<AbortController | null>(null)
  const [pending, setPending] = useState(() => Object.values(pendingUploads()))
  const [languages, setLanguages] = useState<LanguageChoice[] | null>(null)
  useEffect(() => {
    api<Languages>('GET', '/api/v1/languages')
      .then((found) => setLanguages(Array.isArray(found?.languages) ? found.languages : null))
      .catch(() => setLanguages(null))
  }, [])
  const { offer, missing } = offeredLanguages(languages)
  const names: Record<string, string> = { en: t.english, ru: t.russian }

  // refused in the browser: no meeting is created for a file the server would refuse
  const choose = async (chosen: File | undefined) => {
    if (!chosen) return
    const refusal = await checkRecording(chosen)
    if (refusal) {
      setFile(null)
      setMessage(refusal.reason === 'tooLarge' ? format(t.tooLarge, { limit: bytes(MAX_UPLOAD_BYTES) })
        : format(refusal.reason === 'empty' ? t.emptyFile : t.notAudio, { name: chosen.name }))
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
      setPending(Object.values(pendingUploads()))
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
        onDrop={(e) => { e.preventDefault(); setDragging(false); void choose(e.dataTransfer.files[0]) }}
      >
        <p>{t.dropHere}</p>
        <label className="button">
          {t.chooseFile}
          <input type="file" className="visually-hidden" accept="audio/*,video/*,.wav,.mp3,.m4a,.ogg,.opus,.flac,.webm,.mp4,.mkv,.mov" data-testid="file" onChange={(e) => void choose(e.target.files?.[0])} disabled={progress !== null} />
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
              {offer.map((code) => <option key={code} value={code}>{names[code] ?? code}</option>)}
            </select>
          </label>
          {missing.length > 0 && (
            <p className="hint languages-missing" data-testid="languages-missing">
              {missing.map((m) => <span key={m.code}>{names[m.code] ?? m.code}: {format(t.languageMissing, { fix: m.fix ?? '' })} </span>)}
            </p>
          )}
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
