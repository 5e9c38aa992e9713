/**
 * Switching screens once their code has arrived (fetched in the background after the Library's first
 * paint) shows the screen itself at once: never the loading fallback, which React 19 would keep on
 * screen for up to 300 ms (its Suspense reveal throttle) before the screen replaced it.
 */
import { expect, test } from './fixtures';

const screens = [
  { nav: 'Progress', heading: 'Progress' },
  { nav: 'Settings', heading: 'Settings' },
  { nav: 'Review', heading: 'Review' },
] as const;

test('a prefetched screen opens without the loading fallback', async ({ app }) => {
  // The four lazily loaded screens' chunks, fetched after the Library painted.
  await expect
    .poll(() =>
      app.evaluate(
        () =>
          new Set(
            performance
              .getEntriesByType('resource')
              .map((e) => /\/(Session|Review|Progress|Settings)Screen-[^/]*\.js$/.exec(e.name)?.[1])
              .filter(Boolean),
          ).size,
      ),
    )
    .toBe(4);
  await app.evaluate(() => {
    const w = window as unknown as { fallbacks: string[]; switchingTo: string };
    w.fallbacks = [];
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="screen-loading"]')) w.fallbacks.push(w.switchingTo);
    }).observe(document.body, { childList: true, subtree: true });
  });
  for (const { nav, heading } of screens) {
    await app.evaluate((to) => ((window as unknown as { switchingTo: string }).switchingTo = to), nav);
    await app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: nav, exact: true }).click();
    await expect(app.getByRole('heading', { level: 1, name: heading, exact: true })).toBeVisible();
  }
  expect(await app.evaluate(() => (window as unknown as { fallbacks: string[] }).fallbacks)).toEqual([]);
});
