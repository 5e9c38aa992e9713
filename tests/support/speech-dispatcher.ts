/**
 * A private speech-dispatcher for test and benchmark browsers. These machines have no sound card, so
 * the stock daemon's espeak-ng output hangs on its first utterance (`end` never fires) and every
 * later browser sees no voices at all. This one plays into ALSA's null device instead, so real
 * espeak-ng voices start and end normally; Chromium finds it through SPEECHD_ADDRESS.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type SpeechDaemon = { address: string; stop: () => void };

export async function startSpeechDispatcher(): Promise<SpeechDaemon | null> {
  if (spawnSync('which', ['speech-dispatcher']).status !== 0 || !fs.existsSync('/etc/speech-dispatcher/speechd.conf')) {
    console.warn(
      'speech-dispatcher is not installed: speech tests will find no voices (apt-get install speech-dispatcher speech-dispatcher-espeak-ng).',
    );
    return null;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loop-coach-speechd-'));
  const conf = path.join(dir, 'conf');
  fs.cpSync('/etc/speech-dispatcher', conf, { recursive: true });
  const speechd = path.join(conf, 'speechd.conf');
  fs.writeFileSync(speechd, `${fs.readFileSync(speechd, 'utf8')}\nAudioOutputMethod "alsa"\n`);
  const asound = path.join(dir, 'asound.conf');
  fs.writeFileSync(
    asound,
    '</usr/share/alsa/alsa.conf>\npcm.!default { type null }\nctl.!default { type hw card 0 }\n',
  );
  const socket = path.join(dir, 'speechd.sock');
  fs.mkdirSync(path.join(dir, 'log'));
  const child: ChildProcess = spawn(
    'speech-dispatcher',
    [
      // Single mode: stays in the foreground as our child, so stop() really ends it.
      '-s',
      '-C',
      conf,
      '--communication-method',
      'unix_socket',
      '--socket-path',
      socket,
      '-t',
      '0',
      '-l',
      '1',
      '-L',
      path.join(dir, 'log'),
      // Its own pid file: with the shared one (~/.cache/speech-dispatcher/pid) it refuses to start
      // ("already running") whenever any other speech-dispatcher runs for this user.
      '-P',
      path.join(dir, 'speechd.pid'),
    ],
    { env: { ...process.env, ALSA_CONFIG_PATH: asound }, stdio: 'ignore', detached: true },
  );
  // Up to 30 s: a busy machine starts it slowly. Without it every browser of the run lists no voices
  // and the speech tests fail far from the cause, so say so here, with the daemon's own log.
  let exited = false;
  child.once('exit', () => (exited = true));
  for (let i = 0; i < 600 && !exited && !fs.existsSync(socket); i++) await new Promise((r) => setTimeout(r, 50));
  if (!fs.existsSync(socket)) {
    child.kill('SIGKILL');
    const logs = fs.readdirSync(path.join(dir, 'log')).map((f) => fs.readFileSync(path.join(dir, 'log', f), 'utf8'));
    throw new Error(
      `speech-dispatcher did not start (${exited ? 'it exited' : 'no socket after 30 s'}); its log:\n${logs.join('\n').slice(-2000)}`,
    );
  }
  return {
    address: `unix_socket:${socket}`,
    stop: () => {
      child.kill('SIGKILL');
      // Its output modules run as separate processes named after our config folder.
      spawnSync('pkill', ['-KILL', '-f', dir]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
