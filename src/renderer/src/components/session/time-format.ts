/** Round clocks: 65_000 → "01:05"; minutes are not wrapped into hours. */
export function formatTimer(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Overrun: 75_000 → "+1:15 over". */
export function formatOver(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `+${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')} over`;
}
