// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { playWhenVisible } from '../../src/embed/playback.ts';
import type { Controller } from '../../src/runtime/controller.ts';
import type { EngineSession } from '../../src/runtime/session.ts';
import { createAppStore } from '../../src/store/appStore.ts';
import { defaultScenario } from '../../src/scenario/presets/defaultScenario.ts';

/** An IntersectionObserver the test drives: `see(true)` puts the element in view. */
class FakeObserver {
  static last: FakeObserver | null = null;
  constructor(private readonly fn: (entries: { isIntersecting: boolean }[]) => void) {
    FakeObserver.last = this;
  }
  observe() {}
  disconnect() {}
  see(inView: boolean) {
    this.fn([{ isIntersecting: inView }]);
  }
}

let hidden = false;

function setTab(h: boolean) {
  hidden = h;
  document.dispatchEvent(new Event('visibilitychange'));
}

function setup(autoplay: boolean) {
  const store = createAppStore(defaultScenario());
  const session = { suspended: false } as EngineSession;
  const controller = {
    play: vi.fn(() => store.setState({ playing: true })),
    pause: vi.fn(() => store.setState({ playing: false })),
  } as unknown as Controller;
  const stop = playWhenVisible(document.body, session, controller, store, autoplay);
  return { store, session, controller, stop, io: FakeObserver.last! };
}

describe('an embed plays only while it can be seen (issue 21)', () => {
  beforeEach(() => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => (hidden ? 'hidden' : 'visible'),
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    setTab(false);
  });

  it('autoplay starts when first seen, pauses out of view, and resumes when back', () => {
    const { session, controller, io, stop } = setup(true);
    expect(controller.play).not.toHaveBeenCalled();
    io.see(true);
    expect(controller.play).toHaveBeenCalledTimes(1);
    expect(session.suspended).toBe(false);
    io.see(false);
    expect(controller.pause).toHaveBeenCalledTimes(1);
    expect(session.suspended).toBe(true);
    io.see(true);
    expect(controller.play).toHaveBeenCalledTimes(2);
    expect(session.suspended).toBe(false);
    stop();
  });

  it('a hidden tab pauses a playing embed and showing it again resumes it', () => {
    const { session, controller, io, stop } = setup(true);
    io.see(true);
    setTab(true);
    expect(controller.pause).toHaveBeenCalledTimes(1);
    expect(session.suspended).toBe(true);
    setTab(false);
    expect(controller.play).toHaveBeenCalledTimes(2);
    expect(session.suspended).toBe(false);
    stop();
  });

  it('an embed the reader paused stays paused when it comes back into view', () => {
    const { session, controller, io, stop } = setup(false);
    io.see(true);
    io.see(false);
    expect(session.suspended).toBe(true);
    io.see(true);
    expect(controller.play).not.toHaveBeenCalled();
    expect(controller.pause).not.toHaveBeenCalled();
    stop();
  });

  it('stops watching the tab once stopped', () => {
    const { controller, io, stop } = setup(true);
    io.see(true);
    stop();
    setTab(true);
    expect(controller.pause).not.toHaveBeenCalled();
  });
});
