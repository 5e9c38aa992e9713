/** The shell: sidebar navigation, state-based routing, shortcuts, theme and the started session. */
import { Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { SessionSource, SessionView } from '@shared/contract';
import { call } from './api/client';
import { libraryLoaded } from './api/library';
import { onReviewRequest } from './api/review';
import { useSettings } from './api/settings';
import { Sidebar } from './components/ui/Sidebar';
import { emptyFilters, type LibraryUiState } from './lib/library-filter';
import { applyTheme, followSystemTheme } from './lib/theme';
import { StateMessage } from './components/ui/StateMessage';
import { LibraryScreen } from './screens/LibraryScreen';
import { prefetchScreens, ProgressScreen, ReviewScreen, SessionScreen, SettingsScreen } from './screens/lazy-screens';
import { screens, type ScreenId } from './screens/routes';
import type { ResumeRequest } from './screens/SessionScreen';
import './App.css';

export function App() {
  const [screen, setScreen] = useState<ScreenId>('library');
  const [libraryUi, setLibraryUi] = useState<LibraryUiState>({ filters: emptyFilters, selectedKey: null });
  const [session, setSession] = useState<SessionView | null>(null);
  const [resume, setResume] = useState<ResumeRequest | null>(null);
  const focusHeadingRef = useRef(false);

  const { data: settings } = useSettings();
  const theme = settings?.theme ?? 'system';
  const themeRef = useRef(theme);
  useEffect(() => {
    themeRef.current = theme;
    applyTheme(theme);
  }, [theme]);
  useEffect(() => followSystemTheme(() => themeRef.current), []);

  /** Navigates and moves focus to the new screen's heading (for shortcuts and programmatic moves). */
  const goTo = useCallback((next: ScreenId, focusHeading = true) => {
    focusHeadingRef.current = focusHeading;
    setScreen(next);
  }, []);

  // The first screen is the Library: the other screens' code loads once its list is on screen.
  useEffect(() => prefetchScreens(libraryLoaded()), []);

  useEffect(() => {
    if (!focusHeadingRef.current) return;
    focusHeadingRef.current = false;
    // A screen whose chunk is still loading has no heading yet: look again on the next frames.
    let frame = 0;
    let tries = 0;
    const focus = () => {
      const heading = document.querySelector<HTMLElement>('main [data-screen-heading]');
      if (heading) heading.focus();
      else if (tries++ < 120) frame = requestAnimationFrame(focus);
    };
    focus();
    return () => cancelAnimationFrame(frame);
  }, [screen, session]);

  // openReview(roundId) from api/review (e.g. a "Review this round" button anywhere) opens Review.
  useEffect(() => onReviewRequest(() => goTo('review')), [goTo]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const index = Number(event.key) - 1;
      const target = Number.isInteger(index) ? screens[index] : undefined;
      if (!target) return;
      event.preventDefault();
      goTo(target.id);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [goTo]);

  const startSession = useCallback(
    async (source: SessionSource) => {
      const started = await call('session:start', { source });
      setSession(started);
      goTo('session');
    },
    [goTo],
  );

  const openSession = useCallback(
    async (sessionId: string) => {
      const view = await call('session:get', { sessionId });
      setSession(view);
      goTo('session');
    },
    [goTo],
  );

  // Resume from the Library or the Session screen: open the session, then ask its runner to resume.
  const resumeSession = useCallback(
    async (sessionId: string) => {
      await openSession(sessionId);
      setResume((previous) => ({ sessionId, request: (previous?.request ?? 0) + 1 }));
    },
    [openSession],
  );

  return (
    <div className="app-shell">
      <Sidebar current={screen} onNavigate={(next) => goTo(next, false)} />
      <main className="app-main" id="main">
        <Suspense
          fallback={
            <div data-testid="screen-loading">
              <StateMessage kind="loading" title="Loading…" />
            </div>
          }
        >
          {screen === 'library' ? (
            <LibraryScreen
              ui={libraryUi}
              onUiChange={setLibraryUi}
              onStart={startSession}
              onResume={resumeSession}
              currentSessionId={session?.id ?? null}
            />
          ) : screen === 'session' ? (
            <SessionScreen
              session={session}
              resume={resume}
              onCloseSession={() => setSession(null)}
              onOpenSession={openSession}
              onResumeSession={resumeSession}
              onGoToLibrary={() => goTo('library')}
            />
          ) : screen === 'review' ? (
            <ReviewScreen onOpenSession={openSession} />
          ) : screen === 'progress' ? (
            <ProgressScreen onOpenSession={openSession} />
          ) : (
            <SettingsScreen />
          )}
        </Suspense>
      </main>
    </div>
  );
}
