import { describe, expect, it } from 'vitest';
import { AutoDrawLimit, DEFAULT_DRAWN, drawSettingLabel } from '../../src/render/drawLimit.ts';

/** Feeds `windows` seconds of 60 frames: `slow` of every 10 frames take `lateMs`, the rest 16.7 ms. */
function feed(
  auto: AutoDrawLimit,
  windows: number,
  at: { t: number },
  o: { slow: number; drawn: number; sampling: boolean },
) {
  let limit = auto.limit;
  for (let w = 0; w < windows; w++) {
    for (let f = 0; f < 60; f++) {
      const ms = f % 10 < o.slow ? 40 : 16.7;
      at.t += ms;
      limit = auto.observe(ms, o.drawn, o.sampling, at.t);
    }
  }
  return limit;
}

describe('AutoDrawLimit', () => {
  it('starts at the default and holds while frames keep time and nothing more is to draw', () => {
    const auto = new AutoDrawLimit();
    expect(auto.limit).toBe(DEFAULT_DRAWN);
    expect(feed(auto, 5, { t: 0 }, { slow: 0, drawn: 3000, sampling: false })).toBe(DEFAULT_DRAWN);
  });

  it('steps down a level when a tenth of the frames are late at about that many drawn', () => {
    const auto = new AutoDrawLimit();
    expect(feed(auto, 1, { t: 0 }, { slow: 2, drawn: 5000, sampling: true })).toBe(2000);
    expect(feed(auto, 1, { t: 1000 }, { slow: 2, drawn: 2000, sampling: true })).toBe(1000);
  });

  it('does not step down when far fewer are drawn than the limit (fewer would not help)', () => {
    const auto = new AutoDrawLimit();
    expect(feed(auto, 3, { t: 0 }, { slow: 2, drawn: 500, sampling: false })).toBe(DEFAULT_DRAWN);
  });

  it('steps up after two good windows while sampling, and waits before retrying a level that failed', () => {
    const auto = new AutoDrawLimit();
    const at = { t: 0 };
    expect(feed(auto, 2, at, { slow: 0, drawn: 5000, sampling: true })).toBe(10_000);
    expect(feed(auto, 1, at, { slow: 2, drawn: 10_000, sampling: true })).toBe(DEFAULT_DRAWN);
    // 10,000 failed: not tried again within its wait (8 s), then tried.
    expect(feed(auto, 4, at, { slow: 0, drawn: 5000, sampling: true })).toBe(DEFAULT_DRAWN);
    expect(feed(auto, 5, at, { slow: 0, drawn: 5000, sampling: true })).toBe(10_000);
  });

  it('ignores pauses (a hidden tab) rather than judging them as slow frames', () => {
    const auto = new AutoDrawLimit();
    for (let i = 0; i < 200; i++) auto.observe(1000, 5000, true, i * 1000);
    expect(auto.limit).toBe(DEFAULT_DRAWN);
  });

  it('names the settings', () => {
    expect(drawSettingLabel('auto')).toBe('Automatic');
    expect(drawSettingLabel(10_000)).toBe('10,000');
  });
});
