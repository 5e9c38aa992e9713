/** The user's calendar weeks live in src/shared (the main side buckets Progress by them too). */
export { localTimeZone, weekStart } from '@shared/local-week';
