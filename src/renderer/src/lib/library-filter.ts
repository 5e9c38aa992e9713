/** The library's search and filters: pure functions over LibraryView. */
import type { CircuitSummary, ItemSummary, LibraryView } from '@shared/contract';

export type KindFilter = 'all' | 'loop' | 'mock' | 'circuit';

export type LibraryFilters = {
  query: string;
  /** "" means any. */
  category: string;
  /** A question type id; "" means any. */
  questionType: string;
  kind: KindFilter;
};

/** What the Library remembers while you visit other screens (App keeps it; LibraryScreen edits it). */
export type LibraryUiState = { filters: LibraryFilters; selectedKey: string | null };

export const emptyFilters: LibraryFilters = { query: '', category: '', questionType: '', kind: 'all' };

export type LibraryEntry =
  { type: 'item'; key: string; item: ItemSummary } | { type: 'circuit'; key: string; circuit: CircuitSummary };

export const itemKey = (id: string) => `item:${id}`;
export const circuitKey = (id: string) => `circuit:${id}`;

/** Lower-case, accents stripped, dashes and underscores read as spaces. */
function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[-_]+/g, ' ');
}

function matchesQuery(query: string, fields: ReadonlyArray<string | undefined>): boolean {
  const terms = normalise(query).split(/\s+/).filter(Boolean);
  if (terms.length === 0) return true;
  const haystack = normalise(fields.filter(Boolean).join(' \u0000 '));
  return terms.every((term) => haystack.includes(term));
}

export function filtersActive(filters: LibraryFilters): boolean {
  return (
    filters.query.trim() !== '' || filters.category !== '' || filters.questionType !== '' || filters.kind !== 'all'
  );
}

/** Circuits first (they are few and long), then loops and mocks in the library's order. */
export function filterLibrary(
  library: LibraryView,
  filters: LibraryFilters,
): { circuits: LibraryEntry[]; items: LibraryEntry[] } {
  const showItems = filters.kind !== 'circuit';
  // Circuits have no single category or question type: a filter on either hides them.
  const showCircuits =
    (filters.kind === 'all' || filters.kind === 'circuit') &&
    (filters.kind === 'circuit' || (!filters.category && !filters.questionType));

  const items = showItems
    ? library.items
        .filter((item) => filters.kind === 'all' || item.kind === filters.kind)
        .filter((item) => !filters.category || item.category === filters.category)
        .filter((item) => !filters.questionType || item.questionTypes.includes(filters.questionType))
        .filter((item) => matchesQuery(filters.query, [item.title, item.summary, item.category, ...item.tags]))
        .map((item): LibraryEntry => ({ type: 'item', key: itemKey(item.id), item }))
    : [];

  const circuits = showCircuits
    ? library.circuits
        .filter((circuit) =>
          matchesQuery(filters.query, [
            circuit.title,
            circuit.summary,
            ...circuit.tags,
            ...circuit.steps.flatMap((s) => [s.label, ...s.itemTitles]),
          ]),
        )
        .map((circuit): LibraryEntry => ({ type: 'circuit', key: circuitKey(circuit.id), circuit }))
    : [];

  return { circuits, items };
}

/** Categories that hold at least one mock: the choices for a random mock. */
export function mockCategories(library: LibraryView): string[] {
  return library.categories.filter((category) =>
    library.items.some((i) => i.kind === 'mock' && i.category === category),
  );
}
