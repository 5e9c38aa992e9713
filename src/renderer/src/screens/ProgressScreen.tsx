/** Progress: trends across scored rounds. Nothing is scored yet, so nothing is charted. */
import { useRecentSessions } from '../api/sessions';
import { RecentSessions } from '../components/RecentSessions';
import { ScreenHeader } from '../components/ScreenHeader';
import { StateMessage } from '../components/StateMessage';

export function ProgressScreen({ onOpenSession }: { onOpenSession: (sessionId: string) => Promise<void> }) {
  const recent = useRecentSessions(20);
  return (
    <div className="screen-scroll">
      <div className="screen-column">
        <ScreenHeader title="Progress" subtitle="Clarity, rigour and speed over time, by category and question type." />
        <div className="panel">
          <StateMessage kind="empty" icon="progress" title="No progress to show yet — scored rounds appear here">
            Progress is drawn only from rounds you have recorded and scored in Review. There is no sample data.
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
