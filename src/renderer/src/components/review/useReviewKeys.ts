/**
 * Listening shortcuts, active while a round's review is open and focus is not in a text field:
 * Space play/pause, ←/→ ±5 s, [ / ] slower/faster, J / K previous/next follow-up, 1/2/3 point marks.
 * On buttons, checkboxes and radios, Space and the arrows keep their native meaning.
 */
import { useEffect, useRef, type RefObject } from 'react';
import type { MarkKind } from '@shared/contract';
import type { PlayerControls } from './player-store';
import { markMeta, pointMarkKinds } from './review-meta';

type Options = {
  controls: RefObject<PlayerControls | null>;
  /** Follow-up times in seconds, ascending. */
  followUpTimes: readonly number[];
  onRateStep: (direction: -1 | 1) => void;
  onMark: (kind: MarkKind) => void;
};

const textInputTypes = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'time']);

function isTextField(el: Element | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  return el instanceof HTMLInputElement && textInputTypes.has(el.type);
}

function hasNativeKeys(el: Element | null): boolean {
  return el instanceof HTMLButtonElement || el instanceof HTMLInputElement || el instanceof HTMLAnchorElement;
}

export function useReviewKeys(options: Options): void {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target instanceof Element ? event.target : document.activeElement;
      if (isTextField(target)) return;
      const { controls, followUpTimes, onRateStep, onMark } = latest.current;
      const player = controls.current;
      const key = event.key;
      const native = hasNativeKeys(target);
      let handled = true;
      if (key === ' ' && !native) player?.playPause();
      else if (key === 'ArrowLeft' && !native) player?.skip(-5);
      else if (key === 'ArrowRight' && !native) player?.skip(5);
      else if (key === '[') onRateStep(-1);
      else if (key === ']') onRateStep(1);
      else if ((key === 'j' || key === 'J' || key === 'k' || key === 'K') && player) {
        const now = player.time();
        const next =
          key.toLowerCase() === 'k'
            ? followUpTimes.find((t) => t > now + 0.05)
            : [...followUpTimes].reverse().find((t) => t < now - 0.5);
        if (next !== undefined) player.seek(next);
        else if (key.toLowerCase() === 'j') player.seek(0);
      } else {
        const mark = pointMarkKinds.find((kind) => markMeta[kind].key === key);
        if (mark) onMark(mark);
        else handled = false;
      }
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
