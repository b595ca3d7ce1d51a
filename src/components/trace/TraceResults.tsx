import type { TraceAnalysis } from '../../trace/job.ts';
import { WorkloadCard } from './WorkloadCard.tsx';
import { MissRatioChart } from './MissRatioChart.tsx';

/** The card and the curves of an analysed trace (a chunk of their own, loaded once a trace is read). */
export function TraceResults({ analysis }: { analysis: TraceAnalysis }) {
  return (
    <>
      <WorkloadCard analysis={analysis} />
      <MissRatioChart analysis={analysis} />
    </>
  );
}
