/**
 * Every screen but the Library loads as its own chunk: the first screen needs none of their code
 * (recorder, voice detection, waveform, charts), so it parses less before its first paint. Right
 * after that paint the chunks are fetched in the background, so switching screens stays immediate.
 *
 * A screen whose chunk has arrived renders directly, not through React.lazy: lazy suspends on
 * its first render even when the import has long resolved, and React 19 holds back the reveal of
 * suspended content for up to 300 ms (its fallback throttle), so every first visit to a screen
 * would wait that long for nothing.
 */
import { createElement, lazy, type ComponentType } from 'react';

type Screen<P> = { Component: ComponentType<P>; load: () => Promise<ComponentType<P>> };

function lazyScreen<P extends object>(importScreen: () => Promise<ComponentType<P>>): Screen<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const load = () => {
    loading ??= importScreen().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = null; // a failed fetch (a rebuilt app, a lost server) is tried again next time
        throw error;
      },
    );
    return loading;
  };
  const Suspending = lazy(() => load().then((component) => ({ default: component })));
  function LazyScreen(props: P) {
    return loaded ? createElement(loaded, props) : createElement(Suspending, props);
  }
  return { Component: LazyScreen, load };
}

const screens = {
  session: lazyScreen(() => import('./SessionScreen').then((m) => m.SessionScreen)),
  review: lazyScreen(() => import('./ReviewScreen').then((m) => m.ReviewScreen)),
  progress: lazyScreen(() => import('./ProgressScreen').then((m) => m.ProgressScreen)),
  settings: lazyScreen(() => import('./SettingsScreen').then((m) => m.SettingsScreen)),
};

export const SessionScreen = screens.session.Component;
export const ReviewScreen = screens.review.Component;
export const ProgressScreen = screens.progress.Component;
export const SettingsScreen = screens.settings.Component;

/**
 * How long after the first screen painted its content the other screens' code starts loading.
 * Evaluating it (about 600 kB: recorder, charts, waveform) holds the main thread for a quarter of
 * a second on a slow machine; right after the Library appears is when its list is first clicked.
 */
const PREFETCH_DELAY_MS = 1000;

/**
 * Fetches the other screens' chunks once the first screen has painted its content (`ready`
 * resolves), PREFETCH_DELAY_MS later and when the browser is idle, so they never compete with it.
 */
export function prefetchScreens(ready: Promise<unknown>): () => void {
  let cancelled = false;
  let cancel = () => {};
  const load = () => {
    if (cancelled) return;
    for (const screen of Object.values(screens)) void screen.load().catch(() => undefined);
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
  const afterPaint = () =>
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (cancelled) return;
        const timer = setTimeout(whenIdle, PREFETCH_DELAY_MS);
        cancel = () => clearTimeout(timer);
      }),
    );
  ready.then(afterPaint, afterPaint);
  return () => {
    cancelled = true;
    cancel();
  };
}
