import { parseFormatName } from '../../trace/read/detect.ts';
import { parseSize } from '../../trace/mrc/grid.ts';
import type { Policy } from '../../trace/mrc/types.ts';
import type { SampledPolicy } from '../../trace/mrc/sampled.ts';
import { TraceError, type TraceFormat } from '../../trace/types.ts';
import { clip } from '../../scenario/quote.ts';

export interface MrcArgs {
  file: string;
  format?: TraceFormat;
  sizes?: number[];
  sampleRate?: number;
  policies: Policy[];
  /** Redis's sampled LRU and LFU, asked for in --policies. */
  sampled: SampledPolicy[];
  json: boolean;
}

export const MRC_USAGE = [
  'Usage: npm run mrc -- <trace file> [--format twitter|oracle|csv] [--sizes a,b,c] [--policies lru,fifo,opt]',
  '                      [--sample R] [--json]',
  '',
  '  <trace file>    a Twitter cache trace, a libCacheSim oracleGeneral file (.zst too) or a plain CSV',
  '                  trace (docs/traces.md); the format is detected unless named',
  '  --sizes a,b,c   cache sizes in bytes (suffixes KiB, MiB, GiB allowed); default: 32 sizes from the',
  '                  largest object (or a thousandth of the working set) up to the working set',
  "  --policies      which curves (default lru,fifo,opt); redis-lru and redis-lfu add Redis's sampled",
  '                  LRU and LFU (maxmemory-samples 5), simulated at every fourth size',
  '  --sample R      keep a fraction R of the keys (SHARDS); a trace over 16 M requests is sampled anyway',
  '  --json          print { requests, uniqueKeys, bytes, curves: { lru, fifo, opt } } as JSON',
].join('\n');

const POLICIES: readonly Policy[] = ['lru', 'fifo', 'opt'];
const SAMPLED: readonly SampledPolicy[] = ['redis-lru', 'redis-lfu'];
const ALL: readonly string[] = [...POLICIES, ...SAMPLED];

export type MrcArgsResult =
  { ok: true; help: true } | { ok: true; help: false; args: MrcArgs } | { ok: false; message: string };

/** Parses argv (without node and script). Never throws: problems come back as one-line messages. */
export function parseMrcArgs(argv: readonly string[]): MrcArgsResult {
  const files: string[] = [];
  const args: Omit<MrcArgs, 'file'> = { policies: [...POLICIES], sampled: [], json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string | null => {
      const v = inline ?? argv[++i];
      return v === undefined || v === '' || (inline === undefined && v.startsWith('--')) ? null : v;
    };
    if (name === '--help' || name === '-h') return { ok: true, help: true };
    if (name === '--json') {
      if (inline !== undefined) return { ok: false, message: '--json takes no value' };
      args.json = true;
    } else if (name === '--format') {
      const v = value();
      if (v === null) return { ok: false, message: '--format needs a value: twitter, oracle or csv' };
      try {
        args.format = parseFormatName(v);
      } catch (e) {
        return { ok: false, message: `--format: ${(e as TraceError).message}` };
      }
    } else if (name === '--sizes') {
      const v = value();
      if (v === null) return { ok: false, message: '--sizes needs a list of sizes, e.g. 64MiB,128MiB,1GiB' };
      const sizes = v.split(',').map((s) => parseSize(s));
      const bad = v.split(',').find((_, j) => sizes[j] === null);
      if (bad !== undefined)
        return {
          ok: false,
          message: `--sizes: "${clip(bad)}" is not a size in bytes (e.g. 4096, 64KiB, 1.5GiB)`,
        };
      args.sizes = sizes as number[];
    } else if (name === '--policies') {
      const v = value();
      const list = (v ?? '').split(',').map((s) => s.trim().toLowerCase());
      const bad = list.find((p) => !ALL.includes(p));
      if (v === null || bad !== undefined)
        return {
          ok: false,
          message: `--policies: expected some of ${ALL.join(',')}, got "${clip(v ?? '')}"`,
        };
      const unique = [...new Set(list)];
      args.policies = unique.filter((p) => (POLICIES as readonly string[]).includes(p)) as Policy[];
      args.sampled = unique.filter((p) => (SAMPLED as readonly string[]).includes(p)) as SampledPolicy[];
    } else if (name === '--sample') {
      const v = value();
      const rate = Number(v);
      if (v === null || !(rate > 0 && rate <= 1))
        return {
          ok: false,
          message: `--sample: expected a fraction above 0 and at most 1, got "${clip(v ?? '')}"`,
        };
      args.sampleRate = rate;
    } else if (arg.startsWith('-') && arg !== '-') {
      return { ok: false, message: `unknown option ${clip(name)} (see --help)` };
    } else {
      files.push(arg);
    }
  }
  if (files.length !== 1) {
    return {
      ok: false,
      message:
        files.length === 0
          ? 'missing trace file (see --help)'
          : `expected one trace file, got ${files.length}`,
    };
  }
  return { ok: true, help: false, args: { ...args, file: files[0] as string } };
}
