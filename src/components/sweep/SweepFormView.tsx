import type { FormEvent } from 'react';
import { HEADLINE, type HeadlineId } from '../../report/headline.ts';
import { SWEEP_LIMITS } from '../../sweep/plan.ts';
import type { SweepForm } from '../../store/sweepSlice.ts';
import { formatDuration, formatValue, unitSuffix } from '../format.ts';
import type { SweepField } from './sweepFields.ts';
import { SweepNumber } from './SweepNumber.tsx';
// The config panel's form styles (inputs, checkboxes, errors); that tab may not have loaded them yet.
import '../config/config.css';

export interface SweepFormViewProps {
  form: SweepForm;
  fields: readonly SweepField[];
  running: boolean;
  /** What the form asks for ("8 values × 3 seeds = 24 runs"), or what is wrong with it. */
  verdict: { ok: true; text: string } | { ok: false; message: string };
  onChange(form: SweepForm): void;
  onPickField(path: string): void;
  onRun(): void;
  onCancel(): void;
}

/** The Sweep tab's settings: which field, over what range, how many seeds, what to plot. */
export function SweepFormView(props: SweepFormViewProps) {
  const { form, fields, running, verdict, onChange, onPickField, onRun, onCancel } = props;
  const field = fields.find((f) => f.path === form.path);
  const unit = field?.def.unit ?? 'none';
  const set = (patch: Partial<SweepForm>) => onChange({ ...form, ...patch });
  const inWords = (v: number) => (Number.isFinite(v) ? formatValue(unit, v) : 'not a number');
  const toggleMetric = (id: HeadlineId, on: boolean) =>
    set({ metrics: HEADLINE.map((f) => f.id).filter((m) => (m === id ? on : form.metrics.includes(m))) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!running) onRun();
  };
  return (
    <form className="sweep-form cfg-panel" aria-label="Sweep settings" onSubmit={submit}>
      <label className="sweep-param">
        <span className="sweep-number-label">Parameter</span>
        <select value={form.path} disabled={running} onChange={(e) => onPickField(e.currentTarget.value)}>
          {fields.map((f) => (
            <option key={f.path} value={f.path}>
              {f.label}
            </option>
          ))}
        </select>
      </label>
      <div className="sweep-grid">
        <SweepNumber
          label={`From${unitSuffix(unit)}`}
          value={form.from}
          hint={inWords(form.from)}
          disabled={running}
          onChange={(from) => set({ from })}
        />
        <SweepNumber
          label={`To${unitSuffix(unit)}`}
          value={form.to}
          hint={inWords(form.to)}
          disabled={running}
          onChange={(to) => set({ to })}
        />
        <SweepNumber
          label={`Points (${SWEEP_LIMITS.minSteps} to ${SWEEP_LIMITS.maxValues})`}
          value={form.steps}
          disabled={running}
          onChange={(steps) => set({ steps })}
        />
        <SweepNumber
          label={`Seeds (1 to ${SWEEP_LIMITS.maxSeeds})`}
          value={form.seeds}
          disabled={running}
          onChange={(seeds) => set({ seeds })}
        />
        {form.path !== 'durationMs' && (
          <SweepNumber
            label="Run length (ms)"
            value={form.durationMs}
            hint={formatDuration(form.durationMs)}
            disabled={running}
            onChange={(durationMs) => set({ durationMs })}
          />
        )}
        <label className="sweep-check">
          <input
            type="checkbox"
            checked={form.log}
            disabled={running}
            onChange={(e) => set({ log: e.currentTarget.checked })}
          />
          Log scale
        </label>
      </div>
      <fieldset className="sweep-metrics cfg-section">
        <legend>Metrics to plot</legend>
        {HEADLINE.map((f) => (
          <label key={f.id} className="sweep-check">
            <input
              type="checkbox"
              checked={form.metrics.includes(f.id)}
              disabled={running}
              onChange={(e) => toggleMetric(f.id, e.currentTarget.checked)}
            />
            {f.label}
          </label>
        ))}
      </fieldset>
      <div className="sweep-actions">
        <button type="submit" className="btn primary" disabled={running || !verdict.ok}>
          Run sweep
        </button>
        {running && (
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      {verdict.ok ? (
        <p className="sweep-verdict">{verdict.text}</p>
      ) : (
        <p className="cfg-error" role="alert">
          {verdict.message}
        </p>
      )}
    </form>
  );
}
