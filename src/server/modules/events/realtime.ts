import pg from 'pg';
import type { Logger } from 'pino';
import type { Database } from '../../db/database.js';
import { fromJson } from '../../db/sql-helpers.js';
import type { DomainEvent } from './events.service.js';

type Listener = (event: DomainEvent) => void;
const MAX_NOTIFY_BYTES = 7000;

/**
 * Fans domain events out to this node's live subscribers (SSE streams). On PostgreSQL every node
 * LISTENs on one channel, so an event written on any node reaches subscribers on all of them.
 */
export class RealtimeHub {
  readonly channel: string;
  private listeners = new Map<string, Set<Listener>>();
  private client: pg.Client | null = null;
  private stopped = false;

  constructor(
    private database: Database,
    private log: Logger,
    channelSuffix = '',
  ) {
    this.channel = `crm_events${channelSuffix ? `_${channelSuffix}` : ''}`;
  }

  async start(): Promise<void> {
    if (!this.database.pgConfig || this.client) return; // only PostgreSQL has LISTEN
    this.stopped = false;
    await this.connect();
  }

  private async connect(): Promise<void> {
    const { connectionString, options } = this.database.pgConfig ?? {};
    const client = new pg.Client({ connectionString, options });
    client.on('notification', (msg) => {
      if (msg.channel === this.channel && msg.payload) void this.receive(msg.payload);
    });
    client.on('error', (err) => {
      this.log.warn({ err }, 'realtime listener lost its connection; reconnecting');
      this.client = null;
      if (!this.stopped) setTimeout(() => void this.connect().catch(() => undefined), 1000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${this.channel}`);
    this.client = client;
  }

  /** Payload for NOTIFY: the event itself, or only its id when too large for a notification. */
  encode(event: DomainEvent): string {
    const full = JSON.stringify(event);
    return Buffer.byteLength(full) <= MAX_NOTIFY_BYTES
      ? full
      : JSON.stringify({ id: event.id, workspaceId: event.workspaceId, ref: true });
  }

  private async receive(payload: string): Promise<void> {
    try {
      const msg = JSON.parse(payload) as DomainEvent & { ref?: boolean };
      if (!msg.ref) return this.dispatch(msg);
      const row = await this.database.db
        .selectFrom('events')
        .selectAll()
        .where('id', '=', msg.id)
        .where('workspace_id', '=', msg.workspaceId)
        .executeTakeFirst();
      if (row) {
        this.dispatch({
          id: row.id,
          workspaceId: row.workspace_id,
          type: row.type,
          entityType: row.entity_type,
          entityId: row.entity_id,
          actorId: row.actor_id,
          payload: fromJson(row.payload, {}),
          createdAt: row.created_at,
        });
      }
    } catch (err) {
      this.log.warn({ err }, 'could not deliver a realtime event');
    }
  }

  dispatch(event: DomainEvent): void {
    for (const listener of this.listeners.get(event.workspaceId) ?? []) {
      try {
        listener(event);
      } catch (err) {
        this.log.warn({ err }, 'realtime listener failed');
      }
    }
  }

  subscribe(workspaceId: string, listener: Listener): () => void {
    let set = this.listeners.get(workspaceId);
    if (!set) this.listeners.set(workspaceId, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  subscriberCount(): number {
    let n = 0;
    for (const s of this.listeners.values()) n += s.size;
    return n;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const c = this.client;
    this.client = null;
    if (c) await c.end().catch(() => undefined);
  }
}
