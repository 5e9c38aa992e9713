/** What the app reports about itself and where it keeps its data. */
import { z } from 'zod';
import { none, type RequestSchemasFor } from './common';

export const appInfo = z.object({
  version: z.string(),
  transport: z.enum(['electron', 'web']),
  dataDir: z.string(),
  databaseFile: z.string(),
  userContentDir: z.string(),
});
export type AppInfo = z.infer<typeof appInfo>;

export const appRequests = {
  'app:info': { input: none, output: appInfo },
} satisfies RequestSchemasFor;
