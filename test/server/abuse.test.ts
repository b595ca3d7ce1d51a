import { connect } from 'node:net';
import WebSocket from 'ws';
import { ROOM_LIMITS } from '../../src/room/protocol.ts';
import { Client, joinRoom, openRoom, startTestServer, type TestServer } from './client.ts';

/** What a hostile or broken client can send, and that the room and the server come through it. */

let t: TestServer;
afterEach(async () => {
  await t.server.close();
});

/** The room still works: a new participant joins, answers, and the facilitator sees the count. */
async function roomStillWorks(host: Client, code: string, answers: number): Promise<void> {
  const late = await joinRoom(t.ws, code);
  late.client.send({ type: 'guess', guess: { value: 1 } });
  await late.client.next('saved');
  await host.next('tally', (m) => m.answers === answers);
}

describe('the room server under bad input', () => {
  beforeEach(async () => {
    t = await startTestServer({ maxParticipants: 5, maxRooms: 2 });
  });

  it('refuses every facilitator command from a participant, and the room is untouched', async () => {
    const { host, code } = await openRoom(t.ws);
    const p = await joinRoom(t.ws, code);
    const commands = [
      { type: 'step', at: { lessonId: 'stampede', step: 3 } },
      { type: 'close' },
      { type: 'reopen' },
      { type: 'reveal', values: { dbQueriesPerExpiry: 1, p99Peak: 1 } },
      { type: 'export' },
      { type: 'end' },
    ];
    for (const c of commands) {
      p.client.send(c);
      const e = await p.client.next('error');
      expect(e.code).toBe('forbidden');
      expect(e.message).toMatch(/^Only the facilitator can /);
    }
    // A participant cannot take the room by naming it as a host without the token, either.
    p.client.send({ type: 'host', v: 1, code, token: p.welcome.token });
    expect((await p.client.next('error')).message).toBe('This connection is already in a room.');
    p.client.send({ type: 'guess', guess: { value: 4 } });
    expect((await p.client.next('saved')).key).toBe('stampede/0');
    await roomStillWorks(host, code, 2);
    expect(host.pending().some((m) => m.type === 'ended' || m.type === 'csv')).toBe(false);
  });

  it('answers malformed messages with what is wrong, and goes on', async () => {
    const { host, code } = await openRoom(t.ws);
    const p = await joinRoom(t.ws, code);
    const cases: [unknown, RegExp][] = [
      ['{"type":', /not JSON/],
      ['[1,2,3]', /needs a "type"/],
      [{ type: 'hack' }, /"hack" message: type: /],
      [{ type: 'guess', guess: { value: '1e999' } }, /"guess" message: guess/],
      [{ type: 'guess', guess: { value: 1 }, extra: true }, /"guess" message: /],
      [{ type: 'guess', guess: { option: -1 } }, /"guess" message: guess/],
      [{ type: 'guess', guess: { option: 0 } }, /pick one of its choices|asks for a number/],
      [{ type: 'join', v: 2, code }, /another version/],
    ];
    for (const [message, expected] of cases) {
      p.client.send(message);
      expect((await p.client.next('error')).message).toMatch(expected);
    }
    p.client.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    expect((await p.client.next('error')).message).toMatch(/not binary/);
    await roomStillWorks(host, code, 1);
  });

  it('closes a connection that sends a frame over the size cap, and only that one', async () => {
    const { host, code } = await openRoom(t.ws);
    const p = await joinRoom(t.ws, code);
    p.client.send({ type: 'join', v: 1, code, name: 'x'.repeat(5000) });
    expect((await p.client.closed).code).toBe(1009);
    // A long name within the frame cap is cut to 40 characters.
    const q = await joinRoom(t.ws, code, { name: 'y'.repeat(150) });
    expect(q.welcome.name).toBe('y'.repeat(40));
    await roomStillWorks(host, code, 1);
  });

  it('comes through broken frames and connections dropped mid-frame', async () => {
    const { host, code } = await openRoom(t.ws);
    const p = await joinRoom(t.ws, code);
    p.client.send({ type: 'guess', guess: { value: 9 } });
    await p.client.next('saved');
    // An invalid opcode on a joined participant's socket: the server closes it (protocol error).
    const raw = (p.client.ws as unknown as { _socket: import('node:net').Socket })._socket;
    raw.write(Buffer.from([0x8f, 0x80, 0, 0, 0, 0]));
    expect([1002, 1006]).toContain((await p.client.closed).code);
    // Half a frame, then the connection vanishes.
    const half = await Client.open(t.ws);
    const halfSocket = (half.ws as unknown as { _socket: import('node:net').Socket })._socket;
    halfSocket.write(Buffer.from([0x81, 0xfe, 0x10]));
    halfSocket.destroy();
    // A handshake cut off, and garbage instead of HTTP.
    await new Promise<void>((done) => {
      const s = connect(t.server.port, '127.0.0.1', () => {
        s.write('GET /room/ws HTTP/1.1\r\nUpgrade: websocket\r\n');
        s.destroy();
        const g = connect(t.server.port, '127.0.0.1', () => g.end('\u0000\u0001garbage\r\n\r\n'));
        g.on('close', () => done());
        g.on('error', () => done());
      });
    });
    const back = await joinRoom(t.ws, code, { token: p.welcome.token });
    expect(back.state.yours).toEqual({ value: 9 });
    await roomStillWorks(host, code, 2);
  });

  it('refuses a socket on any other path', async () => {
    const other = new WebSocket(`ws://127.0.0.1:${t.server.port}/elsewhere`);
    const outcome = await new Promise((done) => {
      other.on('open', () => done('open'));
      other.on('error', () => done('refused'));
    });
    expect(outcome).toBe('refused');
  });

  it('rate limits a flooding connection, then closes it; the room keeps its answer', async () => {
    const { host, code } = await openRoom(t.ws);
    const p = await joinRoom(t.ws, code);
    // The clock stands still: 20 messages pass at once (the join was one), the rest are refused
    // with one notice.
    for (let i = 0; i < 25; i++) p.client.send({ type: 'guess', guess: { value: i } });
    await p.client.next('error', (e) => e.code === 'rate');
    expect(p.client.log.filter((m) => m.type === 'saved')).toHaveLength(19);
    t.clock.now += 1000;
    p.client.send({ type: 'guess', guess: { value: 99 } });
    expect((await p.client.next('saved', (s) => 'value' in s.guess && s.guess.value === 99)).answers).toBe(1);
    expect(p.client.log.filter((m) => m.type === 'error')).toHaveLength(1);
    // The second since has refilled 10 messages and the guess of 99 took one: 9 more pass, then
    // the refusals mount until the connection is closed.
    for (let i = 0; i < 400; i++) p.client.send({ type: 'guess', guess: { value: i } });
    expect((await p.client.closed).code).toBe(1008);
    const back = await joinRoom(t.ws, code, { token: p.welcome.token });
    expect(back.state.yours).toEqual({ value: 8 });
    await roomStillWorks(host, code, 2);
  });

  it('caps participants per room and rooms per server', async () => {
    const { host, code } = await openRoom(t.ws);
    const people = await Promise.all(Array.from({ length: 5 }, () => joinRoom(t.ws, code)));
    const sixth = await Client.open(t.ws);
    sixth.send({ type: 'join', v: 1, code });
    expect((await sixth.next('error')).code).toBe('room-full');
    expect((await joinRoom(t.ws, code, { token: people[2]!.welcome.token })).welcome.token).toBe(
      people[2]!.welcome.token,
    );
    await openRoom(t.ws);
    const third = await Client.open(t.ws);
    third.send({ type: 'create', v: 1 });
    expect((await third.next('error')).code).toBe('too-many-rooms');
    host.send({ type: 'export' });
    expect((await host.next('csv')).text.split('\r\n')).toHaveLength(1);
  });
});

