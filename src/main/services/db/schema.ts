/**
 * The whole SQLite schema, one file per concern under schema/, all exported from here. Migrations are generated from it by drizzle-kit
 * (`npm run db:generate`) into resources/migrations and applied at start.
 * Times are integer milliseconds (since the epoch, or on a recording's timeline where the name
 * says so); JSON columns hold zod-validated data. Enum columns take their values from the zod
 * enums in src/shared/enums.ts and a CHECK constraint makes SQLite refuse any other value.
 */
export * from './schema/sessions';
export * from './schema/review';
export * from './schema/derived';
export * from './schema/coach';
export * from './schema/follow-up-decisions';
