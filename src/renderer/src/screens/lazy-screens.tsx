/**
 * Every screen but the Library loads as its own chunk: the first screen needs none of their code
 * (recorder, voice detection, waveform, charts), so it parses less before its first paint. Right
 * after that paint the chunks are fetched in the background, so switching screens stays immediate.
 */
import { lazy } from 'react';

const loaders = {
  session: () => import('./SessionScreen'),
  review: () => import('./ReviewScreen'),
  progress: () => import('./ProgressScreen'),
  settings: () => import('./SettingsScreen'),
};

export const SessionScreen = lazy(() => loaders.session().then((m) => ({ default: m.SessionScreen })));
export const ReviewScreen = lazy(() => loaders.review().then((m) => ({ default: m.ReviewScreen })));
export const ProgressScreen = lazy(() => loaders.progress().then((m) => ({ default: m.ProgressScreen })));
export const SettingsScreen = lazy(() => loaders.settings().then((m) => ({ default: m.SettingsScreen })));

/**
 * Fetches the other screens' chunks once the first screen has painted its content (`ready`
 * resolves), two frames later and when the browser is idle, so they never compete with it.
 */
export function prefetchScreens(ready: Promise<unknown>): () => void {
  let cancelled = false;
  let cancel = () => {};
  const load = () => {
    if (cancelled) return;
    for (const loader of Object.values(loaders)) void loader().catch(() => undefined);
  };
  const whenIdle = () => {
    if (cancelled) return;
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(load, { timeout: 3000 });
      cancel = () => window.cancelIdleCallback(id);
    } else {
      const timer = setTimeout(load, 300);
      cancel = () => clearTimeout(timer);
    }
  };
  const afterPaint = () => requestAnimationFrame(() => requestAnimationFrame(whenIdle));
  ready.then(afterPaint, afterPaint);
  return () => {
    cancelled = true;
    cancel();
  };
}
