import { useController } from '../../runtime/controller.ts';
import { useAppStoreApi } from '../../store/useAppStore.ts';
import { canvasToPng, downloadBlob } from '../../export/download.ts';
import { chartSvg, svgToPng } from '../../export/chartSvg.ts';
import { exportFileName } from '../../export/fileName.ts';
import { seriesCsv } from '../../export/seriesCsv.ts';
import { stageCanvas } from '../../export/stageImage.ts';
import { formatDuration } from '../format.ts';
import { useStageHandle } from '../stage/stageHandle.ts';

/** Pictures are saved at twice their size on screen: sharp on a high-density display or in print. */
export const PICTURE_SCALE = 2;

/**
 * What the Export dialog saves, each resolving to the name of the file handed to the browser. Data
 * comes from the engine's worker (the whole Summary at the run's current time); pictures from what
 * the page draws.
 */
export function useExport() {
  const controller = useController();
  const store = useAppStoreApi();
  const stage = useStageHandle();

  const fileName = (what: string, ext: string) => {
    const { presetId, applied } = store.getState();
    return exportFileName({ presetId, title: applied.title, seed: applied.seed }, what, ext);
  };
  const save = (blob: Blob, what: string, ext: string) => {
    const name = fileName(what, ext);
    downloadBlob(blob, name);
    return name;
  };
  /** Where a picture's figures came from, written under it. */
  const caption = () => {
    const { applied, nowMs } = store.getState();
    const at = `${formatDuration(nowMs)} of ${formatDuration(applied.durationMs)} simulated`;
    return `Cachescope · ${applied.title} · seed ${applied.seed} · ${at}`;
  };

  return {
    fileName,
    summaryJson: async () => {
      const summary = await controller.summary();
      return save(
        new Blob([`${JSON.stringify(summary, null, 2)}\n`], { type: 'application/json' }),
        'summary',
        'json',
      );
    },
    seriesCsv: async () => {
      const summary = await controller.summary();
      return save(new Blob([seriesCsv(summary)], { type: 'text/csv' }), 'series', 'csv');
    },
    /** The chart drawn in `figure`, as SVG or as PNG (the same picture, rasterised). */
    chart: async (figure: HTMLElement, what: string, format: 'svg' | 'png') => {
      const picture = chartSvg(figure, caption());
      const blob =
        format === 'svg'
          ? new Blob([picture.svg], { type: 'image/svg+xml' })
          : await svgToPng(picture, PICTURE_SCALE);
      return save(blob, what, format);
    },
    stagePng: async () => {
      const source = stage?.source();
      if (!source) throw new Error('the stage is not on the page');
      return save(await canvasToPng(stageCanvas(source, PICTURE_SCALE)), 'stage', 'png');
    },
  };
}
