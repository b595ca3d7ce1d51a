import { useController } from '../../runtime/controller.ts';
import { presetCatalog } from '../../scenario/presets/catalog.ts';
import { loadPresets } from '../../scenario/presets/load.ts';
import { deepEqual } from '../../scenario/json.ts';
import { selectPresetId } from '../../store/selectors.ts';
import { useAppStore } from '../../store/useAppStore.ts';

const prefetch = () => void loadPresets().catch(() => undefined);

/**
 * Picks one of the ready-made scenarios; "Custom" shows once the scenario has been edited, and an open
 * lesson step's scenario shows as the lesson's (until it is edited too).
 */
export function PresetPicker() {
  const c = useController();
  const presetId = useAppStore(selectPresetId);
  const lessonScenario = useAppStore((s) =>
    s.lesson && s.draft === s.applied && deepEqual(s.applied, s.lesson.scenario) ? s.applied.title : null,
  );
  return (
    <div className="preset-picker">
      <label htmlFor="preset-select">Preset</label>
      <select
        id="preset-select"
        aria-label="Preset"
        value={presetId ?? ''}
        // The presets are fetched as the picker is reached for, so the one picked is usually here.
        onPointerDown={prefetch}
        onFocus={prefetch}
        onChange={(e) => e.target.value && c.loadPreset(e.target.value)}
      >
        {presetId === null && (
          <option value="">
            {lessonScenario === null ? 'Custom scenario' : `Lesson: ${lessonScenario}`}
          </option>
        )}
        {presetCatalog.map((p) => (
          <option key={p.id} value={p.id}>
            {p.title}
          </option>
        ))}
      </select>
    </div>
  );
}
