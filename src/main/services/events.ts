/** A typed event bus for main → renderer notifications; every subscription returns its unsubscribe. */
import type { EventChannel } from '../../shared/channels';
import type { EventPayload } from '../../shared/contract';

type Listener = (channel: EventChannel, payload: unknown) => void;

export class EventBus {
  private readonly listeners = new Set<Listener>();

  emit<E extends EventChannel>(channel: E, payload: EventPayload<E>): void {
    for (const listener of [...this.listeners]) listener(channel, payload);
  }

  /** Subscribes to every channel (transports forward them all). */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
