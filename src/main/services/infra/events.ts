/**
 * A typed event bus for main → renderer notifications, keyed by the contract's event map. Every
 * subscription returns its unsubscribe (the shape of wavesurfer.js's EventEmitter).
 */
import type { EventChannel } from '../../../shared/channels';
import type { EventPayload } from '../../../shared/contract';

export type AppEvents = { [E in EventChannel]: EventPayload<E> };

type AnyListener<M> = (channel: keyof M & string, payload: M[keyof M]) => void;

export class EventBus<M extends object = AppEvents> {
  private readonly listeners = new Set<AnyListener<M>>();

  emit<E extends keyof M & string>(channel: E, payload: M[E]): void {
    for (const listener of [...this.listeners]) listener(channel, payload);
  }

  /** One channel, its payload typed: for reactions between services. */
  on<E extends keyof M & string>(channel: E, listener: (payload: M[E]) => void): () => void {
    return this.subscribe((c, payload) => {
      if (c === channel) listener(payload as M[E]);
    });
  }

  /** Every channel (the transports forward them all). */
  subscribe(listener: AnyListener<M>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
