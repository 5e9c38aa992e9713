/**
 * `npx tsx bench/web-start-profile.ts [ROOT] [RUNS]`: where browser mode's start-up time goes, as a
 * timeline in ms from the server's spawn — the `open:` and `ready:` lines, the page's navigation,
 * every file and API request it makes, the first Library option in the DOM and the click on it (the
 * moment `web_start_to_library_ms` stops). ROOT is a project folder holding a built `out/` (default:
 * this one), so an older build copied aside can be profiled the same way. A profile, not a figure:
 * the bench keeps the number.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';

const args = process.argv.slice(2);
// --at-open: the tab opens the address as soon as it is printed (as `npm run web` does); by default
// it waits for `ready:` first, as the bench (tests/support/web-server.ts) does.
const atOpen = args.includes('--at-open');
// --cpu-prof DIR: a V8 CPU profile of the server (node --cpu-prof) and of the page (CDP) per run.
const profIndex = args.indexOf('--cpu-prof');
const profDir = profIndex >= 0 ? path.resolve(args[profIndex + 1] ?? 'bench-results/start-profile') : null;
const positional = args.filter((a, i) => !a.startsWith('--') && (profIndex < 0 || i !== profIndex + 1));
const root = path.resolve(positional[0] ?? path.join(__dirname, '..'));
const runs = Number(positional[1] ?? 3);
const web = path.join(root, 'out/main/web.js');

type PageMarks = {
  origin: number;
  nav: { responseEnd: number; domInteractive: number; domContentLoaded: number };
  fcp: number | null;
  shell: number | null;
  firstOption: number | null;
  resources: { name: string; start: number; end: number; size: number }[];
};

async function once(browser: Browser): Promise<number> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loop-coach-start-profile-'));
  // Wall-clock ms on both sides (Node's and the page's timeOrigin), so the two line up.
  const spawned = performance.timeOrigin + performance.now();
  const since = () => performance.timeOrigin + performance.now() - spawned;
  const child = spawn(
    process.execPath,
    [
      ...(profDir ? ['--cpu-prof', '--cpu-prof-dir', profDir, '--cpu-prof-interval', '250'] : []),
      web,
      '--data-dir',
      dataDir,
      '--no-open',
      '--port',
      '0',
      '--resume-grace-seconds',
      '0',
    ],
    { cwd: root, env: { ...process.env, CI: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const marks: Record<string, number> = {};
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      output += d.toString();
      if (marks.open === undefined && /open:/.test(output)) marks.open = since();
      if (marks.ready === undefined && /ready:/.test(output)) marks.ready = since();
      if (marks.open !== undefined && (atOpen || marks.ready !== undefined)) resolve(/open:\s+(\S+)/.exec(output)![1]!);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  const page = await browser.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __shell?: number; __firstOption?: number };
    new MutationObserver(() => {
      w.__shell ??= document.querySelector('.app-shell') ? performance.now() : undefined;
      w.__firstOption ??= document.querySelector('[role=listbox] [role=option]') ? performance.now() : undefined;
    }).observe(document, { childList: true, subtree: true });
  });
  const cdp = profDir ? await page.context().newCDPSession(page) : null;
  if (profDir) {
    await browser.startTracing(page, {
      path: path.join(profDir, `trace-${Date.now()}.json`),
      categories: ['devtools.timeline', 'blink.user_timing', 'v8.execute', 'disabled-by-default-devtools.timeline'],
    });
  }
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
    await cdp.send('Profiler.start');
  }
  marks.goto = since();
  await page.goto(url);
  await page.getByRole('listbox', { name: 'Library items' }).getByRole('option').first().click();
  marks.clicked = since();
  if (profDir) await browser.stopTracing();
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    fs.mkdirSync(profDir!, { recursive: true });
    fs.writeFileSync(path.join(profDir!, `page-${Date.now()}.cpuprofile`), JSON.stringify(profile));
  }
  const p: PageMarks = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const w = window as unknown as { __shell?: number; __firstOption?: number };
    return {
      origin: performance.timeOrigin,
      nav: {
        responseEnd: nav.responseEnd,
        domInteractive: nav.domInteractive,
        domContentLoaded: nav.domContentLoadedEventEnd,
      },
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      shell: w.__shell ?? null,
      firstOption: w.__firstOption ?? null,
      resources: performance.getEntriesByType('resource').map((r) => {
        const e = r as PerformanceResourceTiming;
        return {
          name: e.name.replace(/^https?:\/\/[^/]+/, ''),
          start: e.startTime,
          end: e.responseEnd,
          size: e.encodedBodySize,
        };
      }),
    };
  });
  const at = (t: number | null) => (t === null ? '-' : (p.origin + t - spawned).toFixed(0));
  console.log(
    `open ${marks.open!.toFixed(0)}  ready ${marks.ready?.toFixed(0) ?? '-'}  goto ${marks.goto.toFixed(0)}  ` +
      `html ${at(p.nav.responseEnd)}  domInteractive ${at(p.nav.domInteractive)}  DCL ${at(p.nav.domContentLoaded)}  ` +
      `FCP ${at(p.fcp)}  shell ${at(p.shell)}  first option ${at(p.firstOption)}  clicked ${marks.clicked.toFixed(0)}`,
  );
  for (const r of p.resources)
    console.log(`  ${at(r.start).padStart(6)} → ${at(r.end).padStart(6)}  ${String(r.size).padStart(8)} B  ${r.name}`);
  await page.close();
  child.removeAllListeners('exit');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  fs.rmSync(dataDir, { recursive: true, force: true });
  return marks.clicked;
}

async function main() {
  const browser = await launchChromium();
  const clicked: number[] = [];
  try {
    for (let i = 0; i < runs; i++) clicked.push(await once(browser));
  } finally {
    await browser.close();
  }
  clicked.sort((a, b) => a - b);
  console.log(
    `clicked: median ${clicked[Math.floor(clicked.length / 2)]!.toFixed(0)} ms of ${clicked.map((c) => c.toFixed(0)).join(', ')}`,
  );
}

void main();
