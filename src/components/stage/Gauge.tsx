interface GaugeProps {
  /** 0..1; values above 1 are drawn full. */
  value: number;
  label: string;
  warn?: number;
  /** Drawn as the bottom edge of its card, for cards too small for a gauge row. */
  edge?: boolean;
}

/** A thin horizontal bar: memory, keys or queue fill. Turns to the warning colour above `warn`. */
export function Gauge({ value, label, warn = 0.8, edge = false }: GaugeProps) {
  const v = Number.isFinite(value) ? Math.max(0, Math.min(1, value)) : 0;
  return (
    <span
      className={edge ? 'gauge edge' : 'gauge'}
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(v * 100)}
    >
      <span className={`gauge-fill${v >= warn ? ' warn' : ''}`} style={{ transform: `scaleX(${v})` }} />
    </span>
  );
}
