/** The content library as the renderer sees it: items, circuits, question types and content problems. */
import { z } from 'zod';
import { slug } from '../content';
import { origin } from '../enums';
import { none, type RequestSchemasFor } from './common';

export const contentProblem = z.object({
  /** Path of the offending file, relative to its content folder. */
  file: z.string(),
  /** Dotted path of the field at fault, or "" for the whole file. */
  field: z.string(),
  message: z.string(),
  origin,
});
export type ContentProblem = z.infer<typeof contentProblem>;

export const questionTypeView = z.object({
  id: z.string(),
  title: z.string(),
  recognise: z.string(),
  answerShape: z.array(z.string()),
  targetSeconds: z.number().optional(),
});
export type QuestionTypeView = z.infer<typeof questionTypeView>;

export const itemSummary = z.object({
  id: z.string(),
  kind: z.enum(['loop', 'mock']),
  title: z.string(),
  category: z.string(),
  summary: z.string().optional(),
  tags: z.array(z.string()),
  questionTypes: z.array(z.string()),
  roundCount: z.number().int(),
  budgetSeconds: z.number().int(),
  followUpCount: z.number().int(),
  origin,
});
export type ItemSummary = z.infer<typeof itemSummary>;

/** What the library may show before a round: never expected points, follow-up text or answers. */
export const itemPreview = itemSummary.extend({
  source: z.string().optional(),
  rounds: z.array(
    z.object({
      title: z.string().optional(),
      questionType: z.string(),
      prompt: z.string(),
      budgetSeconds: z.number().int(),
      followUpCount: z.number().int(),
    }),
  ),
});
export type ItemPreview = z.infer<typeof itemPreview>;

export const circuitSummary = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string().optional(),
  tags: z.array(z.string()),
  origin,
  totalMinutes: z.number(),
  steps: z.array(
    z.object({
      type: z.enum(['round', 'break']),
      label: z.string(),
      minutes: z.number(),
      itemTitles: z.array(z.string()),
    }),
  ),
});
export type CircuitSummary = z.infer<typeof circuitSummary>;

export const libraryView = z.object({
  items: z.array(itemSummary),
  circuits: z.array(circuitSummary),
  categories: z.array(z.string()),
  questionTypes: z.array(questionTypeView),
  problems: z.array(contentProblem),
});
export type LibraryView = z.infer<typeof libraryView>;

export const libraryRequests = {
  'library:list': { input: none, output: libraryView },
  'library:item': { input: z.object({ id: slug }).strict(), output: itemPreview },
  'library:reload': { input: none, output: libraryView },
} satisfies RequestSchemasFor;
