/**
 * The cost guard in the worker: a scenario estimated above the budget is not loaded unless the page
 * says so, and a run that exists keeps what it had meanwhile.
 */
import { describe, expect, it } from 'vitest';
import { estimateCost } from '../../src/engine/cost.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';
import { createEngineHost } from '../../src/worker/engineHost.ts';
import { PROTOCOL_VERSION, type EventMessage } from '../../src/worker/protocol.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';

const small = { ...getPreset('baseline')!, durationMs: 5000 };
/** A day at 50 000 requests a second: billions of events, though it sets up as fast as any. */
const heavy = scenarioSchema.parse({
  version: 1,
  title: 'A day at 50 000 requests a second',
  durationMs: 86_400_000,
  workload: { rps: 50_000 },
});

function host() {
  const events: EventMessage[] = [];
  const h = createEngineHost(
    (msg) => events.push(msg),
    () => 0,
  );
  const send = (cmd: object, id?: number) =>
    h.handle({ ...cmd, v: PROTOCOL_VERSION, run: 'main', ...(id === undefined ? {} : { id }) });
  return { h, events, send };
}

describe('cost guard in the worker', () => {
  it('the heavy scenario is over the budget and the small one is not (the premise of the tests below)', () => {
    expect(estimateCost(heavy).overBudget).toBe(true);
    expect(estimateCost(small).overBudget).toBe(false);
  });

  it('refuses a first load over the budget: no run is made, the page hears the estimate', () => {
    const { h, events, send } = host();
    send({ type: 'load', scenario: heavy }, 1);
    expect(h.runs()).toEqual([]);
    const refused = events.find((e) => e.type === 'overBudget');
    expect(refused).toMatchObject({ type: 'overBudget', run: 'main', scenario: { title: heavy.title } });
    expect(refused && refused.type === 'overBudget' && refused.estimate).toEqual(estimateCost(heavy));
    expect(events.find((e) => e.type === 'reply')).toMatchObject({ id: 1, result: null });
  });

  it('loads it when told to, and an existing run keeps its scenario when a heavy one is refused', () => {
    const { h, events, send } = host();
    send({ type: 'load', scenario: small });
    send({ type: 'seek', tMs: 1000 });
    send({ type: 'load', scenario: heavy });
    send({ type: 'query', query: { kind: 'summary' } }, 2);
    const reply = events.find((e) => e.type === 'reply' && e.id === 2);
    // Still the small run, 1 s in (a summary counts the time simulated so far): nothing was replaced.
    expect(reply && reply.type === 'reply' && (reply.result as { title: string }).title).toBe(small.title);
    expect(reply && reply.type === 'reply' && (reply.result as { durationMs: number }).durationMs).toBe(1000);
    expect(events.filter((e) => e.type === 'overBudget')).toHaveLength(1);
    send({ type: 'load', scenario: heavy, force: true });
    send({ type: 'query', query: { kind: 'summary' } }, 3);
    const forced = events.find((e) => e.type === 'reply' && e.id === 3);
    expect(forced && forced.type === 'reply' && (forced.result as { title: string }).title).toBe(heavy.title);
    expect(h.runs()).toEqual(['main']);
  });

  it('says what is wrong with a force flag that is not a boolean', () => {
    const { events, send } = host();
    send({ type: 'load', scenario: small, force: 'yes' });
    expect(events.at(-1)).toMatchObject({ type: 'error', message: 'load.force: expected true or false' });
  });
});
