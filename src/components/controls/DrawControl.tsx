import { useId } from 'react';
import { DRAW_CHOICES } from '../../render/drawCounts.ts';
import type { DrawSetting } from '../../render/drawLimit.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { saveDrawSetting } from '../../runtime/drawMemory.ts';
import { browserStorage } from '../../lessons/progress.ts';

/**
 * How many requests the stage draws at most: "Automatic" (as many as this screen draws at full frame
 * rate) or a fixed number. Every request is counted either way; beyond the number, a sample is drawn.
 * The choice is remembered for the next visit (runtime/drawMemory.ts).
 */
export function DrawControl() {
  const id = useId();
  const setting = useAppStore((s) => s.drawSetting);
  const setDrawSetting = useAppStore((s) => s.setDrawSetting);
  const choices: DrawSetting[] = ['auto', ...DRAW_CHOICES];
  return (
    <span className="draw-control">
      <label htmlFor={id}>Requests drawn</label>
      <select
        id={id}
        value={String(setting)}
        onChange={(e) => {
          const v = e.currentTarget.value;
          const next: DrawSetting = v === 'auto' ? 'auto' : Number(v);
          setDrawSetting(next);
          saveDrawSetting(browserStorage(), next);
        }}
      >
        {choices.map((c) => (
          <option key={c} value={String(c)}>
            {c === 'auto' ? 'Automatic' : `At most ${c.toLocaleString('en-US')}`}
          </option>
        ))}
      </select>
    </span>
  );
}
