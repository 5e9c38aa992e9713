/**
 * The handler table's types, in a leaf module so feature folders can declare their group without
 * importing the composition root (app.ts), which imports them.
 */
import type { RequestChannel } from '../../../shared/channels';
import type { ParsedInput, RequestOutput } from '../../../shared/contract';

export type Handlers = {
  [C in RequestChannel]: (input: ParsedInput<C>) => RequestOutput<C> | Promise<RequestOutput<C>>;
};

/** The handlers of every channel named `prefix:…`, e.g. HandlerGroup<'coach'>. */
export type HandlerGroup<Prefix extends string> = Pick<Handlers, Extract<RequestChannel, `${Prefix}:${string}`>>;
