import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time of each of this process's threads, in ms by thread id (Linux's /proc/self/task/<tid>/schedstat;
 * an empty map where there is none). bench:sweep tells V8's helper threads (optimizing compilers,
 * concurrent GC), which exist from the process's start, from the sweep's own threads with it.
 */
export function taskCpu(): Map<string, number> {
  const cpu = new Map<string, number>();
  let tids: string[];
  try {
    tids = readdirSync('/proc/self/task');
  } catch {
    return cpu;
  }
  for (const tid of tids) {
    try {
      cpu.set(tid, Number(readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8').split(' ')[0]) / 1e6);
    } catch {
      // The thread ended meanwhile.
    }
  }
  return cpu;
}

/** CPU ms the threads `tids` used from `before` to `after` (NaN when nothing was measured). */
export function cpuOf(
  tids: readonly string[],
  before: Map<string, number>,
  after: Map<string, number>,
): number {
  if (tids.length === 0) return NaN;
  return tids.reduce((sum, tid) => sum + (after.get(tid) ?? 0) - (before.get(tid) ?? 0), 0);
}
