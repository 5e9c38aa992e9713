/** Settings → Review: playback speed, blind scoring and blind re-score prompts. */
import type { Settings } from '@shared/contract';
import { updateSettings } from '../../api/settings';
import { RescoreSetting } from '../coach/RescoreSetting';
import { CheckboxRow, SettingRow, SettingsSection } from './SettingsParts';

const playbackRates: ReadonlyArray<Settings['playbackRate']> = [1, 1.25, 1.5, 2];

export function ReviewSettings({ settings }: { settings: Settings }) {
  return (
    <SettingsSection title="Review">
      <SettingRow
        label="Playback speed for review"
        htmlFor="playback-rate"
        hint="The speed recordings start at when you listen back."
      >
        <select
          id="playback-rate"
          className="select"
          value={String(settings.playbackRate)}
          onChange={(e) => {
            const rate = playbackRates.find((r) => String(r) === e.target.value);
            if (rate) updateSettings({ playbackRate: rate }, 0);
          }}
        >
          {playbackRates.map((rate) => (
            <option key={rate} value={String(rate)}>
              {rate}×
            </option>
          ))}
        </select>
      </SettingRow>
      <CheckboxRow
        id="blind-scoring"
        label="Blind scoring"
        hint="Score each round before you see the expected points and the reference answer."
        checked={settings.blindScoring}
        onChange={(blindScoring) => updateSettings({ blindScoring }, 0)}
      />
      <RescoreSetting
        value={settings.rescorePrompts}
        onChange={(rescorePrompts) => updateSettings({ rescorePrompts }, 0)}
      />
    </SettingsSection>
  );
}
