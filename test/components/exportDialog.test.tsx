// @vitest-environment jsdom
import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runScenario } from '../../src/engine/index.ts';
import { ExportDialog } from '../../src/components/export/ExportDialog.tsx';
import { RecordToggle } from '../../src/components/export/RecordToggle.tsx';
import { getPreset } from '../../src/scenario/presets/index.ts';
import { seriesCsv } from '../../src/export/seriesCsv.ts';
import { renderWithApp, spyController } from './controlsHarness.tsx';

const summary = runScenario(getPreset('baseline')!, { durationMs: 4000, seed: 11 });

/** What the dialog hands to the browser's download: each blob and the name it is saved under. */
let saved: { name: string; blob: Blob }[] = [];

beforeEach(() => {
  saved = [];
  let n = 0;
  const blobs = new Map<string, Blob>();
  // jsdom has no object URLs and does not download: record what the <a download> click would save.
  URL.createObjectURL = (b: Blob | MediaSource) => {
    const url = `blob:test/${n++}`;
    blobs.set(url, b as Blob);
    return url;
  };
  URL.revokeObjectURL = () => {};
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, blob: blobs.get(this.href)! });
  });
});

afterEach(() => vi.restoreAllMocks());

/** A blob's text (jsdom's Blob has no `text()`). */
const text = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });

function openDialog(controller = spyController()) {
  controller.summary.mockResolvedValue(summary);
  const onClose = vi.fn();
  const app = renderWithApp(<ExportDialog onClose={onClose} />, controller);
  return { ...app, onClose, controller };
}

describe('ExportDialog', () => {
  it('is a labelled modal dialog that takes focus and closes on Escape', () => {
    const { onClose } = openDialog();
    const dialog = screen.getByRole('dialog', { name: 'Export' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.contains(document.activeElement)).toBe(true);
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('saves the whole Summary as JSON, named after the preset and seed, and says so', async () => {
    const { store } = openDialog();
    const seed = store.getState().applied.seed;
    fireEvent.click(screen.getByRole('button', { name: 'Summary (JSON)' }));
    await screen.findByText(`baseline-seed${seed}-summary.json`);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.name).toBe(`baseline-seed${seed}-summary.json`);
    expect(JSON.parse(await text(saved[0]!.blob))).toEqual(summary);
  });

  it('saves the time series as the CSV builder writes it', async () => {
    openDialog();
    fireEvent.click(screen.getByRole('button', { name: 'Time series (CSV)' }));
    await screen.findByText(/-series\.csv$/);
    expect(await text(saved[0]!.blob)).toBe(seriesCsv(summary));
  });

  it('says why a file could not be saved, and saves nothing', async () => {
    const controller = spyController();
    openDialog(controller);
    controller.summary.mockRejectedValue(new Error('the engine stopped'));
    fireEvent.click(screen.getByRole('button', { name: 'Summary (JSON)' }));
    await screen.findByText('Could not save the summary: the engine stopped');
    expect(saved).toEqual([]);
  });

  it('offers the charts only once the run has data', () => {
    const { store } = openDialog();
    expect(screen.getByText('The charts appear once the run has data.')).toBeTruthy();
    act(() => store.getState().setMetrics(null, summary, []));
    const choice = screen.getByRole('combobox', { name: 'Chart' });
    expect(choice.querySelectorAll('option').length).toBeGreaterThan(3);
    expect(screen.getByRole('button', { name: 'Chart as SVG' })).toBeTruthy();
  });
});

describe('RecordToggle', () => {
  it('where the browser has no MediaRecorder, says so and does not press', async () => {
    const { store } = renderWithApp(<RecordToggle />);
    const record = screen.getByRole('button', { name: 'Record' });
    fireEvent.click(record);
    await vi.waitFor(() => expect(store.getState().notice).toMatch(/no MediaRecorder/));
    expect(record.getAttribute('aria-pressed')).toBe('false');
    expect(store.getState().recording).toBeNull();
  });
});
