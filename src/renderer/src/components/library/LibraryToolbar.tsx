/** Search box and filters for the library. */
import { useEffect, useRef } from 'react';
import type { QuestionTypeView } from '@shared/contract';
import type { KindFilter, LibraryFilters } from '../../lib/library-filter';
import { Icon } from '../ui/Icon';
import { SegmentedControl } from '../ui/SegmentedControl';
import './LibraryToolbar.css';

type Props = {
  filters: LibraryFilters;
  onChange: (filters: LibraryFilters) => void;
  categories: readonly string[];
  questionTypes: readonly QuestionTypeView[];
  /** Moves focus from the search box into the results (ArrowDown). */
  onLeaveSearch: () => void;
};

const kindOptions: ReadonlyArray<{ value: KindFilter; label: string }> = [
  { value: 'all', label: 'All' },
  { value: 'loop', label: 'Loops' },
  { value: 'mock', label: 'Mocks' },
  { value: 'circuit', label: 'Circuits' },
];

export function LibraryToolbar({ filters, onChange, categories, questionTypes, onLeaveSearch }: Props) {
  const searchRef = useRef<HTMLInputElement>(null);
  const set = (patch: Partial<LibraryFilters>) => onChange({ ...filters, ...patch });
  const circuitsOnly = filters.kind === 'circuit';

  // "/" focuses the search box from anywhere on the Library screen (unless typing elsewhere).
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      event.preventDefault();
      searchRef.current?.focus();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <div className="library-toolbar" role="search">
      <div className="library-search">
        <Icon name="search" />
        <input
          ref={searchRef}
          className="input"
          type="search"
          aria-label="Search the library"
          placeholder="Search titles, topics, tags…  ( / )"
          value={filters.query}
          onChange={(e) => set({ query: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              onLeaveSearch();
            } else if (e.key === 'Escape' && filters.query) {
              e.preventDefault();
              set({ query: '' });
            }
          }}
          spellCheck={false}
          autoComplete="off"
        />
      </div>
      <div className="library-filter">
        <select
          className="select"
          aria-label="Category"
          value={filters.category}
          onChange={(e) => set({ category: e.target.value })}
          disabled={circuitsOnly}
          title={circuitsOnly ? 'Circuits mix categories' : undefined}
        >
          <option value="">All categories</option>
          {categories.map((category) => (
            <option key={category} value={category}>
              {category}
            </option>
          ))}
        </select>
      </div>
      <div className="library-filter">
        <select
          className="select"
          aria-label="Question type"
          value={filters.questionType}
          onChange={(e) => set({ questionType: e.target.value })}
          disabled={circuitsOnly}
          title={circuitsOnly ? 'Circuits mix question types' : undefined}
        >
          <option value="">All question types</option>
          {questionTypes.map((type) => (
            <option key={type.id} value={type.id}>
              {type.title}
            </option>
          ))}
        </select>
      </div>
      <SegmentedControl
        label="Kind"
        hideLabel
        options={kindOptions}
        value={filters.kind}
        onChange={(kind) => set({ kind })}
      />
    </div>
  );
}
