/** Looking up question types (ids in items) by their library definitions. */
import type { QuestionTypeView } from '@shared/contract';

export type QuestionTypeIndex = ReadonlyMap<string, QuestionTypeView>;

export function indexQuestionTypes(types: readonly QuestionTypeView[]): QuestionTypeIndex {
  return new Map(types.map((t) => [t.id, t]));
}

/** The display title of a question type id, or a readable form of the id if it is unknown. */
export function questionTypeTitle(index: QuestionTypeIndex, id: string): string {
  return index.get(id)?.title ?? id.replace(/-/g, ' ');
}
