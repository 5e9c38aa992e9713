/** A soft two-note chime before each follow-up and at the answer cue, made with WebAudio (no files). */
let context: AudioContext | null = null;

export function playCue(kind: 'follow-up' | 'answer' | 'time' = 'follow-up'): void {
  try {
    context ??= new AudioContext();
    void context.resume();
    const notes = kind === 'answer' ? [660, 880] : kind === 'time' ? [520, 390] : [740, 587];
    const start = context.currentTime + 0.01;
    notes.forEach((frequency, i) => {
      const osc = context!.createOscillator();
      const gain = context!.createGain();
      osc.type = 'sine';
      osc.frequency.value = frequency;
      const t = start + i * 0.14;
      gain.gain.setValueAtTime(0, t);
      gain.gain.linearRampToValueAtTime(0.12, t + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.22);
      osc.connect(gain).connect(context!.destination);
      osc.start(t);
      osc.stop(t + 0.25);
    });
  } catch {
    // No audio output: the on-screen follow-up still shows.
  }
}
