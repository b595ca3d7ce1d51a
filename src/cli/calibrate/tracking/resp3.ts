import { connect, type Socket } from 'node:net';
import { encodeCommand, RedisReplyError } from '../resp.ts';

/**
 * A small RESP3 client for the tracking calibration: after `HELLO 3`, Redis pushes invalidations
 * (`>2 invalidate [keys]`) on the connection between replies; they go to `onPush`, replies to the
 * commands in the order sent.
 */

export type Reply3 = string | number | boolean | null | Reply3[];

interface Parsed {
  value: Reply3 | Error;
  push: boolean;
  next: number;
}

/** Parses one RESP3 value at `pos`, or null when the buffer ends first. */
export function parse3(buf: Buffer, pos: number): Parsed | null {
  const eol = buf.indexOf('\r\n', pos);
  if (eol < 0) return null;
  const line = buf.toString('utf8', pos + 1, eol);
  const after = eol + 2;
  const t = String.fromCharCode(buf[pos]!);
  const simple = (value: Reply3 | Error): Parsed => ({ value, push: false, next: after });
  switch (t) {
    case '+':
      return simple(line);
    case '-':
    case '!':
      return simple(new RedisReplyError(line));
    case ':':
    case ',':
    case '(':
      return simple(Number(line));
    case '#':
      return simple(line === 't');
    case '_':
      return simple(null);
    case '$':
    case '=': {
      const len = Number(line);
      if (len < 0) return simple(null);
      if (buf.length < after + len + 2) return null;
      const s = buf.toString('utf8', after, after + len);
      return { value: t === '=' ? s.slice(4) : s, push: false, next: after + len + 2 };
    }
    case '*':
    case '~':
    case '>':
    case '%': {
      const n = Number(line);
      if (n < 0) return simple(null);
      const count = t === '%' ? 2 * n : n;
      const items: Reply3[] = [];
      let p = after;
      for (let i = 0; i < count; i++) {
        const item = parse3(buf, p);
        if (item === null) return null;
        items.push(item.value instanceof Error ? item.value.message : item.value);
        p = item.next;
      }
      return { value: items, push: t === '>', next: p };
    }
    default:
      throw new Error(`unexpected RESP3 type byte ${buf[pos]} at ${pos}`);
  }
}

export class Resp3Client {
  private buf: Buffer = Buffer.alloc(0);
  private readonly pending: { resolve: (r: Reply3) => void; reject: (e: Error) => void }[] = [];

  private constructor(
    private readonly socket: Socket,
    private readonly onPush: (push: Reply3[]) => void,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (e) => this.failAll(e));
  }

  /** Connects and switches the connection to RESP3 (`HELLO 3`). */
  static async connect(port: number, onPush: (push: Reply3[]) => void): Promise<Resp3Client> {
    const socket = await new Promise<Socket>((resolve, reject) => {
      const s = connect({ port, host: '127.0.0.1' });
      s.once('connect', () => resolve(s));
      s.once('error', reject);
    });
    const client = new Resp3Client(socket, onPush);
    await client.send('HELLO', 3);
    return client;
  }

  send(...args: (string | number)[]): Promise<Reply3> {
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
      const parsed = parse3(this.buf, pos);
      if (parsed === null) break;
      pos = parsed.next;
      if (parsed.push) {
        this.onPush(parsed.value as Reply3[]);
        continue;
      }
      const p = this.pending.shift();
      if (p === undefined) throw new Error('a reply nobody asked for');
      if (parsed.value instanceof Error) p.reject(parsed.value);
      else p.resolve(parsed.value);
    }
    this.buf = this.buf.subarray(pos);
  }

  private failAll(e: Error): void {
    for (const p of this.pending.splice(0)) p.reject(e);
  }
}
