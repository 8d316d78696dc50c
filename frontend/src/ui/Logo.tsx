/** The AiGenda mark: a speech bubble holding a waveform. */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg className="logo" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect x="1" y="1" width="30" height="26" rx="8" fill="currentColor" opacity="0.18" />
      <path d="M8 27 L8 31 L13 27 Z" fill="currentColor" opacity="0.18" />
      <g stroke="currentColor" strokeWidth="2.4" strokeLinecap="round">
        <line x1="8" y1="12" x2="8" y2="16" />
        <line x1="12.5" y1="8" x2="12.5" y2="20" />
        <line x1="17" y1="10" x2="17" y2="18" />
        <line x1="21.5" y1="6.5" x2="21.5" y2="21.5" />
        <line x1="26" y1="11.5" x2="26" y2="16.5" />
      </g>
    </svg>
  )
}
