import { EMPTY_NODE_BYTES } from '../../engine/redis/memory.ts';
import type { GrowthRow, UsageRow } from './memoryCheck.ts';
import type { CaseResult } from './runCase.ts';

/** Everything one calibration measured; printed as Markdown tables, or as this object with --json. */
export interface CalibrationReport {
  redisVersion: string;
  seeds: number;
  /** used_memory of the empty node just before each case (the engine counts EMPTY_NODE_BYTES). */
  emptyNodeBytes: number[];
  usage: UsageRow[];
  growth: GrowthRow[];
  cases: CaseResult[];
  ok: boolean;
}

const num = (x: number, digits = 0): string =>
  x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pct = (x: number): string => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(2)} %`;
const okText = (ok: boolean): string => (ok ? 'ok' : '**OUT**');

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** What a growth row may differ by: the connection's buffers move used_memory by some KB. */
export const GROWTH_SHARE = 0.01;

export function growthOk(r: GrowthRow): boolean {
  return Math.abs(r.real - r.model) <= GROWTH_SHARE * r.model;
}

function budgetText(r: CaseResult): string {
  const c = r.case;
  const ttl = c.ttlMs === null ? '' : `TTL ${c.ttlMs / 1000} s${c.ttlReset ? ', reset on read' : ''}`;
  if (r.budgetBytes === null) return ttl || 'none';
  const budget = `${num(c.budgetKeys ?? 0)} keys (${num(r.budgetBytes)} B)`;
  return ttl ? `${budget}, ${ttl}` : budget;
}

function caseRow(r: CaseResult): string[] {
  const c = r.case;
  const hit = r.real.hits / (r.real.hits + r.real.misses);
  const e = r.engine;
  const k = r.engineMaxKeys;
  const hitChecks = r.checks.filter((x) => x.what.startsWith('hit ratio'));
  const keysCheck = r.checks.find((x) => x.what === 'keys held');
  const t = r.real.timing;
  const achieved = t.requests / (t.durationMs / 1000);
  return [
    c.id,
    c.policy,
    `${num(c.rps)} (${num(achieved)})`,
    `${num(c.durationMs / 1000)} (${num(t.durationMs / 1000, 1)})`,
    budgetText(r),
    `${t.meanRoundTripMs.toFixed(2)}`,
    `${(100 * t.lateShare).toFixed(0)} %`,
    hit.toFixed(4),
    `${e.hitRatio.mean.toFixed(4)} ± ${e.hitRatio.sd.toFixed(4)}`,
    k === null ? '–' : k.hitRatio.mean.toFixed(4),
    hitChecks.map((x) => `±${x.tolerance.toFixed(4)} (${x.basis})`)[0] ?? '',
    num(r.real.keys),
    num(e.keys.mean, 1),
    keysCheck ? `±${num(keysCheck.tolerance, 1)} (${keysCheck.basis})` : '',
    okText(r.checks.every((x) => x.ok)) + (r.attempts > 1 ? ' (2nd drive)' : ''),
  ];
}

/**
 * The report as Markdown: the memory tables, then one row per case. Figures are side by side; a row is
 * `**OUT**` when a check is out of tolerance.
 *
 * @example
 * process.stdout.write(formatReport(report));
 */
export function formatReport(rep: CalibrationReport): string {
  const empty = rep.emptyNodeBytes;
  const out: string[] = [
    `Calibration against redis-server ${rep.redisVersion} (a cluster node owning all 16384 slots, ` +
      `driven in real time); engine: ${rep.seeds} seeds per case.`,
    `Empty node: used_memory ${num(Math.min(...empty))}-${num(Math.max(...empty))} B before the cases ` +
      `(the engine counts ${num(EMPTY_NODE_BYTES)} B).`,
    '',
    '**MEMORY USAGE of one key**',
    '',
    table(
      ['key', 'value bytes', 'real', 'engine', ''],
      rep.usage.map((u) => [
        `\`${u.name}\``,
        num(u.valueBytes),
        num(u.real),
        num(u.model),
        okText(u.real === u.model),
      ]),
    ),
    '',
    '**used_memory growth while loading keys**',
    '',
    table(
      ['keys', 'values', 'real B', 'engine B', 'real B/key', 'engine B/key', 'difference', ''],
      rep.growth.map((g) => [
        num(g.keys),
        g.what,
        num(g.real),
        num(g.model),
        num(g.real / g.keys, 1),
        num(g.model / g.keys, 1),
        pct(g.real / g.model - 1),
        okText(growthOk(g)),
      ]),
    ),
    '',
    '**Workloads** (Zipf 0.8 over 10 000 keys of 1 KiB; GET, then SET on a miss). The engine runs at ' +
      'the rate the drive achieved, with its measured GET round trip; "sent late": requests sent over ' +
      '10 ms after their time. Engine: with maxmemory of the same byte budget (or no limit); maxKeys: ' +
      "with maxKeys of the budget's key count.",
    '',
    table(
      [
        'case',
        'policy',
        'req/s (achieved)',
        's (took)',
        'budget',
        'GET RTT ms',
        'sent late',
        'hit ratio real',
        'engine ± sd',
        'engine (maxKeys)',
        'tolerance',
        'keys real',
        'keys engine',
        'tolerance',
        '',
      ],
      rep.cases.map(caseRow),
    ),
    '',
    rep.ok ? 'Every figure is within its tolerance.' : 'Some figures are out of tolerance (**OUT**).',
    '',
  ];
  return out.join('\n');
}