describe('a room at its default size', () => {
  beforeEach(async () => {
    t = await startTestServer();
  });

  it('takes 1,000 participants over real sockets, refuses the next, and lets a known one back in', async () => {
    const { host, code } = await openRoom(t.ws);
    const people: Awaited<ReturnType<typeof joinRoom>>[] = [];
    // In groups of a hundred, as a room fills in from the QR code.
    while (people.length < ROOM_LIMITS.maxParticipants) {
      const n = Math.min(100, ROOM_LIMITS.maxParticipants - people.length);
      people.push(...(await Promise.all(Array.from({ length: n }, () => joinRoom(t.ws, code)))));
    }
    expect(ROOM_LIMITS.maxParticipants).toBe(1000);
    await host.next('tally', (m) => m.participants === 1000);
    const extra = await Client.open(t.ws);
    extra.send({ type: 'join', v: 1, code, name: 'One too many' });
    expect(await extra.next('error')).toMatchObject({ code: 'room-full' });
    // Someone already in, on a second connection (a reload), is the same participant.
    const back = await joinRoom(t.ws, code, { token: people[999]!.welcome.token });
    expect(back.welcome.token).toBe(people[999]!.welcome.token);
    back.client.send({ type: 'guess', guess: { value: 3 } });
    expect((await back.client.next('saved')).answers).toBe(1);
    expect(t.server.hub.rooms.get(code)!.room.participantCount).toBe(1000);
    for (const p of people) p.client.close();
  });
});

describe('room codes', () => {
  beforeEach(async () => {
    t = await startTestServer();
  });

  it('cannot be tried in bulk: five wrong per connection, about ten a second server-wide', async () => {
    const { code } = await openRoom(t.ws);
    const member = await joinRoom(t.ws, code);
    const guesser = await Client.open(t.ws);
    for (let i = 0; i < 5; i++) {
      guesser.send({ type: 'join', v: 1, code: `ZZZZZZZ${i + 2}` });
      expect((await guesser.next('error')).code).toBe('no-room');
    }
    expect((await guesser.closed).code).toBe(1008);
    // The server-wide budget (60 at once) runs out across connections.
    for (let n = 5; n < 60; n += 5) {
      const c = await Client.open(t.ws);
      for (let i = 0; i < 5; i++) {
        c.send({ type: 'join', v: 1, code: 'ZZZZ-ZZZZ' });
        await c.next('error');
      }
    }
    // Now a right code and a wrong one get the same answer, so a hit cannot be told...
    const a = await Client.open(t.ws);
    a.send({ type: 'join', v: 1, code });
    const b = await Client.open(t.ws);
    b.send({ type: 'join', v: 1, code: 'ZZZZ-ZZZZ' });
    const [ea, eb] = await Promise.all([a.next('error'), b.next('error')]);
    expect(ea).toEqual(eb);
    expect(ea.code).toBe('rate');
    // ...while a participant holding the room's token still gets back in, and the budget refills.
    expect((await joinRoom(t.ws, code, { token: member.welcome.token })).state.code).toBe(code);
    t.clock.now += 10_000;
    expect((await joinRoom(t.ws, code)).state.code).toBe(code);
  });
});
