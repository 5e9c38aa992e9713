/**
 * Focus layout during a running round: only prompt, timer, follow-ups, meter and controls stay on
 * screen (the sidebar and screen chrome hide via a body class). Escape or "Exit focus" shows the rest.
 */
import { useEffect } from 'react';

export const FOCUS_CLASS = 'session-focus';

export function useFocusLayout(active: boolean, onExit: () => void): void {
  useEffect(() => {
    if (!active) return;
    document.body.classList.add(FOCUS_CLASS);
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) onExit();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      document.body.classList.remove(FOCUS_CLASS);
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [active, onExit]);
}
