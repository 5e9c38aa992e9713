/** The user's settings, their defaults, and the partial update that changes only what it names. */
import { z } from 'zod';
import { rescoreSetting, followUpMode } from '../enums';
import { none, type RequestSchemasFor } from './common';

export const theme = z.enum(['system', 'light', 'dark']);

const settingsShape = {
  theme,
  /** Effective: when never chosen, 'adaptive' while a speech model is chosen, else 'scheduled'. */
  followUpMode,
  /** A speechSynthesis voice name; null picks the platform's default English voice. */
  voiceName: z.string().max(200).nullable(),
  speechRate: z.number().min(0.5).max(2),
  playbackRate: z.union([z.literal(1), z.literal(1.25), z.literal(1.5), z.literal(2)]),
  blindScoring: z.boolean(),
  focusLayout: z.boolean(),
  /** Blind re-score prompts (docs/metrics.md, "Honest self-scores"). */
  rescorePrompts: rescoreSetting,
  /** The speech-to-text model transcription uses (a models:list id); null: no transcription. */
  transcriptionModelId: z.string().max(64).nullable(),
  /** Time to think: a silence this long ends a thought unless the words break off mid-clause (docs/follow-ups.md). */
  thinkTimeMs: z.number().int().min(500).max(5000),
  /** Any silence this long ends a thought, whatever the last words (never below the think time in use). */
  longSilenceMs: z.number().int().min(2000).max(20_000),
  /** A practice aid: while live listening runs, the round shows which expected points were heard. */
  showLiveCoverage: z.boolean(),
};
export const settings = z.object(settingsShape);
export type Settings = z.infer<typeof settings>;
/** An update names only the fields it changes (no defaults, so nothing else is reset). */
export const settingsPatch = z.object(settingsShape).partial().strict();
export const defaultSettings: Settings = {
  theme: 'system',
  followUpMode: 'scheduled',
  voiceName: null,
  speechRate: 1,
  playbackRate: 1.5,
  blindScoring: false,
  focusLayout: true,
  rescorePrompts: 'auto',
  transcriptionModelId: null,
  thinkTimeMs: 1500,
  longSilenceMs: 6000,
  showLiveCoverage: false,
};

export const settingsRequests = {
  'settings:get': { input: none, output: settings },
  'settings:update': { input: settingsPatch, output: settings },
} satisfies RequestSchemasFor;
