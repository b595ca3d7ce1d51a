import type { WebSocket } from 'ws';
import { ROOM_LIMITS, type ServerMessage } from '../room/protocol.ts';
import { TokenBucket } from './limits.ts';
import { Room, type Participant } from './room.ts';
import { newRoomCode, newToken } from './secrets.ts';

/**
 * The rooms a server holds and the connections in each: who is connected to which room as what, how
 * each connection is limited, and what goes out to whom. `connection.ts` reads each message and calls
 * these; the heartbeat (`tick`) ends dead connections and idle rooms.
 */

export interface HubOptions {
  /** The clock for rate limits and expiry (ms); a test passes one it controls. */
  now: () => number;
  maxParticipants: number;
  maxRooms: number;
  maxConnections: number;
  /** A room nobody has sent a message to for this long ends. */
  idleMs: number;
  /** A connection that has not joined or opened a room within this is closed. */
  helloMs: number;
}

export const DEFAULT_HUB_OPTIONS: HubOptions = {
  now: () => Date.now(),
  maxParticipants: ROOM_LIMITS.maxParticipants,
  maxRooms: 100,
  maxConnections: 5000,
  idleMs: 2 * 60 * 60 * 1000,
  helloMs: 30_000,
};

export interface Conn {
  ws: WebSocket;
  openedMs: number;
  room: LiveRoom | null;
  /** The participant this connection speaks for; null for a facilitator or before joining. */
  participant: Participant | null;
  host: boolean;
  bucket: TokenBucket;
  /** Messages refused by the rate limit, and when the last notice of it went out. */
  refused: number;
  noticeMs: number;
  /** Room codes tried that named no room. */
  wrongCodes: number;
  alive: boolean;
}

/** A room and the connections in it. */
export interface LiveRoom {
  room: Room;
  hosts: Set<Conn>;
  people: Set<Conn>;
  tallyQueued: boolean;
}

/** A connection whose peer stops reading is cut off before its queue grows past this. */
const MAX_BUFFERED = 4 * 1024 * 1024;

export class Hub {
  readonly rooms = new Map<string, LiveRoom>();
  readonly conns = new Set<Conn>();
  /** Wrong room codes, server-wide: about ten a second, so codes cannot be tried in bulk. */
  readonly wrongCodeBudget: TokenBucket;

  constructor(readonly options: HubOptions) {
    this.wrongCodeBudget = new TokenBucket(10, 60, options.now());
  }

  send(conn: Conn, message: ServerMessage): void {
    if (conn.ws.readyState !== conn.ws.OPEN) return;
    if (conn.ws.bufferedAmount > MAX_BUFFERED) {
      conn.ws.terminate();
      return;
    }
    conn.ws.send(JSON.stringify(message));
  }

  /** Opens a room with a fresh code; null when the server holds as many as it may. */
  createRoom(): LiveRoom | null {
    if (this.rooms.size >= this.options.maxRooms) return null;
    let code = newRoomCode();
    while (this.rooms.has(code)) code = newRoomCode();
    const room = new Room(code, newToken(), this.options.now(), this.options.maxParticipants);
    const live: LiveRoom = { room, hosts: new Set(), people: new Set(), tallyQueued: false };
    this.rooms.set(code, live);
    return live;
  }

  /** Sends each connection of a room the room as it sees it now. */
  broadcastState(live: LiveRoom): void {
    const host = live.room.stateFor(null);
    for (const c of live.hosts) this.send(c, host);
    for (const c of live.people) this.send(c, live.room.stateFor(c.participant));
  }

  /**
   * Sends the facilitator the live counts once this turn of the event loop has handled every
   * message that arrived with this one (under load, one tally covers many answers).
   */
  queueTally(live: LiveRoom): void {
    if (live.tallyQueued) return;
    live.tallyQueued = true;
    setImmediate(() => {
      live.tallyQueued = false;
      if (this.rooms.get(live.room.code) === live) this.sendTally(live);
    });
  }

  sendTally(live: LiveRoom, only?: Conn): void {
    const online = new Set([...live.people].map((c) => c.participant?.id)).size;
    const tally = {
      type: 'tally',
      key: live.room.currentKey,
      answers: live.room.answerCount,
      participants: live.room.participantCount,
      online,
    } as const;
    for (const c of only ? [only] : live.hosts) this.send(c, tally);
  }

  /** Ends a room: everyone in it is told why, and their connections close. */
  endRoom(live: LiveRoom, reason: 'ended' | 'expired'): void {
    this.rooms.delete(live.room.code);
    for (const c of [...live.hosts, ...live.people]) {
      this.send(c, { type: 'ended', reason });
      c.room = null;
      c.ws.close(1000, reason === 'ended' ? 'The room has ended' : 'The room expired');
    }
  }

  /** A connection went away: the room keeps its participant and their answers. */
  leave(conn: Conn): void {
    this.conns.delete(conn);
    const live = conn.room;
    if (!live) return;
    live.hosts.delete(conn);
    if (live.people.delete(conn)) this.queueTally(live);
  }

  /**
   * The heartbeat: idle rooms end; a connection that did not answer the last ping is dead (its peer
   * vanished without closing) and is cut; one that never joined a room is closed.
   */
  tick(): void {
    const now = this.options.now();
    for (const live of [...this.rooms.values()]) {
      if (now - live.room.lastActiveMs > this.options.idleMs) this.endRoom(live, 'expired');
    }
    for (const conn of this.conns) {
      if (!conn.alive) conn.ws.terminate();
      else if (!conn.room && now - conn.openedMs > this.options.helloMs)
        conn.ws.close(1008, 'Join or open a room first');
      else {
        conn.alive = false;
        conn.ws.ping();
      }
    }
  }
}
