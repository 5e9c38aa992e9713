/** The coach's sections on Progress, each with its own channel: actions, fatigue, self-score calibration. */
import { FatigueHistory } from './FatigueHistory';
import { SelfScoreCalibration } from './SelfScoreCalibration';
import { WeeklyActions } from './WeeklyActions';

export function CoachProgress() {
  return (
    <>
      <WeeklyActions />
      <FatigueHistory />
      <SelfScoreCalibration />
    </>
  );
}
