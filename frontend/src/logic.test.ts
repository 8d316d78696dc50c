import { describe, expect, it } from 'vitest'
import { minutesBody, reassignBody, type Minutes, type Word } from './api'
import { bytes, clock, speakerColour } from './format'
import { format, initialLanguage } from './i18n'
import * as history from './meeting/history'
import { shortcut } from './meeting/Player'
import { turns, wordAt } from './meeting/transcript'
import { fileKey, RateMeter } from './upload/uploader'

const storage = (value: string | null) => ({ getItem: () => value })
const word = (start: number, end: number, speaker: string, text = 'w'): Word => ({ start, end, text, confidence: 0.9, speaker })

describe('language', () => {
  it('keeps the remembered choice over the browser language', () => {
    expect(initialLanguage(storage('en'), ['ru-RU'])).toBe('en')
  })
  it('follows the browser when nothing is remembered', () => {
    expect(initialLanguage(storage(null), ['de-DE', 'ru-RU', 'en'])).toBe('ru')
    expect(initialLanguage(storage(null), ['fr'])).toBe('en')
  })
  it('fills placeholders and leaves unknown ones', () => {
    expect(format('Page {page} of {pages} {x}', { page: 2, pages: 5 })).toBe('Page 2 of 5 {x}')
  })
})

describe('formatting', () => {
  it('writes times as a clock', () => {
    expect(clock(75.4)).toBe('1:15')
    expect(clock(3725)).toBe('1:02:05')
  })
  it('writes sizes in binary units', () => {
    expect(bytes(960104)).toBe('938 KB')
    expect(bytes(1536)).toBe('1.5 KB')
    expect(bytes(4 * 1024 ** 3)).toBe('4.0 GB')
  })
  it('gives each speaker a colour of its own', () => {
    expect(speakerColour('S0')).not.toBe(speakerColour('S1'))
    expect(speakerColour('S1')).toBe(speakerColour('S1'))
  })
})

describe('transcript', () => {
  const words = [word(0, 0.5, 'S0'), word(0.6, 1, 'S0'), word(1.2, 1.5, 'S1'), word(6, 6.5, 'S1')]
  it('groups consecutive words of a speaker into turns, split at long pauses', () => {
    expect(turns(words).map((t) => [t.speaker, t.first, t.words.length])).toEqual([
      ['S0', 0, 2],
      ['S1', 2, 1],
      ['S1', 3, 1],
    ])
  })
  it('finds the word being spoken', () => {
    expect(wordAt(words, -1)).toBe(-1)
    expect(wordAt(words, 0.55)).toBe(0)
    expect(wordAt(words, 1.2)).toBe(2)
    expect(wordAt(words, 100)).toBe(3)
  })
})

describe('undo history', () => {
  it('goes back one edit at a time and stops at the start', () => {
    let h = history.start('a')
    h = history.change(h, 'b')
    h = history.change(h, 'c')
    h = history.undo(h)
    expect(h.present).toBe('b')
    h = history.undo(history.undo(h))
    expect(h.present).toBe('a')
  })
})

describe('player shortcuts', () => {
  it('maps space, arrows and J/K/L', () => {
    expect(shortcut(' ')).toEqual({ toggle: true })
    expect(shortcut('k')).toEqual({ toggle: true })
    expect(shortcut('j')).toEqual({ seekBy: -10 })
    expect(shortcut('L')).toEqual({ seekBy: 10 })
    expect(shortcut('ArrowLeft')).toEqual({ seekBy: -5 })
    expect(shortcut('x')).toBeNull()
  })
})

describe('upload', () => {
  it('measures speed over the recent window', () => {
    const meter = new RateMeter(5000)
    expect(meter.bytesPerSecond()).toBeNull()
    meter.add(0, 0)
    meter.add(1000, 1_000_000)
    expect(meter.bytesPerSecond()).toBe(1_000_000)
    meter.add(10_000, 2_000_000)
    expect(meter.bytesPerSecond()).toBeCloseTo(1_000_000 / 9)
  })
  it('recognises the same file again after a reload', () => {
    expect(fileKey({ name: 'a.wav', size: 10, lastModified: 5 })).toBe(fileKey(new File(['0123456789'], 'a.wav', { lastModified: 5 })))
  })
})

describe('request bodies', () => {
  it('send only the fields the API takes, as it refuses any other', () => {
    const turn = { start: 1, end: 2, from: 'S1', first: 0, words: [] }
    expect(Object.keys(reassignBody(turn, 'S2')).sort()).toEqual(['end', 'from', 'start', 'to'])
    const grown = {
      language: 'en', engine: 'extractive', summary: 's', warnings: [], editing: true,
      topics: [{ title: 't', start: 0, end: 1, open: true }],
      decisions: [{ text: 'd', start: 0, key: 3 }],
      actionItems: [{ text: 'a', owner: null, done: true, id: 'x' }],
    } as unknown as Minutes
    const body = minutesBody(grown)
    expect(Object.keys(body).sort()).toEqual(['actionItems', 'decisions', 'engine', 'language', 'summary', 'topics', 'warnings'])
    expect(body.topics[0]).toEqual({ title: 't', start: 0, end: 1 })
    expect(body.decisions[0]).toEqual({ text: 'd', start: 0 })
    expect(body.actionItems[0]).toEqual({ text: 'a', owner: null, done: true })
  })
})
