/** Settings → Interviewer: when follow-ups come (the follow-up mode), the voice and its speech rate. */
import type { Settings } from '../../../../shared/contract';
import { updateSettings } from '../../api/settings';
import { VoicePicker } from '../VoicePicker';
import { SettingRow, SettingsSection } from './SettingsParts';

const followUpModes: ReadonlyArray<{ value: Settings['followUpMode']; label: string; explanation: string }> = [
  {
    value: 'scheduled',
    label: 'Scheduled',
    explanation: 'Follow-ups come at the times written in the content, every time.',
  },
  {
    value: 'jittered',
    label: 'Jittered',
    explanation: 'Each follow-up moves a few seconds earlier or later, so you cannot time it.',
  },
  {
    value: 'at-pause',
    label: 'At the next pause',
    explanation: 'When a follow-up is due, the interviewer waits until you stop talking.',
  },
  {
    value: 'pressure',
    label: 'Pressure',
    explanation: 'Follow-ups come when due, even mid-sentence, like an impatient interviewer.',
  },
  {
    value: 'partner',
    label: 'Partner',
    explanation:
      'A second person decides when: they press F to ask the next follow-up, or type their own; the app speaks it.',
  },
];

export function InterviewerSettings({ settings }: { settings: Settings }) {
  return (
    <SettingsSection title="Interviewer">
      <fieldset className="settings-fieldset">
        <legend className="settings-row-label">Follow-up mode</legend>
        <div className="followup-options">
          {followUpModes.map((mode) => (
            <label key={mode.value} className="followup-option">
              <input
                type="radio"
                name="follow-up-mode"
                value={mode.value}
                checked={settings.followUpMode === mode.value}
                onChange={() => updateSettings({ followUpMode: mode.value }, 0)}
                aria-labelledby={`followup-${mode.value}-label`}
                aria-describedby={`followup-${mode.value}`}
              />
              <span className="followup-text">
                <span className="followup-label" id={`followup-${mode.value}-label`}>
                  {mode.label}
                </span>
                <span className="followup-explanation" id={`followup-${mode.value}`}>
                  {mode.explanation}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
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
