/** The library's request handlers. */
import { NotFoundError } from '../infra/errors';
import type { HandlerGroup } from '../infra/handlers';
import type { ContentLibrary } from './library';
import { itemPreview, libraryView } from './views';

export function libraryHandlers({ library }: { library: ContentLibrary }): HandlerGroup<'library'> {
  return {
    'library:list': () => libraryView(library.current()),
    'library:reload': () => library.reload(),
    'library:item': ({ id }) => {
      const item = library.current().items.get(id);
      if (!item) throw new NotFoundError(`No loop or mock has the id "${id}".`);
      return itemPreview(item);
    },
  };
}
