/**
 * Opening the waveform of a 60-minute round in Chromium: drawn from stored peaks and the stored
 * duration (what the review screen does) against wavesurfer.js decoding the whole file (the obvious
 * alternative), in one run. Both sides are measured the same way: one warm-up each, then RUNS opens
 * of each, alternating, and the figure is the median of each side; the ratio is the ratio of the
 * medians. A tiny local server serves wavesurfer's own build and the files with Range.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileResponse } from '../src/main/services/infra/file-response';
import { decodeToPcm } from '../src/main/services/recording/ffmpeg';
import { PEAKS_PER_SECOND } from '../src/shared/contract';
import { launchChromium } from './browser';
import { longRecording } from './fixtures';
import { percentile, round, type Bench } from './figure';

/** Opens per side (after one warm-up each). */
const RUNS = 5;

const root = path.resolve(__dirname, '..');

/** Peaks as the recorder stores them: one byte per 1/50 s, sqrt-scaled. */
async function peaksFor(webm: string): Promise<string> {
  const file = `${webm}.peaks`;
  if (fs.existsSync(file)) return file;
  const sampleRate = 8000;
  const pcm = await decodeToPcm(webm, sampleRate);
  const bin = sampleRate / PEAKS_PER_SECOND;
  const out = new Uint8Array(Math.floor(pcm.length / bin));
  for (let i = 0; i < out.length; i++) {
    let max = 0;
    for (let j = i * bin; j < (i + 1) * bin; j++) max = Math.max(max, Math.abs(pcm[j]!));
    out[i] = Math.round(Math.sqrt(max / 32768) * 255);
  }
  fs.writeFileSync(file, out);
  return file;
}

const page = `<!doctype html><meta charset="utf-8"><body><div id="wave" style="width:1200px"></div>
<script type="module">
import WaveSurfer from '/wavesurfer.js';
async function open(usePeaks) {
  const container = document.getElementById('wave');
  container.innerHTML = '';
  const t0 = performance.now();
  const options = { container, height: 128, url: '/audio.webm', backend: 'MediaElement' };
  if (usePeaks) {
    const bytes = new Uint8Array(await (await fetch('/audio.peaks')).arrayBuffer());
    const peaks = new Float32Array(bytes.length);
    for (let i = 0; i < bytes.length; i++) peaks[i] = (bytes[i] / 255) ** 2;
    options.peaks = [peaks];
    options.duration = Number(new URLSearchParams(location.search).get('duration'));
  }
  const ws = WaveSurfer.create(options);
  await new Promise((resolve) => ws.once('redrawcomplete', resolve));
  const ms = performance.now() - t0;
  ws.destroy();
  return ms;
}
window.openWave = open;
</script>`;

export const waveformBench: Bench = {
  name: 'waveform',
  figures: ['waveform_open_60min_ms'],
  async run() {
    const webm = longRecording(60);
    const peaks = await peaksFor(webm);
    const durationSeconds = fs.statSync(peaks).size / PEAKS_PER_SECOND;
    const files: Record<string, string> = {
      '/wavesurfer.js': path.join(root, 'node_modules/wavesurfer.js/dist/wavesurfer.esm.js'),
      '/audio.webm': webm,
      '/audio.peaks': peaks,
    };
    const server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname === '/') {
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end(page);
      }
      const file = files[url.pathname];
      const reply = file ? fileResponse(file, req.headers.range) : null;
      if (!reply || reply.status === 404) {
        res.writeHead(404);
        return res.end();
      }
      res.writeHead(reply.status, reply.headers);
      if (reply.body) reply.body.pipe(res);
      else res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const browser = await launchChromium();
    try {
      const tab = await browser.newPage();
      await tab.goto(`http://127.0.0.1:${port}/?duration=${durationSeconds}`);
      await tab.waitForFunction(() => 'openWave' in window);
      const open = (usePeaks: boolean) =>
        tab.evaluate((p) => (window as unknown as { openWave: (p: boolean) => Promise<number> }).openWave(p), usePeaks);
      // Warm-up of each side: the module, fonts and the audio element's first fetch happen once.
      await open(true);
      await open(false);
      const fromPeaks: number[] = [];
      const decoding: number[] = [];
      // Alternating, so a slow moment of the machine falls on both sides alike.
      for (let i = 0; i < RUNS; i++) {
        fromPeaks.push(await open(true));
        decoding.push(await open(false));
      }
      const median = (values: number[]) =>
        percentile(
          [...values].sort((a, b) => a - b),
          50,
        );
      const value = median(fromPeaks);
      const baseline = median(decoding);
      return [
        {
          name: 'waveform_open_60min_ms',
          value: round(value, 1),
          unit: 'ms',
          baseline: round(baseline, 1),
          ratio: round(baseline / value, 1),
          note: `stored peaks vs decoding the file; median of ${RUNS} each, ratio of medians`,
        },
      ];
    } finally {
      await browser.close();
      server.close();
    }
  },
};
