import { useEffect, useMemo, useRef } from 'react';
import { useController } from '../../runtime/controller.ts';
import { keptPointWorkers } from '../../runtime/keptPointWorkers.ts';
import { enginePointWorker, sweepWorkerCount } from '../../runtime/pointWorker.ts';
import { startSweep, type SweepHandle } from '../../runtime/sweepRunner.ts';
import { planSweep } from '../../sweep/plan.ts';
import { selectApplied } from '../../store/selectors.ts';
import { useAppStore, useAppStoreApi } from '../../store/useAppStore.ts';
import { defaultForm, formForField, planFromForm } from './sweepForm.ts';
import { sweepFields } from './sweepFields.ts';
import { SweepFormView } from './SweepFormView.tsx';
import { SweepProgress, SweepResults } from './SweepResults.tsx';
import './sweep.css';

/** The sweep running now, if any: it outlives the tab (switching tabs does not stop it). */
let active: SweepHandle | null = null;
/** The sweeps' workers: a finished sweep's are kept for the next, which then skips their start-up. */
const sweepWorkers = keptPointWorkers(enginePointWorker);

/**
 * The Sweep tab: one field of the running scenario over a range, every point run headless on one Web
 * Worker per core, the figures drawn against the field as they come in. Its form opens ready to run.
 */
export function SweepSection() {
  const store = useAppStoreApi();
  const controller = useController();
  const scenario = useAppStore(selectApplied);
  const stored = useAppStore((s) => s.sweepForm);
  const run = useAppStore((s) => s.sweep);
  const fields = useMemo(() => sweepFields(scenario), [scenario]);
  const form = stored ?? defaultForm(scenario);
  const plan = useMemo(() => planFromForm(form, scenario), [form, scenario]);
  const workers = sweepWorkerCount();
  const running = run?.status === 'running';
  // Where a run's progress and results appear, under a form taller than most panels.
  const outcome = useRef<HTMLDivElement>(null);

  // The form's defaults are kept once shown, so tab switches keep what the user sees.
  useEffect(() => {
    if (stored === null) store.getState().setSweepForm(defaultForm(scenario));
  }, [stored, scenario, store]);

  const verdict = plan.ok
    ? {
        ok: true as const,
        text: `${plan.value.values.length} values × ${plan.value.seeds.length} seed${plan.value.seeds.length > 1 ? 's' : ''} = ${plan.value.points.length} runs of ${
          fields.find((f) => f.path === form.path)?.label ?? form.path
        }, on ${Math.min(workers, plan.value.points.length)} workers.`,
      }
    : { ok: false as const, message: plan.message };

  const onRun = () => {
    if (!plan.ok) return;
    active?.cancel();
    const field = fields.find((f) => f.path === form.path);
    active = startSweep(
      plan.value,
      {
        base: scenario,
        label: field?.label ?? form.path,
        log: form.log,
        durationMs: form.durationMs,
        metrics: [...form.metrics],
      },
      store,
      workers,
      sweepWorkers.open,
    );
    // The progress and the charts as they fill in are what the click asked for: bring them into view
    // (once they are drawn) rather than leave them under the form's bottom edge.
    requestAnimationFrame(() => outcome.current?.scrollIntoView?.({ block: 'start' }));
  };
  const onOpen = (value: number) => {
    if (!run) return;
    // Planned again as the sweep planned it, on its first seed (the scenario's own).
    const spec = { param: run.path, values: [value], seeds: 1 };
    const point = planSweep(
      run.base,
      run.path === 'durationMs' ? spec : { ...spec, durationMs: run.durationMs },
    );
    if (!point.ok) return store.getState().setNotice(point.message);
    controller.loadScenario(point.value.points[0]!.scenario);
  };
  return (
    <div className="sweep">
      <h2 className="visually-hidden">Sweep</h2>
      <SweepFormView
        form={form}
        fields={fields}
        running={running}
        verdict={verdict}
        onChange={(next) => store.getState().setSweepForm(next)}
        onPickField={(path) => {
          const field = fields.find((f) => f.path === path);
          if (field) store.getState().setSweepForm(formForField(form, field, scenario));
        }}
        onRun={onRun}
        onCancel={() => active?.cancel()}
      />
      <div ref={outcome}>
        {run && <SweepProgress run={run} />}
        {run?.status === 'failed' && (
          <p className="cfg-error" role="alert">
            The sweep stopped: {run.message}
          </p>
        )}
        {run && <SweepResults run={run} onOpen={onOpen} />}
      </div>
    </div>
  );
}
