/** Player glyphs the shared icon set does not have. Decorative: the buttons carry the names. */
const paths = {
  play: 'M7 4.8v14.4a.8.8 0 0 0 1.2.7l11.3-7.2a.8.8 0 0 0 0-1.4L8.2 4.1A.8.8 0 0 0 7 4.8z',
  pause: 'M7 4.5h3.2v15H7zM13.8 4.5H17v15h-3.2z',
  back: 'M11 7 6 12l5 5M18 7l-5 5 5 5',
  forward: 'M13 7l5 5-5 5M6 7l5 5-5 5',
  check: 'M5 12.5l4.2 4.2L19 7',
  cross: 'M7 7l10 10M17 7 7 17',
  compare: 'M4 5h6v14H4zM14 5h6v14h-6z',
  list: 'M9 6h11M9 12h11M9 18h11M4.5 6h.01M4.5 12h.01M4.5 18h.01',
  eye: 'M2.5 12s3.5-6.5 9.5-6.5 9.5 6.5 9.5 6.5-3.5 6.5-9.5 6.5S2.5 12 2.5 12zM12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z',
} as const;

export type ReviewIconName = keyof typeof paths;

export function ReviewIcon({ name, size = 16, filled }: { name: ReviewIconName; size?: number; filled?: boolean }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill={filled ? 'currentColor' : 'none'}
      stroke={filled ? 'none' : 'currentColor'}
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={paths[name]} />
    </svg>
  );
}
