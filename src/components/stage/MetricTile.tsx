/** One tile of the metrics strip: a label (with its outcome colour, if any) above its value. */
export function MetricTile({
  label,
  value,
  color,
  className = 'metric',
  title,
  figure,
}: {
  label: string;
  value: string;
  color?: string | undefined;
  className?: string;
  title?: string | undefined;
  /** The lesson figure the tile shows (`data-figure`), as the explanation's numbers carry it. */
  figure?: string;
}) {
  return (
    <div className={className} title={title} data-figure={figure}>
      <dt>
        {color && <span className="metric-dot" style={{ background: color }} aria-hidden="true" />}
        {label}
      </dt>
      <dd>{value}</dd>
    </div>
  );
}
