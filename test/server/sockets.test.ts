import { Client, joinRoom, openRoom, startTestServer, type TestServer } from './client.ts';

/** The room server over real sockets: a room of many participants, reconnection, facilitator reload. */

let t: TestServer;
beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  await t.server.close();
});

describe('the room server', () => {
  it('serves the app with the room marker and its files, and nothing outside them', async () => {
    const page = await (await fetch(`${t.http}/`)).text();
    expect(page).toContain('<meta name="cachescope-room" content="" />');
    expect((await fetch(`${t.http}/app.js`)).status).toBe(200);
    expect((await fetch(`${t.http}/../../etc/passwd`)).status).toBe(404);
    expect((await fetch(`${t.http}/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
  });

  it('counts the answers of 300 participants live for the facilitator, and reveals them to all', async () => {
    const { host, code } = await openRoom(t.ws);
    const people = await Promise.all(
      Array.from({ length: 300 }, (_, i) => joinRoom(t.ws, code, { name: `P${i}` })),
    );
    await host.next('tally', (m) => m.participants === 300 && m.online === 300);
    people.forEach(({ client }, i) => client.send({ type: 'guess', guess: { value: i % 40 } }));
    const saved = await Promise.all(people.map(({ client }) => client.next('saved')));
    expect(new Set(saved.map((s) => s.answers))).toEqual(
      new Set(Array.from({ length: 300 }, (_, i) => i + 1)),
    );
    await host.next('tally', (m) => m.answers === 300);
    host.send({ type: 'reveal', values: { dbQueriesPerExpiry: 21, p99Peak: 50 } });
    const reveals = await Promise.all(
      people.map(({ client }) => client.next('state', (s) => s.phase === 'revealed')),
    );
    expect(reveals.every((s) => s.reveal?.answers === 300)).toBe(true);
    expect(reveals[21]!.yours).toEqual({ value: 21 });
    expect(reveals[21]!.yoursRight).toBe(true);
    expect(reveals[0]!.yoursRight).toBe(false);
    expect(reveals[0]!.reveal!.bars.reduce((n, b) => n + b.count, 0)).toBe(300);
  });

  it('keeps a participant who reconnects with their token, their name and their guess', async () => {
    const { host, code } = await openRoom(t.ws);
    const first = await joinRoom(t.ws, code, { name: 'Ann' });
    first.client.send({ type: 'guess', guess: { value: 12 } });
    await first.client.next('saved');
    // The network drops: no close handshake.
    first.client.ws.terminate();
    await host.next('tally', (m) => m.online === 0 && m.answers === 1);
    const again = await joinRoom(t.ws, code, { token: first.welcome.token });
    expect(again.welcome.name).toBe('Ann');
    expect(again.state.yours).toEqual({ value: 12 });
    await host.next('tally', (m) => m.online === 1 && m.participants === 1 && m.answers === 1);
  });

  it('gives the room back to a reloaded facilitator with the secret token, and to nobody without it', async () => {
    const { host, code, token } = await openRoom(t.ws);
    const p = await joinRoom(t.ws, code);
    p.client.send({ type: 'guess', guess: { value: 3 } });
    await host.next('tally', (m) => m.answers === 1);
    host.ws.terminate();

    const wrong = await Client.open(t.ws);
    wrong.send({ type: 'host', v: 1, code, token: 'x'.repeat(43) });
    expect((await wrong.next('error')).code).toBe('no-room');

    const back = await Client.open(t.ws);
    back.send({ type: 'host', v: 1, code, token });
    expect(await back.next('welcome')).toMatchObject({ role: 'host', code });
    expect((await back.next('state')).step?.key).toBe('stampede/0');
    expect(await back.next('tally')).toMatchObject({ answers: 1, participants: 1 });
    back.send({ type: 'close' });
    expect((await p.client.next('state', (s) => s.phase === 'closed')).yours).toEqual({ value: 3 });
  });

  it('moves everyone to the next step, and a step revisited keeps its answers', async () => {
    const { host, code } = await openRoom(t.ws);
    const p = await joinRoom(t.ws, code);
    p.client.send({ type: 'guess', guess: { value: 3 } });
    await p.client.next('saved');
    host.send({ type: 'step', at: { lessonId: 'stampede', step: 1 } });
    const next = await p.client.next('state', (s) => s.step?.key === 'stampede/1');
    expect(next.step?.question).toMatchObject({
      kind: 'choice',
      options: ['Exactly one', 'Two to four', 'More than four'],
    });
    expect(next.yours).toBeNull();
    host.send({ type: 'step', at: { lessonId: 'stampede', step: 0 } });
    expect((await p.client.next('state', (s) => s.step?.key === 'stampede/0')).yours).toEqual({ value: 3 });
    host.send({ type: 'export' });
    const csv = await host.next('csv');
    expect(csv.text.split('\r\n')).toEqual([
      '"step","participant","guess","measured","right"',
      '"stampede step 1","Participant 1","3","",""',
    ]);
  });

  it('ends a room for everyone, and its code then opens nothing', async () => {
    const { host, code } = await openRoom(t.ws);
    const p = await joinRoom(t.ws, code);
    host.send({ type: 'end' });
    expect(await p.client.next('ended')).toEqual({ type: 'ended', reason: 'ended' });
    expect((await p.client.closed).code).toBe(1000);
    const late = await Client.open(t.ws);
    late.send({ type: 'join', v: 1, code });
    expect((await late.next('error')).code).toBe('no-room');
  });

  it('ends rooms nobody has spoken to for the idle time, and connections that never joined', async () => {
    const { host, code } = await openRoom(t.ws);
    const p = await joinRoom(t.ws, code);
    const idle = await Client.open(t.ws);
    t.clock.now += 29_000;
    t.server.hub.tick();
    // Each has answered the heartbeat's ping once the server has answered something sent after it.
    await Promise.all([host, p.client, idle].map(roundTrip));
    t.clock.now += 2_000;
    t.server.hub.tick();
    expect((await idle.closed).code).toBe(1008);
    expect(t.server.hub.rooms.size).toBe(1);
    await Promise.all([host, p.client].map(roundTrip));
    t.clock.now += 2 * 60 * 60 * 1000;
    t.server.hub.tick();
    expect(await p.client.next('ended')).toEqual({ type: 'ended', reason: 'expired' });
    expect(await host.next('ended')).toEqual({ type: 'ended', reason: 'expired' });
    expect(t.server.hub.rooms.size).toBe(0);
  });

  it('cuts a connection whose peer stopped answering, and keeps its participant', async () => {
    const { host, code } = await openRoom(t.ws);
    const silent = await Client.open(t.ws, { autoPong: false });
    silent.send({ type: 'join', v: 1, code, name: 'Gone' });
    const { token } = await silent.next('welcome');
    await host.next('tally', (m) => m.online === 1);
    t.server.hub.tick();
    await roundTrip(host);
    await roundTrip(silent);
    t.server.hub.tick();
    expect((await silent.closed).code).toBe(1006);
    await host.next('tally', (m) => m.online === 0 && m.participants === 1);
    expect((await joinRoom(t.ws, code, { token })).welcome.name).toBe('Gone');
  });
});

/** A message the server answers at once, and that does not count as activity in a room. */
async function roundTrip(c: Client): Promise<void> {
  c.send('ping?');
  await c.next('error', (e) => e.message === 'The message is not JSON.');
}
