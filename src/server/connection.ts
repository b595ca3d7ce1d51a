import type { RawData, WebSocket } from 'ws';
import { displayCode, normalizeCode } from '../room/code.ts';
import { clip } from '../scenario/quote.ts';
import { clientMessageSchema, type ClientMessage, type HostCommand } from '../room/clientMessages.ts';
import { ROOM_PROTOCOL, type ErrorCode } from '../room/protocol.ts';
import { answersCsv, csvFileName } from './csv.ts';
import type { Conn, Hub, LiveRoom } from './hub.ts';
import { TokenBucket } from './limits.ts';
import type { Outcome } from './room.ts';
import { newToken, sameToken } from './secrets.ts';

/**
 * One WebSocket connection: every frame is rate limited, parsed and checked against the protocol's
 * schema before anything acts on it, and facilitator commands need a connection that opened the room
 * or presented its secret token. Anything wrong gets an `error` message naming it; nothing a peer
 * sends can throw out of here, so one bad client never stops the server or touches another's room.
 */

/** Messages a connection may send: ten a second, twenty at once (a person taps; a facilitator clicks). */
const PER_SECOND = 10;
const BURST = 20;
/** A connection that keeps flooding after this many refusals is closed. */
const MAX_REFUSED = 200;
/** Wrong room codes one connection may try before it is closed. */
const MAX_WRONG_CODES = 5;

const VERBS: Record<HostCommand, string> = {
  step: 'move the room to another step',
  close: 'close the answers',
  reopen: 'reopen the answers',
  reveal: 'reveal the answers',
  export: 'download the answers',
  end: 'end the room',
};

export function attach(hub: Hub, ws: WebSocket): void {
  const now = hub.options.now();
  if (hub.conns.size >= hub.options.maxConnections) {
    ws.close(1013, 'The server is full; try again later');
    return;
  }
  const conn: Conn = {
    ws,
    openedMs: now,
    room: null,
    participant: null,
    host: false,
    bucket: new TokenBucket(PER_SECOND, BURST, now),
    refused: 0,
    noticeMs: -Infinity,
    wrongCodes: 0,
    alive: true,
  };
  hub.conns.add(conn);
  ws.on('pong', () => (conn.alive = true));
  ws.on('message', (data, isBinary) => {
    try {
      receive(hub, conn, data, isBinary);
    } catch (e) {
      // A bug, not the peer's fault: say so, log it, keep serving.
      console.error('room server: a message could not be handled:', e);
      hub.send(conn, error('bad-message', 'The server could not handle that message.'));
    }
  });
  // A broken frame (bad opcode, unmasked, too large) closes this socket; the server goes on.
  ws.on('error', () => ws.terminate());
  ws.on('close', () => hub.leave(conn));
}

const error = (code: ErrorCode, message: string) => ({ type: 'error', code, message }) as const;

function receive(hub: Hub, conn: Conn, data: RawData, isBinary: boolean): void {
  const now = hub.options.now();
  if (!conn.bucket.take(now)) {
    conn.refused++;
    if (conn.refused > MAX_REFUSED) conn.ws.close(1008, 'Too many messages');
    else if (now - conn.noticeMs >= 1000) {
      conn.noticeMs = now;
      hub.send(conn, error('rate', 'Too many messages: slow down (ten a second at most).'));
    }
    return;
  }
  if (isBinary) return hub.send(conn, error('bad-message', 'Messages must be JSON text, not binary.'));
  let raw: unknown;
  try {
    raw = JSON.parse(data.toString());
  } catch {
    return hub.send(conn, error('bad-message', 'The message is not JSON.'));
  }
  const parsed = clientMessageSchema.safeParse(raw);
  if (!parsed.success) return hub.send(conn, error(...describe(raw, parsed.error.issues)));
  if (conn.room) conn.room.room.lastActiveMs = now;
  handle(hub, conn, parsed.data);
}

function describe(
  raw: unknown,
  issues: readonly { path: PropertyKey[]; message: string }[],
): [ErrorCode, string] {
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
  const v = typeof raw === 'object' && raw !== null ? (raw as { v?: unknown }).v : undefined;
  if (v !== undefined && v !== ROOM_PROTOCOL)
    return ['version', 'This page speaks another version of the room protocol: reload it.'];
  if (typeof type !== 'string') return ['bad-message', 'A message needs a "type".'];
  const issue = issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : 'type';
  return ['bad-message', clip(`"${clip(type, 20)}" message: ${where}: ${issue?.message ?? 'invalid'}`, 160)];
}

