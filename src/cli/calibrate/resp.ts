import { connect, type Socket } from 'node:net';

/**
 * A small RESP2 client over one TCP connection, enough for the calibration: commands are written as
 * arrays of bulk strings, replies are parsed in order and hand back to the callers in the order they
 * sent, so many commands may be in flight at once (pipelining) without waiting for each reply.
 */

/**
 * A reply: a status or bulk string, an integer (or a double), null (a nil bulk, RESP3's null), a boolean
 * (RESP3), or an array of replies (RESP3's sets, maps as key/value pairs, and pushes too).
 */
export type Reply = string | number | boolean | null | Reply[];

/** An error reply from the server (`-ERR ...`), passed to the command that caused it. */
export class RedisReplyError extends Error {}

interface Pending {
  resolve: (r: Reply) => void;
  reject: (e: Error) => void;
}

/** Encodes one command as a RESP array of bulk strings. */
export function encodeCommand(args: readonly (string | number)[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const a of args) {
    const b = Buffer.from(String(a));
    parts.push(Buffer.from(`$${b.length}\r\n`), b, Buffer.from('\r\n'));
  }
  return Buffer.concat(parts);
}

/**
 * Parses one reply at `pos`, RESP2 or RESP3 (after `HELLO 3`); returns it with the position after it,
 * and whether it is a push (`>`, an out-of-band message such as an invalidation), or null when the
 * buffer ends first. An error inside an array makes the whole reply that error.
 *
 * @example
 * parseReply(Buffer.from('$3\r\nabc\r\n'), 0); // { reply: 'abc', next: 9, push: false }
 */
export function parseReply(
  buf: Buffer,
  pos: number,
): { reply: Reply | Error; next: number; push: boolean } | null {
  const eol = buf.indexOf('\r\n', pos);
  if (eol < 0) return null;
  const line = buf.toString('utf8', pos + 1, eol);
  const after = eol + 2;
  const simple = (reply: Reply | Error) => ({ reply, next: after, push: false });
  const t = buf[pos];
  switch (t) {
    case 0x2b: // '+'
      return simple(line);
    case 0x2d: // '-'
      return simple(new RedisReplyError(line));
    case 0x3a: // ':'
    case 0x2c: // ',' (double)
    case 0x28: // '(' (big number)
      return simple(Number(line));
    case 0x23: // '#' (boolean)
      return simple(line === 't');
    case 0x5f: // '_' (null)
      return simple(null);
    case 0x24: // '$'
    case 0x21: // '!' (RESP3's blob error)
    case 0x3d: {
      // '=' (verbatim string: a 3-letter format and ':' before the text)
      const len = Number(line);
      if (len < 0) return simple(null);
      if (buf.length < after + len + 2) return null;
      const text = buf.toString('utf8', after, after + len);
      const reply = t === 0x21 ? new RedisReplyError(text) : t === 0x3d ? text.slice(4) : text;
      return { reply, next: after + len + 2, push: false };
    }
    case 0x2a: // '*'
    case 0x7e: // '~' (set)
    case 0x3e: // '>' (push)
    case 0x25: {
      // '%' (map: key, value, key, value...)
      const n = Number(line);
      if (n < 0) return simple(null);
      const count = t === 0x25 ? 2 * n : n;
      const items: Reply[] = [];
      let p = after;
      for (let i = 0; i < count; i++) {
        const item = parseReply(buf, p);
        if (item === null) return null;
        if (item.reply instanceof Error) return { reply: item.reply, next: item.next, push: false };
        items.push(item.reply);
        p = item.next;
      }
      return { reply: items, next: p, push: t === 0x3e };
    }
    default:
      throw new Error(`unexpected RESP type byte ${t} at ${pos}`);
  }
}

const noPush = (push: Reply[]): void => {
  throw new Error(`a RESP3 push on a RESP2 connection: ${String(push[0])}`);
};

export class RespClient {
  private buf: Buffer = Buffer.alloc(0);
  private readonly pending: Pending[] = [];
  private head = 0;

  private constructor(
    private readonly socket: Socket,
    /** Where RESP3 pushes go (after `HELLO 3`, Redis sends invalidations between replies). */
    private readonly onPush: (push: Reply[]) => void,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (e) => this.failAll(e));
    socket.on('close', () => this.failAll(new Error('connection closed')));
  }

  /** Connects to host:port; rejects if the server does not answer. */
  static connect(port: number, host = '127.0.0.1', onPush = noPush): Promise<RespClient> {
    return new Promise((resolve, reject) => {
      const socket = connect({ port, host });
      socket.once('connect', () => resolve(new RespClient(socket, onPush)));
      socket.once('error', reject);
    });
  }

  /** Connects and switches the connection to RESP3 (`HELLO 3`); its pushes go to `onPush`. */
  static async connect3(port: number, onPush: (push: Reply[]) => void): Promise<RespClient> {
    const client = await RespClient.connect(port, '127.0.0.1', onPush);
    await client.send('HELLO', 3);
    return client;
  }

  /** Sends one command (buffered with the others sent in the same tick) and resolves with its reply. */
  send(...args: (string | number)[]): Promise<Reply> {
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.socket.write(encodeCommand(args));
    });
  }

  close(): void {
    this.socket.end();
  }

  private onData(chunk: Buffer): void {
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    let pos = 0;
    for (;;) {
      const parsed = parseReply(this.buf, pos);
      if (parsed === null) break;
      pos = parsed.next;
      if (parsed.push) {
        this.onPush(parsed.reply as Reply[]);
        continue;
      }
      const p = this.pending[this.head++];
      if (p === undefined) throw new Error('a reply nobody asked for');
      if (parsed.reply instanceof Error) p.reject(parsed.reply);
      else p.resolve(parsed.reply);
    }
    this.buf = this.buf.subarray(pos);
    // Drop answered entries now and then, so the queue does not grow for the whole run.
    if (this.head > 4096) {
      this.pending.splice(0, this.head);
      this.head = 0;
    }
  }

  private failAll(e: Error): void {
    for (let i = this.head; i < this.pending.length; i++) this.pending[i]!.reject(e);
    this.pending.length = 0;
    this.head = 0;
  }
}

/**
 * Reads `field:value` lines of an INFO reply into numbers (fields that are not numbers are left out).
 *
 * @example
 * infoFields('# Stats\r\nkeyspace_hits:12\r\n').keyspace_hits; // 12
 */
export function infoFields(info: Reply): Record<string, number> {
  const out: Record<string, number> = {};
  if (typeof info !== 'string') return out;
  for (const line of info.split('\r\n')) {
    const i = line.indexOf(':');
    if (i <= 0) continue;
    const v = Number(line.slice(i + 1));
    if (Number.isFinite(v)) out[line.slice(0, i)] = v;
  }
  return out;
}
