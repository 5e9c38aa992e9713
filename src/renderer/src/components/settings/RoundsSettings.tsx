/** Settings → Rounds: the focus layout while a round runs. */
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
    </SettingsSection>
  );
}
