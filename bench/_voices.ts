import { chromium } from 'playwright-core';
import { chromiumArgs } from '../tests/support/chromium';
(async () => {
  for (const args of [
    chromiumArgs(),
    ['--no-sandbox', '--enable-speech-dispatcher', '--disable-gpu'],
    chromiumArgs().filter((a) => !a.includes('background-networking')),
  ]) {
    const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
    const p = await b.newPage();
    await p.goto('data:text/html,<p>x</p>');
    const n = await p.evaluate(async () => {
      for (let i = 0; i < 30 && speechSynthesis.getVoices().length === 0; i++)
        await new Promise((r) => setTimeout(r, 100));
      return speechSynthesis.getVoices().length;
    });
    console.log(n, args.join(' ').slice(0, 120));
    await b.close();
  }
})();
