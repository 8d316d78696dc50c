import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react'

const en = {
  appName: 'AiGenda',
  tagline: 'Meeting recordings to speaker-attributed transcripts and minutes.',
  signIn: 'Sign in',
  signOut: 'Sign out',
  email: 'E-mail',
  password: 'Password',
  wrongCredentials: 'Wrong e-mail or password',
  meetings: 'Meetings',
  upload: 'Upload',
  apiTokens: 'API tokens',
  language: 'Language',
  organisation: 'Organisation',
  search: 'Search meetings',
  title: 'Title',
  date: 'Date',
  duration: 'Duration',
  speakers: 'Speakers',
  state: 'State',
  noMeetings: 'No meetings yet.',
  previous: 'Previous',
  next: 'Next',
  pageOf: 'Page {page} of {pages}',
  chooseFile: 'Choose a file',
  dropHere: 'Drop a recording here, or',
  meetingTitle: 'Meeting title',
  meetingLanguage: 'Spoken language',
  auto: 'Detect',
  english: 'English',
  russian: 'Russian',
  startUpload: 'Upload',
  cancel: 'Cancel',
  uploading: 'Uploading {name}',
  speed: 'Speed',
  remaining: 'Remaining',
  uploadCancelled: 'Upload cancelled.',
  unfinished: 'Unfinished uploads: choose the same file again to continue where it stopped.',
  tooLarge: 'The file is larger than the limit of {limit}.',
  states: {
    CREATED: 'Waiting for a recording',
    UPLOADING: 'Uploading',
    UPLOADED: 'Queued',
    PROCESSING: 'Processing',
    PROCESSED: 'Ready',
    FAILED: 'Failed',
  } as Record<string, string>,
  steps: {
    TRANSCRIBE: 'Speech recognition',
    DIARIZE: 'Who spoke when',
    WRITE_MINUTES: 'Topics and minutes',
  } as Record<string, string>,
  failed: 'Processing failed: {reason}',
  retry: 'Try again',
  transcript: 'Transcript',
  minutes: 'Minutes',
  summary: 'Summary',
  decisions: 'Decisions',
  actionItems: 'Action items',
  owner: 'Owner',
  due: 'Due',
  done: 'Done',
  undo: 'Undo',
  save: 'Save',
  saved: 'Saved',
  addItem: 'Add an action item',
  remove: 'Remove',
  export: 'Export',
  rename: 'Rename',
  renameSpeaker: 'Name of {label}',
  merge: 'Merge into…',
  reviewWord: 'Review a doubtful word',
  doubtfulWord: '“{word}”: heard with {percent}% confidence',
  suggestions: 'Suggestions',
  correction: 'Correction',
  keepAsHeard: 'Correct as heard',
  close: 'Close',
  reassign: 'Give the turn at {time} to another speaker',
  reassignShort: 'Another speaker…',
  newSpeaker: 'A new speaker',
  player: 'Recording',
  shortcuts: 'Space or K: play/pause · ←/→: 5 s · J/L: 10 s · click a word to jump to it',
  nothing: 'None',
  tokenName: 'Token name',
  create: 'Create',
  revoke: 'Revoke',
  tokenOnce: 'Copy this token now; it is not shown again:',
  lastUsed: 'Last used',
  never: 'never',
  created: 'Created',
  loading: 'Loading…',
  notFound: 'Not found.',
  topics: 'Topics',
  back: 'All meetings',
}

export type Messages = typeof en
export type Lang = 'en' | 'ru'

