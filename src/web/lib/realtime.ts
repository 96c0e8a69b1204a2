import { useEffect, useRef } from 'react';

/** A domain event as the server streams it from GET /api/realtime. */
export interface RealtimeEvent {
  id: string;
  workspaceId: string;
  type: string;
  entityType: string;
  entityId: string | null;
  actorId: string | null;
  payload: Record<string, unknown>;
  createdAt: string;
}

type Handler = (event: RealtimeEvent) => void;

/**
 * One shared connection to /api/realtime for the whole app.
 * The server names each SSE event by its type (`event: deal.moved`), and an EventSource only delivers
 * named events to listeners for that exact name; prefix subscriptions need every event, so the stream is
 * read with fetch and parsed here. It reconnects with backoff while anyone is subscribed.
 */
class RealtimeConnection {
  private handlers = new Set<{ prefix: string; handler: Handler }>();
  private abort: AbortController | null = null;
  private retryMs = 3000;
  private retryTimer: number | undefined;

  subscribe(prefix: string, handler: Handler): () => void {
    const entry = { prefix, handler };
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
    for (const { prefix, handler } of this.handlers) if (event.type.startsWith(prefix)) handler(event);
  }
}

export const realtime = new RealtimeConnection();

/**
 * Calls `handler` for each live event whose type starts with `prefix` (e.g. 'deal.'), while mounted.
 * Typical use: invalidate a query key so lists refresh when someone else changes something.
 */
export function useRealtime(prefix: string, handler: Handler): void {
  const handlerRef = useRef(handler);
  handlerRef.current = handler;
  useEffect(() => realtime.subscribe(prefix, (event) => handlerRef.current(event)), [prefix]);
}
