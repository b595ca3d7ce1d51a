import { connect, type Socket } from 'node:net';
import { encodeCommand, parseReply, type Reply } from '../resp.ts';

/**
 * A small RESP3 client for the tracking calibration: after `HELLO 3`, Redis pushes invalidations
 * (`>2 invalidate [keys]`) on the connection between replies; they go to `onPush`, replies to the
 * commands in the order sent.
 */

/** A RESP3 reply, as the one parser of resp.ts reads it. */
export type Reply3 = Reply;

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
      const parsed = parseReply(this.buf, pos);
      if (parsed === null) break;
      pos = parsed.next;
      if (parsed.push) {
        this.onPush(parsed.reply as Reply3[]);
        continue;
      }
      const p = this.pending.shift();
      if (p === undefined) throw new Error('a reply nobody asked for');
      if (parsed.reply instanceof Error) p.reject(parsed.reply);
      else p.resolve(parsed.reply);
    }
    this.buf = this.buf.subarray(pos);
  }

  private failAll(e: Error): void {
    for (const p of this.pending.splice(0)) p.reject(e);
  }
}
