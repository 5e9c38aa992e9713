/** Library: search and filter the loops, mocks and circuits, preview one, and start a session. */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { SessionSource } from '@shared/contract';
import { libraryResource, reloadLibrary, useLibrary } from '../api/library';
import { Icon } from '../components/ui/Icon';
import { ScreenHeader } from '../components/ui/ScreenHeader';
import { StateMessage } from '../components/ui/StateMessage';
import { CircuitPreview } from '../components/library/CircuitPreview';
import { ContentProblems } from '../components/library/ContentProblems';
import { ItemPreviewPane } from '../components/library/ItemPreviewPane';
import { LibraryList, type LibraryListHandle } from '../components/library/LibraryList';
import { LibraryToolbar } from '../components/library/LibraryToolbar';
import { RandomMock } from '../components/library/RandomMock';
import { UserContentHint } from '../components/library/UserContentHint';
import { UnfinishedSessions } from '../components/session/UnfinishedSessions';
import { TodayPanel } from '../components/today/TodayPanel';
import { useUnfinishedSessions } from '../components/session/useUnfinishedSessions';
import { errorMessage, isUnavailable } from '../lib/errors';
import { plural } from '../lib/format';
import {
  emptyFilters,
  filterLibrary,
  filtersActive,
  mockCategories,
  type LibraryFilters,
  type LibraryUiState,
} from '../lib/library-filter';
import { indexQuestionTypes } from '../lib/question-types';
import './LibraryScreen.css';

type Props = {
  ui: LibraryUiState;
  onUiChange: (ui: LibraryUiState) => void;
  onStart: (source: SessionSource) => Promise<void>;
  /** Resume an unfinished session (left by a crash, a restart or a closed window). */
  onResume: (sessionId: string) => Promise<void>;
  /** The session open in this window, if any: it is on the Session screen, not offered here. */
  currentSessionId: string | null;
};

