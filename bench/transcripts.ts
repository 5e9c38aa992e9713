/**
 * Transcripts at scale. `transcript_search_1000_ms`: 1,000 stored transcripts of realistic length
 * (20–45 minute rounds at about 130 words a minute, ~4,000 words each, in 10–30 s segments) and
 * transcript:search through the app's dispatch (input parsing, FTS5, snippets), the median of 15
 * first pages over five kinds of query. `review_open_transcript_60min_ms`: in Chromium, from
 * clicking a search hit to the review's transcript panel drawn for a 60-minute round (~9,000 words),
 * timed in the page (bench/in-page.ts).
 * `word_trends_100k_ms`: words:trends over 100,000 rounds' stored word metrics (one grouped query).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dispatch } from '../src/main/services/infra/dispatch';
import { roundWordMetrics } from '../src/main/services/db/schema';
import type { TranscriptSegment } from '../src/shared/transcript';
import { seedProgress } from '../tests/support/seed-progress';
import { makeApp } from '../tests/support/sessions';
import { startServer } from '../tests/support/web-server';
import { launchChromium } from './browser';
import { percentile, round, type Bench, type Figure } from './figure';
import { armClickToDrawn, screensPrefetched } from './in-page';
import { seededRandom } from './seed-history';

/** Words as an interview answer has them: the technical vocabulary of the built-in library plus glue. */
export function vocabulary(): string[] {
  const root = path.resolve(__dirname, '..', 'content');
  const text: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.yaml')) text.push(fs.readFileSync(full, 'utf8'));
    }
  };
  walk(root);
  const words = text
    .join(' ')
    .toLowerCase()
    .match(/[a-z][a-z'-]{1,}/g)!
    .filter((w) => !['kind', 'id', 'title', 'prompt', 'rounds', 'followups', 'atseconds', 'text'].includes(w));
  const glue = 'so the and i think we would um basically you know like of to a that is it then'.split(' ');
  return [...words, ...glue, ...glue, ...glue];
}

export function transcriptSegments(random: () => number, words: string[], minutes: number): TranscriptSegment[] {
  const segments: TranscriptSegment[] = [];
  let at = 2000;
  const end = minutes * 60_000;
  while (at < end) {
    const count = 20 + Math.floor(random() * 45);
    const wordMs = 60_000 / (110 + random() * 50);
    const spoken = Array.from({ length: count }, (_, i) => ({
      text: words[Math.floor(random() * words.length)]!,
      startMs: Math.round(at + i * wordMs),
      endMs: Math.round(at + (i + 1) * wordMs - 40),
    }));
    segments.push({
      startMs: spoken[0]!.startMs,
      endMs: spoken.at(-1)!.endMs,
      text: spoken.map((w) => w.text).join(' '),
      words: spoken,
    });
    at = spoken.at(-1)!.endMs + 600 + Math.floor(random() * 2500);
  }
  return segments;
}

/** In the page: the transcript panel's first row has a box (is laid out, so drawn in that frame). */
const transcriptDrawn = `(() => {
  const first = document.querySelector('.transcript-list li');
  return Boolean(first && first.getBoundingClientRect().height > 0);
})()`;

/**
 * review_open_transcript_60min_ms on a data folder whose only round with the word "zebracorn" has a
 * 60-minute transcript: from clicking its search hit to the transcript panel drawn, timed in the page.
 */
export async function openTranscriptReview(dataDir: string): Promise<Figure> {
  const server = await startServer(dataDir);
  const browser = await launchChromium();
  const opens: number[] = [];
  try {
    for (let i = 0; i < 5; i++) {
      const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
      await page.goto(server.url);
      await screensPrefetched(page);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Review', exact: true }).click();
      await page.getByRole('searchbox', { name: 'Search transcripts' }).fill('zebracorn');
      const hit = page.getByRole('list', { name: 'Transcript search results' }).getByRole('button').first();
      await hit.waitFor();
      const drawn = await armClickToDrawn(page, transcriptDrawn);
      await hit.click();
      opens.push(await drawn());
      // The same through Playwright: every row is there and the first is visible.
      await page.locator('.transcript-list li').last().waitFor({ state: 'attached' });
      await page.locator('.transcript-list li').first().waitFor();
      await page.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  opens.sort((a, b) => a - b);
  return {
    name: 'review_open_transcript_60min_ms',
    value: round(percentile(opens, 50), 0),
    unit: 'ms',
    note: `click on a search hit → the 60-minute transcript panel drawn (~9,000 words; timed in the page); median of 5 (min ${Math.round(opens[0]!)}, max ${Math.round(opens.at(-1)!)})`,
  };
}

const queries = ['gradient', 'attention heads', 'cache invalid', 'the', 'load factor rehash'];

export const transcriptsBench: Bench = {
  name: 'transcripts',
  figures: ['transcript_search_1000_ms', 'review_open_transcript_60min_ms', 'word_trends_100k_ms'],
  async run() {
    const random = seededRandom(11);
    const words = vocabulary();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loop-coach-bench-transcripts-'));
    const figures: Figure[] = [];
    try {
      seedProgress(dataDir, { sessions: 250, roundsPerSession: 4, seed: 11 });
      const app = await makeApp(dataDir);
      const roundIds = (app.db.$client.prepare('SELECT id FROM rounds ORDER BY started_at').all() as { id: string }[])
        .map((r) => r.id)
        .slice(0, 1000);
      let wordsStored = 0;
      const saving = performance.now();
      roundIds.forEach((roundId, i) => {
        // The last round is the 60-minute one the review opens, with a word only it has.
        const minutes = i === roundIds.length - 1 ? 60 : 20 + random() * 25;
        const segments = transcriptSegments(random, words, minutes);
        if (i === roundIds.length - 1) segments[40]!.text += ' zebracorn';
        wordsStored += segments.reduce((n, s) => n + s.words.length, 0);
        app.transcripts.save({ roundId, modelId: 'bench', segments, createdAt: 1 });
      });
      const saveMs = performance.now() - saving;

      const times: number[] = [];
      let hits = 0;
      for (let i = 0; i < 15; i++) {
        const query = queries[i % queries.length]!;
        const started = performance.now();
        const result = await dispatch(app.handlers, 'transcript:search', { query, offset: 0, limit: 20 });
        times.push(performance.now() - started);
        if (!result.ok) throw new Error(result.error.message);
        hits += (result.value as { total: number }).total;
      }
      times.sort((a, b) => a - b);
      figures.push({
        name: 'transcript_search_1000_ms',
        value: round(percentile(times, 50), 1),
        unit: 'ms',
        note: `${roundIds.length} transcripts, ${wordsStored} words; median of 15 first pages (p95 ${round(percentile(times, 95), 1)} ms, ${Math.round(hits / 15)} matches a query on average); saving them took ${round(saveMs / 1000, 1)} s`,
      });
      app.close();

      // The review of the 60-minute round, opened from a search hit.
      figures.push(await openTranscriptReview(dataDir));
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }

    // Trends at a year of practice: 100,000 rounds with stored word metrics.
    const bigDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loop-coach-bench-word-trends-'));
    try {
      seedProgress(bigDir, { sessions: 25_000, roundsPerSession: 4, weeks: 52, seed: 12 });
      const app = await makeApp(bigDir);
      const sample = app.words.store({
        roundId: (app.db.$client.prepare('SELECT id FROM rounds LIMIT 1').get() as { id: string }).id,
        segments: transcriptSegments(random, words, 5),
      });
      const rows = app.db.$client.prepare('SELECT id, started_at AS startedAt FROM rounds').all() as {
        id: string;
        startedAt: number;
      }[];
      // The rows as RoundWords.store writes them, varied, inserted in bulk (measuring 100k transcripts would take minutes).
      app.db.transaction((tx) => {
        for (let i = 0; i < rows.length; i += 500)
          tx.insert(roundWordMetrics)
            .values(
              rows.slice(i, i + 500).map((r) => ({
                roundId: r.id,
                startedAt: r.startedAt,
                wordCount: 600 + Math.floor(random() * 3000),
                speakingMs: 300_000,
                wordsPerMinute: 100 + random() * 80,
                fillerShare: random() * 0.08,
                fillersPerMinute: random() * 10,
                hedgesPerMinute: random() * 4,
                restartsPerMinute: random() * 2,
                repeats: Math.floor(random() * 6),
                restarts: Math.floor(random() * 6),
                msToFirstWord: 400 + random() * 3000,
                followUpsJudged: 2,
                followUpsAnswered: Math.floor(random() * 3),
                metricsJson: JSON.stringify(sample),
                computedAt: 1,
              })),
            )
            .onConflictDoNothing()
            .run();
      });
      const trendTimes: number[] = [];
      let weeks = 0;
      for (let i = 0; i < 7; i++) {
        const started = performance.now();
        const result = await dispatch(app.handlers, 'words:trends', { sinceMs: 0, utcOffsetMinutes: 60 });
        trendTimes.push(performance.now() - started);
        if (!result.ok) throw new Error(result.error.message);
        weeks = (result.value as { weeks: unknown[] }).weeks.length;
      }
      app.close();
      trendTimes.sort((a, b) => a - b);
      figures.push({
        name: 'word_trends_100k_ms',
        value: round(percentile(trendTimes, 50), 1),
        unit: 'ms',
        note: `${rows.length} rounds with word metrics → ${weeks} weekly points; median of 7`,
      });
    } finally {
      fs.rmSync(bigDir, { recursive: true, force: true });
    }
    return figures;
  },
};
