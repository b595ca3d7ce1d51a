import { useId, useRef, useState } from 'react';
import type { FigureId } from '../../labels/figures.ts';
import { chartChoices, OneChart } from '../charts/ChartsPanel.tsx';
import { useChartsProps } from '../app/useChartsProps.ts';
import { slug } from '../../export/fileName.ts';

interface Props {
  /** Saves the chart drawn in `figure` as `what` in one format (the dialog reports the file saved). */
  onSave: (figure: HTMLElement, what: string, format: 'svg' | 'png') => void;
}

/**
 * One chart at a time: a choice of chart, the chart itself drawn as the Charts tab draws it (what you
 * see is the file you get), and a button per format.
 */
export function ChartExport({ onSave }: Props) {
  const props = useChartsProps();
  const [id, setId] = useState<FigureId>('hitRatioChart');
  const previewRef = useRef<HTMLDivElement>(null);
  const selectId = useId();
  if (!props) return <p className="muted">The charts appear once the run has data.</p>;
  const choices = chartChoices(props);
  const chosen = choices.find((c) => c.id === id) ?? choices[0];
  if (!chosen) return null;
  const save = (format: 'svg' | 'png') => {
    const figure = previewRef.current?.querySelector<HTMLElement>('figure.chart');
    if (figure) onSave(figure, `chart-${slug(chosen.title)}`, format);
  };
  return (
    <>
      <div className="export-row">
        <label htmlFor={selectId}>Chart</label>
        <select id={selectId} value={chosen.id} onChange={(e) => setId(e.target.value as FigureId)}>
          {choices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
      </div>
      <div className="export-preview" ref={previewRef}>
        <OneChart id={chosen.id} {...props} />
      </div>
      <div className="export-row">
        <button type="button" className="btn" onClick={() => save('svg')}>
          Chart as SVG
        </button>
        <button type="button" className="btn" onClick={() => save('png')}>
          Chart as PNG
        </button>
      </div>
    </>
  );
}
