/** The library the app serves (built-in plus the user's content), reloaded when the user asks. */
import type { EventBus } from '../infra/events';
import { loadContent, type ContentSources, type LoadedContent } from './load';
import { libraryView } from './views';

export class ContentLibrary {
  constructor(
    private content: LoadedContent,
    private readonly sources: ContentSources,
    private readonly events: EventBus,
  ) {}

  /** Read on every call, so services holding this getter see a reload at once. */
  readonly current = (): LoadedContent => this.content;

  async reload() {
    this.content = await loadContent(this.sources);
    this.events.emit('library:changed', { problems: this.content.problems.length });
    return libraryView(this.content);
  }
}
