import { downloadBlob } from '../../export/download.ts';
import { exportFileName } from '../../export/fileName.ts';
import { selectRecording } from '../../store/selectors.ts';
import { useAppStore, useAppStoreApi } from '../../store/useAppStore.ts';
import { useStageHandle } from '../stage/stageHandle.ts';
import { formatDuration } from '../format.ts';

/**
 * Starts and stops the recording of the stage. The recorder's code (the DOM painter, the WebM
 * duration fix) loads on the first press, not with the page. Where the browser cannot record, the
 * notice says why; pictures and data still export.
 */
export function useRecording() {
  const store = useAppStoreApi();
  const handle = useStageHandle();
  const recording = useAppStore(selectRecording);

  const stop = async (atLimit = false) => {
    const rec = handle?.currentRecording();
    if (!handle || !rec) return;
    handle.setRecording(null);
    store.getState().setRecording(null);
    const { presetId, applied } = store.getState();
    const name = exportFileName({ presetId, title: applied.title, seed: applied.seed }, 'recording', 'webm');
    try {
      downloadBlob(await rec.stop(), name);
      if (atLimit) {
        const limit = formatDuration(rec.limitMs);
        store.getState().setNotice(`The recording reached its ${limit} limit and was saved as ${name}.`);
      }
    } catch (e) {
      store
        .getState()
        .setNotice(`The recording could not be saved: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const start = async () => {
    const { RECORD_LIMIT_MS, StageRecording, recordingSupport } =
      await import('../../export/stageRecorder.ts');
    const support = recordingSupport();
    const source = handle?.source() ?? null;
    if (!support.ok || !source || !handle) {
      const why = support.ok ? 'The stage is not on the page.' : support.reason;
      store.getState().setNotice(`${why} Pictures and data still export (Export).`);
      return;
    }
    if (handle.currentRecording()) return;
    handle.setRecording(new StageRecording(source, support.mimeType, RECORD_LIMIT_MS, () => void stop(true)));
    store.getState().setRecording({ startedAt: performance.now(), limitMs: RECORD_LIMIT_MS });
  };

  return { recording, toggle: () => void (recording ? stop() : start()) };
}
