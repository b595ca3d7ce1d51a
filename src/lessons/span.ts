/** A lesson window's span as the metrics strip and the charts label it: "60-72 s", "10.5-12.5 s". */
export function windowSpan(fromMs: number, untilMs: number): string {
  const s = (ms: number) => String(Number((ms / 1000).toFixed(1)));
  return `${s(fromMs)}-${s(untilMs)} s`;
}
