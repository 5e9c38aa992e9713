/**
 * Settings → Interviewer: when follow-ups come (the follow-up mode, and the time to think before
 * one), the voice and its speech rate.
 */
import type { Settings } from '@shared/contract';
import { updateSettings } from '../../api/settings';
import { followUpModeEntries } from '../../session/engine/follow-up-modes';
import { ThinkTimeSettings } from './ThinkTimeSettings';
import { VoicePicker } from './VoicePicker';
import { SettingRow, SettingsSection } from './SettingsParts';

export function InterviewerSettings({ settings }: { settings: Settings }) {
  return (
    <SettingsSection title="Interviewer">
      <fieldset className="settings-fieldset">
        <legend className="settings-row-label">Follow-up mode</legend>
        <div className="followup-options">
          {followUpModeEntries.map((entry) => (
            <label key={entry.mode} className="followup-option">
              <input
                type="radio"
                name="follow-up-mode"
                value={entry.mode}
                checked={settings.followUpMode === entry.mode}
                onChange={() => updateSettings({ followUpMode: entry.mode }, 0)}
                aria-labelledby={`followup-${entry.mode}-label`}
                aria-describedby={`followup-${entry.mode}`}
              />
              <span className="followup-text">
                <span className="followup-label" id={`followup-${entry.mode}-label`}>
                  {entry.label}
                </span>
                <span className="followup-explanation" id={`followup-${entry.mode}`}>
                  {entry.explanation}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <ThinkTimeSettings settings={settings} />
      <SettingRow label="Voice" htmlFor="speech-voice" hint="The voice that reads prompts and follow-ups aloud.">
        <VoicePicker
          id="speech-voice"
          value={settings.voiceName}
          onChange={(voiceName) => updateSettings({ voiceName }, 0)}
        />
      </SettingRow>
      <SettingRow
        label="Speech rate"
        htmlFor="speech-rate"
        hint="How fast the interviewer’s voice speaks prompts and follow-ups."
      >
        <div className="range-row">
          <input
            id="speech-rate"
            type="range"
            min={0.5}
            max={2}
            step={0.05}
            value={settings.speechRate}
            onChange={(e) => updateSettings({ speechRate: Number(e.target.value) }, 300)}
            aria-valuetext={`${settings.speechRate.toFixed(2)} times`}
          />
          <output htmlFor="speech-rate" className="range-value">
            {settings.speechRate.toFixed(2)}×
          </output>
        </div>
      </SettingRow>
    </SettingsSection>
  );
}
