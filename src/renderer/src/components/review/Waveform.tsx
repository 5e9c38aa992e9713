/**
 * The recording's waveform (wavesurfer.js), drawn from the stored peaks and duration: the audio is
 * streamed by an <audio> element (HTTP Range) and never decoded. Follow-ups are labelled markers,
 * marks are coloured regions; dragging on empty waveform creates a "ramble" region, and marks can be
 * moved or resized. Click to seek. Colours come from CSS variables and follow the theme.
 */
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import WaveSurfer, { type WaveSurferOptions } from 'wavesurfer.js';
import RegionsPlugin, { type Region } from 'wavesurfer.js/dist/plugins/regions.esm.js';
import type { RecordingView, ReviewMark } from '@shared/contract';
import { findSilences, peaksFor, peaksForDrawing, peaksOnTimeline, silenceExit } from './peaks';
import type { PlayerControls, PlayerStore } from './player-store';
import { formatClock } from '../../lib/format';
import { markMeta } from './review-meta';
import './Waveform.css';

export type FollowUpMarker = { index: number; text: string; atMs: number };

type Props = {
  recording: RecordingView & { durationMs: number };
  followUps: readonly FollowUpMarker[];
  marks: readonly ReviewMark[];
  rate: number;
  skipSilences: boolean;
  /** Blind scoring: the position is announced without the total length. */
  hideDuration: boolean;
  store: PlayerStore;
  controlsRef: RefObject<PlayerControls | null>;
  /** A ramble dragged on the waveform. */
  onAddRamble: (startMs: number, endMs: number) => void;
  onMoveMark: (markId: string, startMs: number, endMs: number | null) => void;
};

const FOLLOW_UP = 'fu-';
const MARK = 'mark-';

/** Canvas colours cannot use var(): read the resolved values from the waveform's own element. */
function waveColors(el: HTMLElement): Pick<WaveSurferOptions, 'waveColor' | 'progressColor' | 'cursorColor'> {
  const style = getComputedStyle(el);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    waveColor: read('--wave', '#9aa3b5'),
    progressColor: read('--wave-progress', '#3a5ccc'),
    cursorColor: read('--wave-cursor', '#1b1f27'),
  };
}

/** A label drawn on the waveform. Text only (textContent), styled with the app's variables. */
function label(text: string, kind: 'follow-up' | 'mark', color: string): HTMLElement {
  const el = document.createElement('div');
  el.textContent = text;
  el.title = text;
  Object.assign(el.style, {
    display: 'inline-block',
    boxSizing: 'border-box',
    maxWidth: kind === 'follow-up' ? '210px' : '110px',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    font: `${kind === 'follow-up' ? 600 : 500} 11px/16px var(--font-sans)`,
    padding: '0 6px',
    margin: kind === 'follow-up' ? '2px 0 0 0' : '0',
    borderRadius: '0 4px 4px 0',
    color: kind === 'follow-up' ? 'var(--accent-text)' : 'var(--text)',
    background: kind === 'follow-up' ? color : 'var(--surface-raised)',
    boxShadow: kind === 'follow-up' ? 'none' : `inset 2px 0 0 ${color}, 0 0 0 1px var(--border)`,
    cursor: 'pointer',
    position: kind === 'mark' ? 'absolute' : 'static',
    bottom: kind === 'mark' ? '2px' : '',
  } satisfies Partial<CSSStyleDeclaration>);
  return el;
}

