/**
 * The interviewer's voice: the system's speech voices (English first), or the default. Lists what
 * speechSynthesis offers on this machine and says so plainly when there is none.
 */
import { useEffect, useState } from 'react';
import { waitForVoices } from '../../session/browser/speech';

type Props = { id: string; value: string | null; onChange: (name: string | null) => void };

export function VoicePicker({ id, value, onChange }: Props) {
  const [voices, setVoices] = useState<SpeechSynthesisVoice[] | null>(null);
  useEffect(() => {
    let live = true;
    void waitForVoices().then((all) => {
      if (!live) return;
      // Thousands of voices on some systems: English ones are the useful few.
      const english = all.filter((v) => v.lang.toLowerCase().startsWith('en'));
      setVoices((english.length ? english : all).slice(0, 300).sort((a, b) => a.name.localeCompare(b.name)));
    });
    return () => {
      live = false;
    };
  }, []);
  if (voices === null) return <span className="muted">Looking for voices…</span>;
  if (voices.length === 0) {
    return (
      <span className="muted">
        No speech voice is available: prompts and follow-ups will be shown as text with a cue sound.
      </span>
    );
  }
  return (
    <select id={id} className="select" value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
      <option value="">System default</option>
      {value && !voices.some((v) => v.name === value) ? <option value={value}>{value} (not found)</option> : null}
      {voices.map((v) => (
        <option key={v.voiceURI} value={v.name}>
          {v.name} ({v.lang})
        </option>
      ))}
    </select>
  );
}
