/**
 * The event bus: on() hears one channel with its payload typed, and returns its unsubscribe;
 * subscribe() hears every channel (the transports' forwarders).
 */
import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../../../src/main/services/infra/events';

describe('EventBus', () => {
  it('on() hears only its channel, until its unsubscribe is called', () => {
    const events = new EventBus();
    const heard: string[] = [];
    const off = events.on('analysis:changed', ({ roundId, status }) => heard.push(`${roundId} ${status}`));
    events.emit('session:changed', { sessionId: 's1' });
    events.emit('analysis:changed', { roundId: 'r1', status: 'done' });
    off();
    events.emit('analysis:changed', { roundId: 'r2', status: 'done' });
    expect(heard).toEqual(['r1 done']);
  });

  it('subscribe() hears every channel; a listener removed while emitting does not stop the others', () => {
    const events = new EventBus();
    const heard: string[] = [];
    const offFirst = events.subscribe(() => offFirst());
    events.subscribe((channel) => heard.push(channel));
    events.emit('library:changed', { problems: 0 });
    events.emit('coach:changed', { what: 'actions' });
    expect(heard).toEqual(['library:changed', 'coach:changed']);
  });
});