const ru: Messages = {
  appName: 'AiGenda',
  tagline: 'Записи встреч превращаются в расшифровки по говорящим и протоколы.',
  signIn: 'Войти',
  signOut: 'Выйти',
  email: 'Электронная почта',
  password: 'Пароль',
  wrongCredentials: 'Неверная почта или пароль',
  meetings: 'Встречи',
  upload: 'Загрузка',
  apiTokens: 'API-токены',
  language: 'Язык',
  organisation: 'Организация',
  search: 'Поиск встреч',
  title: 'Название',
  date: 'Дата',
  duration: 'Длительность',
  speakers: 'Говорящие',
  state: 'Состояние',
  noMeetings: 'Встреч пока нет.',
  previous: 'Назад',
  next: 'Вперёд',
  pageOf: 'Страница {page} из {pages}',
  chooseFile: 'Выберите файл',
  dropHere: 'Перетащите запись сюда или',
  meetingTitle: 'Название встречи',
  meetingLanguage: 'Язык речи',
  auto: 'Определить',
  english: 'Английский',
  russian: 'Русский',
  startUpload: 'Загрузить',
  cancel: 'Отменить',
  uploading: 'Загружается {name}',
  speed: 'Скорость',
  remaining: 'Осталось',
  uploadCancelled: 'Загрузка отменена.',
  unfinished: 'Незавершённые загрузки: выберите тот же файл, чтобы продолжить с места остановки.',
  tooLarge: 'Файл больше допустимых {limit}.',
  states: {
    CREATED: 'Ждёт запись',
    UPLOADING: 'Загружается',
    UPLOADED: 'В очереди',
    PROCESSING: 'Обрабатывается',
    PROCESSED: 'Готово',
    FAILED: 'Ошибка',
  },
  steps: {
    TRANSCRIBE: 'Распознавание речи',
    DIARIZE: 'Кто когда говорил',
    WRITE_MINUTES: 'Темы и протокол',
  },
  failed: 'Обработка не удалась: {reason}',
  retry: 'Повторить',
  transcript: 'Расшифровка',
  minutes: 'Протокол',
  summary: 'Краткое содержание',
  decisions: 'Решения',
  actionItems: 'Задачи',
  owner: 'Ответственный',
  due: 'Срок',
  done: 'Готово',
  undo: 'Отменить правку',
  save: 'Сохранить',
  saved: 'Сохранено',
  addItem: 'Добавить задачу',
  remove: 'Удалить',
  export: 'Экспорт',
  rename: 'Переименовать',
  renameSpeaker: 'Имя для {label}',
  merge: 'Объединить с…',
  reviewWord: 'Проверка сомнительного слова',
  doubtfulWord: '«{word}»: распознано с уверенностью {percent}%',
  suggestions: 'Варианты',
  correction: 'Исправление',
  keepAsHeard: 'Верно как есть',
  close: 'Закрыть',
  reassign: 'Передать реплику в {time} другому говорящему',
  reassignShort: 'Другой говорящий…',
  newSpeaker: 'Новый говорящий',
  player: 'Запись',
  shortcuts: 'Пробел или K: пуск/пауза · ←/→: 5 с · J/L: 10 с · щелчок по слову переходит к нему',
  nothing: 'Нет',
  tokenName: 'Название токена',
  create: 'Создать',
  revoke: 'Отозвать',
  tokenOnce: 'Скопируйте токен сейчас, больше он не будет показан:',
  lastUsed: 'Последнее использование',
  never: 'никогда',
  created: 'Создан',
  loading: 'Загрузка…',
  notFound: 'Не найдено.',
  topics: 'Темы',
  back: 'Все встречи',
}

const dictionaries: Record<Lang, Messages> = { en, ru }
const STORAGE_KEY = 'aigenda.lang'

/** The remembered choice, else the browser's first language we speak, else English. */
export function initialLanguage(storage: Pick<Storage, 'getItem'> = localStorage, languages: readonly string[] = navigator.languages): Lang {
  const saved = storage.getItem(STORAGE_KEY)
  if (saved === 'en' || saved === 'ru') return saved
  for (const language of languages) {
    const base = language.toLowerCase().split('-')[0]
    if (base === 'ru' || base === 'en') return base
  }
  return 'en'
}

/** Fills {name} placeholders. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole))
}

type I18n = { lang: Lang; t: Messages; setLang: (lang: Lang) => void }

const I18nContext = createContext<I18n>({ lang: 'en', t: en, setLang: () => {} })

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => initial ?? initialLanguage())
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(STORAGE_KEY, next)
    document.documentElement.lang = next
    setLangState(next)
  }, [])
  const value = useMemo(() => ({ lang, t: dictionaries[lang], setLang }), [lang, setLang])
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  return useContext(I18nContext)
}
