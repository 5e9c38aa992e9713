/**
 * Click → drawn, timed inside the page: Playwright's own polling (locator.waitFor re-checks on a
 * backoff of up to a few hundred ms) would otherwise add the harness's delay to the app's figure.
 * Armed before the click: a capturing click listener takes the click's time, a MutationObserver
 * (light DOM, attributes included) and a check on every animation frame (for what the observer
 * cannot see, such as wavesurfer's canvas in its shadow root) test `condition`; the frame after it
 * first holds is when it is on screen. Times are on the page's performance.now() clock.
 */
import type { Page } from 'playwright-core';

type Timer = { click?: number; seen?: number; drawn?: number };

/**
 * Arms the timer; `condition` is a JavaScript expression evaluated in the page. Resolves, once the
 * app has drawn it, to ms from the click to the frame that shows it.
 */
export async function armClickToDrawn(page: Page, condition: string): Promise<() => Promise<number>> {
  // A string, not a function: the bench runs through tsx, whose helper names would not exist in the page.
  await page.evaluate(`(() => {
    const timer = (window.__benchTimer = {});
    const holds = () => { try { return Boolean(${condition}); } catch { return false; } };
    const check = () => {
      if (timer.seen !== undefined || timer.click === undefined || !holds()) return;
      timer.seen = performance.now();
      observer.disconnect();
      requestAnimationFrame(() => { timer.drawn = performance.now(); });
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
    const frame = () => { check(); if (timer.seen === undefined) requestAnimationFrame(frame); };
    document.addEventListener('click', () => { timer.click = performance.now(); requestAnimationFrame(frame); }, { capture: true, once: true });
  })()`);
  return async () => {
    await page.waitForFunction(
      () => (window as unknown as { __benchTimer: Timer }).__benchTimer.drawn !== undefined,
      undefined,
      { timeout: 60_000 },
    );
    const timer = await page.evaluate(() => (window as unknown as { __benchTimer: Timer }).__benchTimer);
    return timer.drawn! - timer.click!;
  };
}

/**
 * Waits until the lazily loaded screens' code is in the page (fetched in the background a second
 * after the Library painted), so a figure times the screen and not a first download of its code.
 */
export async function screensPrefetched(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      new Set(
        performance
          .getEntriesByType('resource')
          .map((e) => /\/(Session|Review|Progress|Settings)Screen-[^/]*\.js$/.exec(e.name)?.[1])
          .filter(Boolean),
      ).size === 4,
    undefined,
    { timeout: 60_000 },
  );
}
