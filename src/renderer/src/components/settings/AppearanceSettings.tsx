/** Settings → Appearance: the theme (System, Light, Dark), applied at once. */
import type { Settings } from '@shared/contract';
import { updateSettings } from '../../api/settings';
import { SegmentedControl } from '../ui/SegmentedControl';
import { SettingRow, SettingsSection } from './SettingsParts';

const themeOptions: ReadonlyArray<{ value: Settings['theme']; label: string }> = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function AppearanceSettings({ settings }: { settings: Settings }) {
  return (
    <SettingsSection title="Appearance">
      <SettingRow label="Theme" hint="System follows your operating system’s light or dark mode.">
        <SegmentedControl
          label="Theme"
          hideLabel
          options={themeOptions}
          value={settings.theme}
          onChange={(theme) => updateSettings({ theme }, 0)}
        />
      </SettingRow>
    </SettingsSection>
  );
}
