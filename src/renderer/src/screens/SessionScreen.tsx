/** Session: the live runner for the session just started or resumed, or recent and unfinished sessions. */
import { useCallback, useState, type ReactNode } from 'react';
import type { SessionView } from '../../../shared/contract';
import { call } from '../api/client';
import { useRecentSessions } from '../api/sessions';
import { RecentSessions } from '../components/RecentSessions';
import { ScreenHeader } from '../components/ScreenHeader';
import { LiveSession } from '../components/session/LiveSession';
import { UnfinishedSessions } from '../components/session/UnfinishedSessions';
import { useUnfinishedSessions } from '../components/session/useUnfinishedSessions';
import { StateMessage } from '../components/StateMessage';
import './SessionScreen.css';

type Props = {
  session: SessionView | null;
  onCloseSession: () => void;
  onOpenSession: (sessionId: string) => Promise<void>;
  onGoToLibrary: () => void;
};

export function SessionScreen({ session, onCloseSession, onOpenSession, onGoToLibrary }: Props) {
  const unfinished = useUnfinishedSessions();
  const [resume, setResume] = useState<{ sessionId: string; request: number } | null>(null);
  const { reload } = unfinished;

  const onResume = useCallback(
    async (sessionId: string) => {
      await onOpenSession(sessionId);
      setResume((previous) => ({ sessionId, request: (previous?.request ?? 0) + 1 }));
    },
    [onOpenSession],
  );
  const onClose = useCallback(
    async (sessionId: string) => {
      // Abandoning keeps every recording; the session just stops being offered for resuming.
      await call('session:control', { sessionId, action: 'abandon' });
      reload();
      if (session?.id === sessionId) onCloseSession();
    },
    [reload, session, onCloseSession],
  );

  const recovery = <UnfinishedSessions sessions={unfinished.list} onResume={onResume} onClose={onClose} />;

  if (session) {
    return (
      <LiveSession
        key={session.id}
        session={session}
        resumeRequest={resume?.sessionId === session.id ? resume.request : 0}
        recovery={recovery}
        onCloseSession={onCloseSession}
        onGoToLibrary={onGoToLibrary}
        onPhaseChange={reload}
      />
    );
  }
  return <SessionList recovery={recovery} onOpenSession={onOpenSession} onGoToLibrary={onGoToLibrary} />;
}

function SessionList({
  recovery,
  onOpenSession,
  onGoToLibrary,
}: Pick<Props, 'onOpenSession' | 'onGoToLibrary'> & { recovery: ReactNode }) {
  const recent = useRecentSessions(20);
  return (
    <div className="screen-scroll">
      <div className="screen-column">
        <ScreenHeader title="Session" subtitle="Run a loop, a mock or a whole circuit, out loud and on the clock." />
        {recovery}
        <RecentSessions
          recent={recent}
          onOpen={onOpenSession}
          empty={
            <StateMessage
              kind="empty"
              icon="session"
              title="No sessions yet"
              compact
              action={
                <button type="button" className="btn btn-primary" onClick={onGoToLibrary}>
                  Go to the Library
                </button>
              }
            >
              Pick a loop, mock or circuit in the Library and press Start.
            </StateMessage>
          }
        />
      </div>
    </div>
  );
}
