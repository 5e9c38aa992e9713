/** Settings → Rounds: the focus layout while a round runs, and the live coverage practice aid. */
import type { Settings } from '@shared/contract';
import { updateSettings } from '../../api/settings';
import { CheckboxRow, SettingsSection } from './SettingsParts';

export function RoundsSettings({ settings }: { settings: Settings }) {
  return (
    <SettingsSection title="Rounds">
      <CheckboxRow
        id="focus-layout"
        label="Focus layout during rounds"
        hint="Hide the sidebar and everything but the prompt and the clock while a round runs."
        checked={settings.focusLayout}
        onChange={(focusLayout) => updateSettings({ focusLayout }, 0)}
      />
      <CheckboxRow
        id="show-live-coverage"
        label="Show expected points as they are heard"
        hint="A practice aid, off by default: while the interviewer listens live (with a speech model), the round shows which of the prompt’s expected points it has heard so far, by number, without their text. Leave it off to answer as in a real interview."
        checked={settings.showLiveCoverage}
        onChange={(showLiveCoverage) => updateSettings({ showLiveCoverage }, 0)}
      />
    </SettingsSection>
  );
}
