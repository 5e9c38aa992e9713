/**
 * Colours for SVG charts, read at runtime from the CSS variables of the current theme (tokens.css and
 * chart-colors.css), and read again whenever <html data-theme> changes, so charts follow light/dark.
 */
import { useSyncExternalStore } from 'react';
import './chart-colors.css';

export type ChartTheme = {
  text: string;
  muted: string;
  grid: string;
  surface: string;
  border: string;
  clarity: string;
  rigor: string;
  speed: string;
  think: string;
  core: string;
  followUps: string;
  overrun: string;
  budget: string;
  metric: string;
};

const variables: Record<keyof ChartTheme, string> = {
  text: '--text',
  muted: '--text-muted',
  grid: '--border',
  surface: '--surface-raised',
  border: '--border-strong',
  clarity: '--chart-clarity',
  rigor: '--chart-rigor',
  speed: '--chart-speed',
  think: '--chart-think',
  core: '--chart-core',
  followUps: '--chart-follow-ups',
  overrun: '--chart-overrun',
  budget: '--chart-budget',
  metric: '--chart-metric',
};

let cached: { key: string; theme: ChartTheme } | null = null;

function read(): ChartTheme {
  const root = document.documentElement;
  const key = root.dataset.theme ?? 'light';
  if (cached?.key === key) return cached.theme;
  const style = getComputedStyle(root);
  const theme = Object.fromEntries(
    Object.entries(variables).map(([name, variable]) => [
      name,
      style.getPropertyValue(variable).trim() || 'currentColor',
    ]),
  ) as ChartTheme;
  cached = { key, theme };
  return theme;
}

function subscribe(listener: () => void): () => void {
  const observer = new MutationObserver(() => {
    cached = null;
    listener();
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

export function useChartTheme(): ChartTheme {
  return useSyncExternalStore(subscribe, read);
}
