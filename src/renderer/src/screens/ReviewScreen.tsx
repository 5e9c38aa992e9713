/** Review: recorded rounds will be listened to and scored here. Until then, an honest empty state. */
import { useRecentSessions } from '../api/sessions';
import { RecentSessions } from '../components/RecentSessions';
import { ScreenHeader } from '../components/ScreenHeader';
import { StateMessage } from '../components/StateMessage';

export function ReviewScreen({ onOpenSession }: { onOpenSession: (sessionId: string) => Promise<void> }) {
  const recent = useRecentSessions(20);
  return (
    <div className="screen-scroll">
      <div className="screen-column">
        <ScreenHeader title="Review" subtitle="Listen back, score yourself and compare with the expected points." />
        <div className="panel">
          <StateMessage kind="empty" icon="review" title="Nothing to review yet — recorded rounds appear here">
            Once the live runner records your answers, each finished round shows up here for playback and scoring.
          </StateMessage>
        </div>
        <RecentSessions
          recent={recent}
          onOpen={onOpenSession}
          empty={
            <StateMessage kind="empty" title="No sessions yet" compact>
              Sessions you start in the Library are listed here.
            </StateMessage>
          }
        />
      </div>
    </div>
  );
}
