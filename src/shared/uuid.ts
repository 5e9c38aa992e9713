/**
 * Ids are UUIDs in one spelling: lower case. Every schema that takes one lower-cases it as it parses
 * (IPC, browser mode and import alike), so two spellings of one id can never be two rows, nor two
 * file names that a case-insensitive volume (APFS, NTFS, FAT) folds into one.
 */
import { z } from 'zod';

/** A UUID, lower-cased on the way in (`.toLowerCase()` keeps it a ZodString). */
export const uuid = () => z.string().uuid().toLowerCase();

/** The canonical spelling as a pattern, for names built from ids (bundle and recording file names). */
export const UUID_PATTERN = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/.source;