function handle(hub: Hub, conn: Conn, m: ClientMessage): void {
  switch (m.type) {
    case 'create':
      return create(hub, conn);
    case 'host':
    case 'join':
      return enter(hub, conn, m);
    case 'guess':
      return guess(hub, conn, m.guess);
  }
  const live = conn.room;
  if (!conn.host || !live)
    return hub.send(conn, error('forbidden', `Only the facilitator can ${VERBS[m.type]}.`));
  switch (m.type) {
    case 'step':
      return changed(hub, conn, live, live.room.setStep(m.at));
    case 'close':
    case 'reopen':
      return changed(hub, conn, live, live.room.setOpen(m.type === 'reopen'));
    case 'reveal':
      return changed(hub, conn, live, live.room.reveal(m.values));
    case 'export':
      return hub.send(conn, {
        type: 'csv',
        fileName: csvFileName(live.room.code),
        text: answersCsv(live.room),
      });
    case 'end':
      return hub.endRoom(live, 'ended');
  }
}

/** After a facilitator's command: everyone sees the room as it now is, or the facilitator the refusal. */
function changed(hub: Hub, conn: Conn, live: LiveRoom, outcome: Outcome): void {
  if (!outcome.ok) return hub.send(conn, error(outcome.code, outcome.message));
  hub.broadcastState(live);
  hub.sendTally(live);
}

function create(hub: Hub, conn: Conn): void {
  if (conn.room) return hub.send(conn, error('bad-message', 'This connection is already in a room.'));
  const live = hub.createRoom();
  if (!live)
    return hub.send(
      conn,
      error('too-many-rooms', 'This server holds as many rooms as it may; end one first.'),
    );
  enterAsHost(hub, conn, live);
}

function enterAsHost(hub: Hub, conn: Conn, live: LiveRoom): void {
  conn.room = live;
  conn.host = true;
  live.hosts.add(conn);
  const { code, hostToken } = live.room;
  hub.send(conn, { type: 'welcome', role: 'host', code, token: hostToken, name: null });
  hub.send(conn, live.room.stateFor(null));
  hub.sendTally(live, conn);
}

/**
 * Takes a room back as its facilitator, or joins it as a participant. A code that names no room costs
 * the server-wide budget of wrong codes; while that budget is spent, only a connection holding a
 * token of the room it names gets in (and every other answer is the same, so a hit cannot be told).
 */
function enter(hub: Hub, conn: Conn, m: Extract<ClientMessage, { type: 'host' | 'join' }>): void {
  if (conn.room) return hub.send(conn, error('bad-message', 'This connection is already in a room.'));
  const code = normalizeCode(m.code);
  const live = code === null ? undefined : hub.rooms.get(code);
  const token = m.token;
  const proven =
    live !== undefined &&
    token !== undefined &&
    (m.type === 'host' ? sameToken(token, live.room.hostToken) : live.room.hasParticipant(token));
  const now = hub.options.now();
  if (!proven && !hub.wrongCodeBudget.peek(now)) {
    hub.send(
      conn,
      error('rate', 'Too many wrong room codes on this server just now: try again in a minute.'),
    );
    return;
  }
  if (!live || (m.type === 'host' && !proven)) {
    hub.wrongCodeBudget.take(now);
    const shown = code === null ? `"${clip(m.code, 12)}"` : displayCode(code);
    hub.send(
      conn,
      error(
        'no-room',
        `There is no room ${shown} on this server: it may have ended, or the code is mistyped.`,
      ),
    );
    if (++conn.wrongCodes >= MAX_WRONG_CODES) conn.ws.close(1008, 'Too many wrong room codes');
    return;
  }
  if (m.type === 'host') return enterAsHost(hub, conn, live);
  const p = live.room.join(token, m.name, newToken);
  if (!p)
    return hub.send(conn, error('room-full', 'This room is full: it has as many participants as it may.'));
  conn.room = live;
  conn.participant = p;
  live.people.add(conn);
  live.room.lastActiveMs = now;
  hub.send(conn, {
    type: 'welcome',
    role: 'participant',
    code: live.room.code,
    token: p.token,
    name: p.name,
  });
  hub.send(conn, live.room.stateFor(p));
  hub.queueTally(live);
}

function guess(hub: Hub, conn: Conn, g: Extract<ClientMessage, { type: 'guess' }>['guess']): void {
  const live = conn.room;
  if (conn.host) return hub.send(conn, error('forbidden', 'The facilitator does not send guesses.'));
  if (!live || !conn.participant)
    return hub.send(conn, error('not-joined', 'Join a room before sending a guess.'));
  const outcome = live.room.guess(conn.participant, g);
  if (!outcome.ok) return hub.send(conn, error(outcome.code, outcome.message));
  hub.send(conn, {
    type: 'saved',
    key: live.room.currentKey ?? '',
    guess: g,
    answers: live.room.answerCount,
  });
  // The participant's other open pages (two tabs, a reconnect) show the same answer.
  for (const c of live.people)
    if (c !== conn && c.participant === conn.participant) hub.send(c, live.room.stateFor(c.participant));
  hub.queueTally(live);
}
