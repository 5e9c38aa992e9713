/** Applies the theme setting to <html data-theme>, following the OS when it is "system". */
import type { Settings } from '@shared/contract';

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

export function resolveTheme(theme: Settings['theme']): 'light' | 'dark' {
  if (theme === 'system') return darkQuery().matches ? 'dark' : 'light';
  return theme;
}

export function applyTheme(theme: Settings['theme']): void {
  const root = document.documentElement;
  root.dataset.theme = resolveTheme(theme);
  root.dataset.themeSetting = theme;
}

/** Re-applies "system" whenever the OS switches; returns the unsubscribe. */
export function followSystemTheme(getTheme: () => Settings['theme']): () => void {
  const query = darkQuery();
  const onChange = () => {
    if (getTheme() === 'system') applyTheme('system');
  };
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}
