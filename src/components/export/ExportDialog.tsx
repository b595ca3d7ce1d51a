import { useState } from 'react';
import { Dialog } from '../app/Dialog.tsx';
import { ChartExport } from './ChartExport.tsx';
import { PICTURE_SCALE, useExport } from './useExport.ts';
import { RECORD_LIMIT_MS } from '../../export/stageRecorder.ts';
import { formatDuration } from '../format.ts';
import './export.css';

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; what: string }
  | { kind: 'saved'; name: string }
  | { kind: 'failed'; message: string };

/**
 * The Export dialog: the run's data (the Summary as JSON, the time series as CSV), one chart as SVG or
 * PNG, the stage as PNG. Every file is named after the scenario and seed, and the dialog says which
 * file it saved (or why it could not).
 */
export function ExportDialog({ onClose }: { onClose: () => void }) {
  const exporter = useExport();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const run = (what: string, action: () => Promise<string>) => {
    setStatus({ kind: 'busy', what });
    action().then(
      (name) => setStatus({ kind: 'saved', name }),
      (e: unknown) =>
        setStatus({
          kind: 'failed',
          message: `Could not save ${what}: ${e instanceof Error ? e.message : String(e)}`,
        }),
    );
  };
  return (
    <Dialog labelledBy="export-title" onClose={onClose} className="export-dialog">
      <h2 id="export-title">Export</h2>
      <p className="muted">
        Files are named after the scenario and its seed, for example{' '}
        <code>{exporter.fileName('series', 'csv')}</code>.
      </p>
      <section aria-labelledby="export-data">
        <h3 id="export-data">Data, at the current time</h3>
        <div className="export-row">
          <button type="button" className="btn" onClick={() => run('the summary', exporter.summaryJson)}>
            Summary (JSON)
          </button>
          <button type="button" className="btn" onClick={() => run('the time series', exporter.seriesCsv)}>
            Time series (CSV)
          </button>
        </div>
      </section>
      <section aria-labelledby="export-chart">
        <h3 id="export-chart">A chart</h3>
        <ChartExport
          onSave={(figure, what, format) => run('the chart', () => exporter.chart(figure, what, format))}
        />
      </section>
      <section aria-labelledby="export-stage">
        <h3 id="export-stage">The stage</h3>
        <div className="export-row">
          <button type="button" className="btn" onClick={() => run('the stage', exporter.stagePng)}>
            Stage as PNG
          </button>
        </div>
        <p className="muted">
          Pictures are saved at {PICTURE_SCALE}× their size on screen. For a video of the stage (WebM, at most{' '}
          {formatDuration(RECORD_LIMIT_MS)}), close this and press <strong>Record</strong> beside Export;
          press it again to stop and save.
        </p>
      </section>
      <p className={`export-status${status.kind === 'failed' ? ' failed' : ''}`} role="status">
        {status.kind === 'busy' && `Saving ${status.what}…`}
        {status.kind === 'saved' && (
          <>
            Saved <code>{status.name}</code>
          </>
        )}
        {status.kind === 'failed' && status.message}
      </p>
      <div className="export-row end">
        <button type="button" className="btn" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
