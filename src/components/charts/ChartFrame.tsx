import type { ReactNode } from 'react';
import { useId } from 'react';
import { THRESHOLD_DASH } from './Axes.tsx';
import { HEIGHT, MARGIN, WIDTH } from './frame.ts';
import './charts.css';

export interface LegendItem {
  label: string;
  color: string;
  dashed?: boolean;
  /** An alert threshold's entry: drawn in the threshold's dash. */
  threshold?: boolean;
}

interface ChartFrameProps {
  title: string;
  /** What a screen reader hears instead of the picture: the latest values in words. */
  description: string;
  legend?: readonly LegendItem[] | undefined;
  /** Shown instead of the plot when there is nothing to draw yet. */
  empty?: boolean;
  children: ReactNode;
}

/** Title, legend and the SVG box shared by every chart. */
export function ChartFrame({ title, description, legend, empty = false, children }: ChartFrameProps) {
  const titleId = useId();
  return (
    <figure className="chart" aria-labelledby={titleId}>
      <div className="chart-head">
        <figcaption id={titleId} className="chart-title">
          {title}
        </figcaption>
        {legend && legend.length > 0 && (
          <ul className="chart-legend">
            {legend.map((item) => (
              <li key={item.label}>
                <svg width="22" height="10" aria-hidden="true">
                  <line
                    x1="1"
                    x2="21"
                    y1="5"
                    y2="5"
                    stroke={item.color}
                    strokeWidth="3"
                    strokeDasharray={item.threshold ? THRESHOLD_DASH : item.dashed ? '4 3' : undefined}
                  />
                </svg>
                {item.label}
              </li>
            ))}
          </ul>
        )}
      </div>
      <svg
        className="chart-svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`${title}. ${description}`}
      >
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>{children}</g>
        {empty && (
          <text x={WIDTH / 2} y={HEIGHT / 2} textAnchor="middle" className="chart-empty">
            No data yet
          </text>
        )}
      </svg>
    </figure>
  );
}
