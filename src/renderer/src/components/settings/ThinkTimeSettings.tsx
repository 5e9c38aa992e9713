/**
 * Settings → Interviewer → time to think: how long a silence must last before "at the next pause"
 * and the adaptive mode treat it as the end of a thought, and the silence that always ends one
 * (docs/follow-ups.md, "Time to think").
 */
import type { Settings } from '@shared/contract';
import { updateSettings } from '../../api/settings';
import { SettingRow } from './SettingsParts';

function SecondsRange(props: {
  id: string;
  label: string;
  hint: string;
  valueMs: number;
  minMs: number;
  maxMs: number;
  stepMs: number;
  onChange: (ms: number) => void;
}) {
  const seconds = (props.valueMs / 1000).toFixed(1);
  return (
    <SettingRow label={props.label} htmlFor={props.id} hint={props.hint}>
      <div className="range-row">
        <input
          id={props.id}
          type="range"
          min={props.minMs}
          max={props.maxMs}
          step={props.stepMs}
          value={props.valueMs}
          onChange={(e) => props.onChange(Number(e.target.value))}
          aria-valuetext={`${seconds} seconds`}
        />
        <output htmlFor={props.id} className="range-value">
          {seconds} s
        </output>
      </div>
    </SettingRow>
  );
}

export function ThinkTimeSettings({ settings }: { settings: Settings }) {
  return (
    <>
      <SecondsRange
        id="think-time"
        label="Think time"
        hint="At the next pause and in the adaptive mode, a silence this long ends your thought, unless your last words break off (“and”, “because”, “um”)."
        valueMs={settings.thinkTimeMs}
        minMs={500}
        maxMs={5000}
        stepMs={100}
        onChange={(thinkTimeMs) => updateSettings({ thinkTimeMs }, 300)}
      />
      <SecondsRange
        id="long-silence"
        label="Long silence"
        hint="A silence this long always ends your thought, however your last words ended."
        valueMs={settings.longSilenceMs}
        minMs={2000}
        maxMs={20_000}
        stepMs={500}
        onChange={(longSilenceMs) => updateSettings({ longSilenceMs }, 300)}
      />
    </>
  );
}