export function Waveform(props: Props) {
  const { recording, followUps, marks, rate, hideDuration, store, controlsRef } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const audioRef = useRef<HTMLAudioElement>(null);
  const [peaks, setPeaks] = useState<{ url: string; data: Float32Array; error: string | null } | null>(null);
  const [ws, setWs] = useState<WaveSurfer | null>(null);
  const [mediaError, setMediaError] = useState<string | null>(null);
  const duration = recording.durationMs / 1000;

  // One plugin instance per recording, handed to the one WaveSurfer instance that draws it.
  const regions = useMemo(() => RegionsPlugin.create(), []);
  // Only once skipping is asked for: a walk over every peak (540,000 for 3 hours) the first paint can do without.
  const silences = useMemo(
    () =>
      props.skipSilences && peaks && peaks.data.length
        ? findSilences(peaks.data, recording.durationMs, { peaksPerSecond: recording.peaksPerSecond })
        : [],
    [props.skipSilences, peaks, recording.durationMs, recording.peaksPerSecond],
  );

  // Handlers registered once per instance read the latest props through this ref.
  const latest = useRef({ props, silences });
  useEffect(() => {
    latest.current = { props, silences };
  });

  useEffect(() => {
    const controller = new AbortController();
    const url = recording.peaksUrl;
    peaksFor(url, controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setPeaks({ url, data, error: null });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setPeaks({ url, data: new Float32Array(0), error: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => controller.abort();
  }, [recording.peaksUrl]);

  const peaksReady = peaks !== null && peaks.url === recording.peaksUrl ? peaks : null;

  useEffect(() => {
    const container = containerRef.current;
    const media = audioRef.current;
    if (!container || !media || !peaksReady) return;
    // Without stored peaks the waveform is flat, but playback and marks still work.
    const data = peaksForDrawing(peaksOnTimeline(peaksReady.data, duration * 1000, recording.peaksPerSecond));
    const instance = WaveSurfer.create({
      container,
      media,
      peaks: [data],
      duration,
      ...waveColors(container),
      height: 100,
      normalize: true,
      barWidth: 2,
      barGap: 1,
      barRadius: 2,
      cursorWidth: 2,
      dragToSeek: false,
      hideScrollbar: true,
      plugins: [regions],
    });
    const unsubscribe = [
      instance.on('timeupdate', (time) => {
        store.set({ time });
        const { props: current, silences: quiet } = latest.current;
        if (current.skipSilences && instance.isPlaying()) {
          // wavesurfer speaks seconds; the recording's timeline is ms.
          const exitMs = silenceExit(quiet, Math.round(time * 1000));
          if (exitMs !== null) instance.setTime(exitMs / 1000);
        }
      }),
      instance.on('play', () => store.set({ playing: true })),
      instance.on('pause', () => store.set({ playing: false })),
      instance.on('finish', () => store.set({ playing: false })),
      instance.on('decode', () => {
        store.set({ ready: true });
        setWs(instance);
      }),
      instance.on('error', (error) => setMediaError(error.message)),
    ];
    controlsRef.current = {
      playPause: () => void instance.playPause().catch((error: Error) => setMediaError(error.message)),
      seek: (seconds) => instance.setTime(Math.min(Math.max(0, seconds), duration)),
      skip: (seconds) => instance.setTime(Math.min(Math.max(0, instance.getCurrentTime() + seconds), duration)),
      time: () => instance.getCurrentTime(),
      duration: () => duration,
    };
    return () => {
      for (const off of unsubscribe) off();
      controlsRef.current = null;
      media.pause();
      instance.destroy();
      store.set({ ready: false, playing: false });
      setWs(null);
    };
  }, [peaksReady, duration, recording.peaksPerSecond, regions, store, controlsRef]);

  // Speed with the pitch kept; defaultPlaybackRate survives the element reloading its source.
  useEffect(() => {
    const media = audioRef.current;
    if (!media) return;
    media.preservesPitch = true;
    media.defaultPlaybackRate = rate;
    media.playbackRate = rate;
  }, [rate, ws]);

  // Colours follow the theme (tokens switch on <html data-theme>).
  useEffect(() => {
    const container = containerRef.current;
    if (!ws || !container) return;
    const observer = new MutationObserver(() => ws.setOptions(waveColors(container)));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, [ws]);

  // Dragging on the waveform creates a ramble; moving or resizing a mark saves it; markers seek.
  useEffect(() => {
    if (!ws) return;
    const stopDragSelection = regions.enableDragSelection({ color: 'var(--mark-ramble-fill)' });
    const unsubscribe = [
      regions.on('region-created', (region: Region) => {
        if (region.id.startsWith(MARK) || region.id.startsWith(FOLLOW_UP)) return;
        // A fresh drag: save it as a mark; the saved mark comes back as a region of its own.
        const startMs = Math.round(region.start * 1000);
        const endMs = Math.round(region.end * 1000);
        region.remove();
        if (endMs - startMs >= 100) latest.current.props.onAddRamble(startMs, endMs);
      }),
      regions.on('region-updated', (region: Region) => {
        if (!region.id.startsWith(MARK)) return;
        const isPoint = region.start === region.end;
        latest.current.props.onMoveMark(
          region.id.slice(MARK.length),
          Math.round(region.start * 1000),
          isPoint ? null : Math.round(region.end * 1000),
        );
      }),
      regions.on('region-clicked', (region: Region, event: MouseEvent) => {
        // Markers jump to their own time; clicks inside a ramble seek where clicked.
        if (region.start !== region.end) return;
        event.stopPropagation();
        ws.setTime(region.start);
      }),
    ];
    return () => {
      stopDragSelection();
      for (const off of unsubscribe) off();
    };
  }, [ws, regions]);

  useEffect(() => {
    if (!ws) return;
    const existing = new Map(regions.getRegions().map((r) => [r.id, r]));
    for (const followUp of followUps) {
      const id = `${FOLLOW_UP}${followUp.index}`;
      const start = followUp.atMs / 1000;
      const region = existing.get(id);
      if (region) region.setOptions({ start });
      else
        regions.addRegion({
          id,
          start,
          color: 'var(--mark-followup)',
          drag: false,
          resize: false,
          content: label(followUp.text, 'follow-up', 'var(--mark-followup)'),
        });
    }
  }, [ws, regions, followUps]);

  useEffect(() => {
    if (!ws) return;
    const stale = new Map(
      regions
        .getRegions()
        .filter((r) => r.id.startsWith(MARK))
        .map((r) => [r.id, r]),
    );
    for (const mark of marks) {
      const id = `${MARK}${mark.id}`;
      const start = mark.startMs / 1000;
      const end = mark.endMs === null ? start : mark.endMs / 1000;
      const region = stale.get(id);
      stale.delete(id);
      if (region) {
        const moved = Math.abs(region.start - start) > 0.001 || Math.abs(region.end - end) > 0.001;
        if (moved && !region.isDragging) region.setOptions({ start, end });
        continue;
      }
      const meta = markMeta[mark.kind];
      regions.addRegion({
        id,
        start,
        end,
        color: mark.kind === 'ramble' ? 'var(--mark-ramble-fill)' : meta.color,
        drag: true,
        resize: mark.kind === 'ramble',
        minLength: mark.kind === 'ramble' ? 0.2 : 0,
        content: mark.kind === 'ramble' ? undefined : label(meta.short, 'mark', meta.color),
      });
    }
    for (const region of stale.values()) region.remove();
  }, [ws, regions, marks]);

  // The slider semantics of the waveform, kept current without re-rendering React.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const update = () => {
      const { time } = store.get();
      container.setAttribute('aria-valuenow', String(Math.round(time)));
      container.setAttribute(
        'aria-valuetext',
        hideDuration ? formatClock(time * 1000) : `${formatClock(time * 1000)} of ${formatClock(duration * 1000)}`,
      );
    };
    update();
    return store.subscribe(update);
  }, [store, hideDuration, duration]);

  const error = mediaError ?? peaksReady?.error ?? null;
  return (
    <div className="waveform">
      <div
        ref={containerRef}
        className={`waveform-canvas${ws ? '' : ' waveform-loading'}`}
        role="slider"
        tabIndex={0}
        aria-label="Playback position"
        aria-valuemin={0}
        aria-valuemax={Math.round(duration)}
        aria-describedby="waveform-help"
        data-testid="waveform"
      />
      <p id="waveform-help" className="visually-hidden">
        Space plays or pauses, left and right arrows move 5 seconds, J and K jump between follow-ups. Drag on the
        waveform to mark a ramble.
      </p>
      {error ? (
        <p className="waveform-error" role="alert">
          {error}
        </p>
      ) : null}
      <audio ref={audioRef} src={recording.mediaUrl} preload="metadata" />
    </div>
  );
}
