/**
 * The results: one listbox (arrow keys, Home/End, Page Up/Down; selection follows focus, Enter and
 * click select), with circuits and loops/mocks as labelled groups.
 */
import { forwardRef, useEffect, useImperativeHandle, useRef, type KeyboardEvent } from 'react';
import type { LibraryEntry } from '../../lib/library-filter';
import type { QuestionTypeIndex } from '../../lib/question-types';
import { CircuitRow, ItemRow } from './LibraryRows';
import './LibraryList.css';

type Props = {
  circuits: readonly LibraryEntry[];
  items: readonly LibraryEntry[];
  selectedKey: string | null;
  onSelect: (key: string) => void;
  questionTypes: QuestionTypeIndex;
};

export type LibraryListHandle = { focus: () => void };

const optionId = (key: string) => `library-option-${key.replace(/[^a-z0-9-]/gi, '-')}`;

export const LibraryList = forwardRef<LibraryListHandle, Props>(function LibraryList(
  { circuits, items, selectedKey, onSelect, questionTypes },
  ref,
) {
  const listRef = useRef<HTMLDivElement>(null);
  const all = [...circuits, ...items];
  const activeIndex = all.findIndex((entry) => entry.key === selectedKey);

  useImperativeHandle(ref, () => ({
    focus: () => {
      listRef.current?.focus();
      const first = all[0];
      if (activeIndex < 0 && first) onSelect(first.key);
    },
  }));

  // Keep the selected option in view (after keyboard moves and when filters change).
  useEffect(() => {
    if (!selectedKey) return;
    document.getElementById(optionId(selectedKey))?.scrollIntoView({ block: 'nearest' });
  }, [selectedKey]);

  const move = (index: number) => {
    const clamped = Math.max(0, Math.min(all.length - 1, index));
    const entry = all[clamped];
    if (entry) onSelect(entry.key);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = activeIndex < 0 ? -1 : activeIndex;
    const handled: Record<string, () => void> = {
      ArrowDown: () => move(current + 1),
      ArrowUp: () => move(current < 0 ? 0 : current - 1),
      Home: () => move(0),
      End: () => move(all.length - 1),
      PageDown: () => move(current + 8),
      PageUp: () => move(current - 8),
      Enter: () => move(current < 0 ? 0 : current),
      ' ': () => move(current < 0 ? 0 : current),
    };
    const action = handled[event.key];
    if (!action || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    action();
  };

  const renderEntry = (entry: LibraryEntry) => {
    const selected = entry.key === selectedKey;
    return (
      <div
        key={entry.key}
        id={optionId(entry.key)}
        role="option"
        aria-selected={selected}
        className={`library-option${selected ? ' is-selected' : ''}`}
        onClick={() => onSelect(entry.key)}
      >
        {entry.type === 'item' ? (
          <ItemRow item={entry.item} questionTypes={questionTypes} />
        ) : (
          <CircuitRow circuit={entry.circuit} />
        )}
      </div>
    );
  };

  const grouped = circuits.length > 0 && items.length > 0;
  return (
    <div
      ref={listRef}
      className="library-list"
      role="listbox"
      aria-label="Library items"
      tabIndex={0}
      aria-activedescendant={activeIndex >= 0 && selectedKey ? optionId(selectedKey) : undefined}
      onKeyDown={onKeyDown}
    >
      {grouped ? (
        <>
          <div role="group" aria-labelledby="library-group-circuits">
            <div id="library-group-circuits" className="library-group-label" role="presentation">
              Circuits
            </div>
            {circuits.map(renderEntry)}
          </div>
          <div role="group" aria-labelledby="library-group-items">
            <div id="library-group-items" className="library-group-label" role="presentation">
              Loops and mocks
            </div>
            {items.map(renderEntry)}
          </div>
        </>
      ) : (
        all.map(renderEntry)
      )}
    </div>
  );
});
