/** 75.4 -> "1:15"; 3725 -> "1:02:05". */
export function clock(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m)
  return (h > 0 ? `${h}:` : '') + `${mm}:${String(s).padStart(2, '0')}`
}

export function bytes(count: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB']
  let value = count
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(unit === 0 || value >= 100 ? 0 : 1)} ${units[unit]}`
}

const PALETTE = ['#1f6feb', '#c2410c', '#15803d', '#9333ea', '#b91c1c', '#0e7490', '#a16207', '#be185d']

/** A stable colour per speaker label (S0, S1, ...), dark enough for white text. */
export function speakerColour(label: string): string {
  const digits = /\d+/.exec(label)
  let index = digits ? Number(digits[0]) : 0
  if (!digits) for (const ch of label) index = (index * 31 + ch.charCodeAt(0)) >>> 0
  return PALETTE[index % PALETTE.length]
}
