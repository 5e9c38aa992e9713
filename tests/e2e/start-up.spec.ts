/**
 * The first screen's requests: the Library's data is asked for as soon as the page's code runs, all
 * together, not screen part by screen part (Today used to wait for the drawn list, then appeared
 * above it and moved it under the pointer).
 */
import { expect, test } from './fixtures';

test('the Library list and Today are requested together, before the list is answered', async ({ page, server }) => {
  const requested: string[] = [];
  page.on('request', (request) => {
    const channel = /^\/api\/(.+)$/.exec(new URL(request.url()).pathname)?.[1];
    if (channel) requested.push(decodeURIComponent(channel));
  });
  // The list's answer waits until the test lets it through.
  let releaseList!: () => void;
  const listHeld = new Promise<void>((resolve) => (releaseList = resolve));
  await page.route('**/api/library:list', async (route) => {
    await listHeld;
    await route.continue();
  });

  await page.goto(server.url);
  await expect.poll(() => requested).toEqual(expect.arrayContaining(['library:list', 'today:get', 'settings:get']));
  await expect(page.getByText('Loading the library…')).toBeVisible();
  expect(requested.indexOf('library:list')).toBeLessThan(requested.indexOf('today:get'));

  releaseList();
  await expect(page.getByRole('listbox', { name: 'Library items' }).getByRole('option').first()).toBeVisible();
  // Asked once each: the components reading them did not ask again.
  expect(requested.filter((c) => c === 'library:list')).toEqual(['library:list']);
  expect(requested.filter((c) => c === 'today:get')).toEqual(['today:get']);
});
