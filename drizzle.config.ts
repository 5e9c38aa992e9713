import { defineConfig } from 'drizzle-kit';

// Migrations are numbered SQL files shipped with the app (resources/migrations) and applied at start.
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/main/services/db/schema.ts',
  out: './resources/migrations',
});
