/** The app's screens, in sidebar order (Ctrl/Cmd+1..5 follow this order). */
export const screens = [
  { id: 'library', label: 'Library' },
  { id: 'session', label: 'Session' },
  { id: 'review', label: 'Review' },
  { id: 'progress', label: 'Progress' },
  { id: 'settings', label: 'Settings' },
] as const;

export type ScreenId = (typeof screens)[number]['id'];
