/** Writes session events one transaction at a time, printing each id after its commit, until killed. */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { openDatabase } from '../../src/main/services/db/open';
import { sessionEvents, sessions } from '../../src/main/services/db/schema';

const [dbFile, label] = process.argv.slice(2) as [string, string];
const { db } = openDatabase({
  file: dbFile,
  migrationsDir: path.resolve(__dirname, '..', '..', 'resources', 'migrations'),
  now: Date.now,
});
const sessionId = randomUUID();
db.insert(sessions)
  .values({ id: sessionId, title: label, sourceJson: '{"type":"random"}', status: 'running', createdAt: Date.now() })
  .run();
process.stdout.write(`session ${sessionId}\n`);
for (let i = 0; ; i++) {
  const id = db
    .insert(sessionEvents)
    .values({ sessionId, type: 'mic-silent', at: Date.now(), dataJson: JSON.stringify({ i, pad: 'x'.repeat(200) }) })
    .returning({ id: sessionEvents.id })
    .get().id;
  // Printed only after the commit returned: every printed id must survive the kill.
  process.stdout.write(`${id}\n`);
}