export function LibraryScreen({ ui, onUiChange, onStart, onResume, currentSessionId }: Props) {
  const { data: library, error, loading } = useLibrary();
  const unfinished = useUnfinishedSessions();
  const leftUnfinished = unfinished.list.filter((s) => s.sessionId !== currentSessionId);
  const listRef = useRef<LibraryListHandle>(null);
  const previewRef = useRef<HTMLElement>(null);
  const [starting, setStarting] = useState<string | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);

  const questionTypes = useMemo(() => indexQuestionTypes(library?.questionTypes ?? []), [library]);
  const results = useMemo(
    () => (library ? filterLibrary(library, ui.filters) : { circuits: [], items: [] }),
    [library, ui.filters],
  );
  const resultCount = results.circuits.length + results.items.length;
  const totalCount = library ? library.items.length + library.circuits.length : 0;

  const setFilters = (filters: LibraryFilters) => onUiChange({ ...ui, filters });
  const select = (selectedKey: string) => onUiChange({ ...ui, selectedKey });

  // Select the first entry once the library has loaded, so the preview is never empty by default.
  useEffect(() => {
    if (!library || ui.selectedKey) return;
    const first = results.circuits[0] ?? results.items[0];
    if (first) onUiChange({ ...ui, selectedKey: first.key });
  }, [library, ui, results, onUiChange]);

  // A newly selected entry's preview starts at its top.
  useEffect(() => {
    previewRef.current?.scrollTo({ top: 0 });
  }, [ui.selectedKey]);

  const start = async (source: SessionSource, key: string) => {
    setStarting(key);
    setStartError(null);
    try {
      await onStart(source);
    } catch (err) {
      setStartError(errorMessage(err));
      setStarting(null);
    }
  };

  const reload = async () => {
    setReloading(true);
    setStartError(null);
    try {
      await reloadLibrary();
    } catch {
      // The error is shown from the library state.
    } finally {
      setReloading(false);
    }
  };

  const selectedItem =
    library && ui.selectedKey?.startsWith('item:')
      ? library.items.find((i) => `item:${i.id}` === ui.selectedKey)
      : undefined;
  const selectedCircuit =
    library && ui.selectedKey?.startsWith('circuit:')
      ? library.circuits.find((c) => `circuit:${c.id}` === ui.selectedKey)
      : undefined;

  const header = (
    <ScreenHeader
      title="Library"
      subtitle={
        library
          ? `${plural(library.items.length, 'loop or mock', 'loops and mocks')} · ${plural(library.circuits.length, 'circuit')}`
          : 'Loops, mocks and circuits to practise'
      }
      actions={
        <>
          <RandomMock
            categories={library ? mockCategories(library) : []}
            starting={starting !== null || !library}
            onStart={(category) => void start({ type: 'random', ...(category ? { category } : {}) }, 'random')}
          />
          <button type="button" className="btn" onClick={() => void reload()} disabled={reloading}>
            <Icon name="reload" size={14} />
            {reloading ? 'Reloading…' : 'Reload content'}
          </button>
        </>
      }
    />
  );

  if (!library) {
    return (
      <div className="library-screen">
        <div className="library-top">{header}</div>
        <div className="library-state panel">
          {error ? (
            <StateMessage
              kind="error"
              icon="alert"
              title={isUnavailable(error) ? 'The local server is not answering' : 'Could not load the library'}
              action={
                <button
                  type="button"
                  className="btn"
                  onClick={() => void libraryResource.refresh().catch(() => undefined)}
                  disabled={loading}
                >
                  Try again
                </button>
              }
            >
              {errorMessage(error)}
            </StateMessage>
          ) : (
            <StateMessage kind="loading" title="Loading the library…" />
          )}
        </div>
      </div>
    );
  }

  return (
    <div className="library-screen">
      <div className="library-top">
        {header}
        {error ? (
          <div className="library-banner library-banner-error" role="alert">
            <Icon name="alert" />
            <span>Could not reload the content: {errorMessage(error)} Showing what was loaded before.</span>
          </div>
        ) : null}
        {startError ? (
          <div className="library-banner library-banner-error" role="alert">
            <Icon name="alert" />
            <span>Could not start the session: {startError}</span>
            <button
              type="button"
              className="btn btn-ghost btn-small"
              aria-label="Dismiss"
              onClick={() => setStartError(null)}
            >
              <Icon name="close" size={14} />
            </button>
          </div>
        ) : null}
        <UnfinishedSessions sessions={leftUnfinished} onResume={onResume} onClose={unfinished.close} />
        <TodayPanel starting={starting !== null} onStart={(source) => void start(source, 'today')} />
        <ContentProblems problems={library.problems} />
        <LibraryToolbar
          filters={ui.filters}
          onChange={setFilters}
          categories={library.categories}
          questionTypes={library.questionTypes}
          onLeaveSearch={() => listRef.current?.focus()}
        />
      </div>

      <div className="library-body">
        <section className="library-list-pane panel" aria-label="Results">
          <div className="library-count" aria-live="polite">
            {filtersActive(ui.filters)
              ? `${resultCount} of ${totalCount} shown`
              : `${plural(totalCount, 'entry', 'entries')}`}
            {filtersActive(ui.filters) ? (
              <button type="button" className="btn btn-ghost btn-small" onClick={() => setFilters(emptyFilters)}>
                Clear filters
              </button>
            ) : null}
          </div>
          <div className="library-list-scroll">
            {resultCount === 0 ? (
              <StateMessage
                kind="empty"
                icon="search"
                title={totalCount === 0 ? 'The library is empty' : 'Nothing matches'}
                compact
              >
                {totalCount === 0
                  ? 'No loops, mocks or circuits are loaded. Add YAML files to your content folder, then reload.'
                  : ui.filters.query.trim()
                    ? `No results for “${ui.filters.query.trim()}” with these filters. Try fewer words or clear the filters.`
                    : 'No entries match these filters.'}
              </StateMessage>
            ) : (
              <LibraryList
                ref={listRef}
                circuits={results.circuits}
                items={results.items}
                selectedKey={ui.selectedKey}
                onSelect={select}
                questionTypes={questionTypes}
              />
            )}
          </div>
          <UserContentHint />
        </section>

        <section ref={previewRef} className="library-preview-pane panel" aria-label="Preview">
          {selectedItem ? (
            <ItemPreviewPane
              key="item"
              id={selectedItem.id}
              questionTypes={questionTypes}
              starting={starting === `item:${selectedItem.id}`}
              onStart={() => void start({ type: 'item', id: selectedItem.id }, `item:${selectedItem.id}`)}
            />
          ) : selectedCircuit ? (
            <CircuitPreview
              circuit={selectedCircuit}
              starting={starting === `circuit:${selectedCircuit.id}`}
              onStart={() => void start({ type: 'circuit', id: selectedCircuit.id }, `circuit:${selectedCircuit.id}`)}
            />
          ) : (
            <StateMessage kind="empty" icon="library" title="Nothing selected">
              Choose a loop, mock or circuit to see its rounds before you start.
            </StateMessage>
          )}
        </section>
      </div>
    </div>
  );
}
