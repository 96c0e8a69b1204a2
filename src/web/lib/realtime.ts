import { useEffect, useRef } from 'react';
import type { DomainEventEnvelope } from '../../shared/contracts/events';
import type { LiveEventType } from './realtime-events';

/** A domain event as the server streams it from GET /api/realtime (its payload as its type declares). */
export type RealtimeEvent = DomainEventEnvelope;

type Handler = (event: RealtimeEvent) => void;

/**
 * One shared connection to /api/realtime for the whole app.
 * The stream is read with fetch and parsed here (one connection, many exact-type subscriptions). It
 * reconnects with backoff while anyone is subscribed, also when the server ends it (after a role
 * change the new stream carries the new rights).
 */
class RealtimeConnection {
  private handlers = new Set<{ types: ReadonlySet<string>; handler: Handler }>();
  private abort: AbortController | null = null;
  private retryMs = 3000;
  private retryTimer: number | undefined;

  subscribe(types: readonly LiveEventType[], handler: Handler): () => void {
    const entry = { types: new Set<string>(types), handler };
    this.handlers.add(entry);
    if (!this.abort) this.connect();
    return () => {
      this.handlers.delete(entry);
      if (!this.handlers.size) this.stop();
    };
  }

  /** Reconnects (the stream is bound to the workspace at connect time). */
  restart(): void {
    this.stop();
    if (this.handlers.size) this.connect();
  }

  stop(): void {
    window.clearTimeout(this.retryTimer);
    this.abort?.abort();
    this.abort = null;
  }

  private connect(): void {
    const abort = new AbortController();
    this.abort = abort;
    void this.read(abort)
      .catch(() => undefined)
      .finally(() => {
        if (this.abort !== abort || abort.signal.aborted) return;
        this.abort = null;
        this.retryTimer = window.setTimeout(() => this.handlers.size && !this.abort && this.connect(), this.retryMs);
        this.retryMs = Math.min(this.retryMs * 2, 60_000);
      });
  }

  private async read(abort: AbortController): Promise<void> {
    const res = await fetch('/api/realtime', {
      headers: { accept: 'text/event-stream' },
      credentials: 'same-origin',
      signal: abort.signal,
    });
    if (!res.ok || !res.body) throw new Error(`realtime ${res.status}`);
    this.retryMs = 3000;
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let boundary: number;
      while ((boundary = buffer.indexOf('\n\n')) >= 0) {
        this.dispatch(buffer.slice(0, boundary));
        buffer = buffer.slice(boundary + 2);
      }
    }
  }

  private dispatch(block: string): void {
    const data = block
      .split('\n')
      .filter((l) => l.startsWith('data:'))
      .map((l) => l.slice(5).trimStart())
      .join('\n');
    if (!data) return;
    let event: RealtimeEvent;
    try {
      event = JSON.parse(data) as RealtimeEvent;
    } catch {
      return;
    }
    for (const { types, handler } of this.handlers) if (types.has(event.type)) handler(event);
  }
}

export const realtime = new RealtimeConnection();

/**
 * Calls `handler` for each live event of these exact types (e.g. `LIVE_EVENTS.deal`), while mounted.
 * Typical use: invalidate a query key so lists refresh when someone else changes something.
 */
export function useRealtime(types: readonly LiveEventType[], handler: Handler): void {
  const handlerRef = useRef(handler);
  handlerRef.current = handler;
  const key = types.join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the list is keyed by its contents
  useEffect(() => realtime.subscribe(types, (event) => handlerRef.current(event)), [key]);
}
