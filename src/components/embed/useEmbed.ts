import { useEffect, type RefObject } from 'react';
import { useController } from '../../runtime/controller.ts';
import type { EngineSession } from '../../runtime/session.ts';
import type { EmbedOptions } from '../../share/linkParams.ts';
import { EmbedHost } from '../../embed/host.ts';
import { loopAtEnd, playWhenVisible, prefersReducedMotion } from '../../embed/playback.ts';
import { useAppStoreApi } from '../../store/useAppStore.ts';

export const REDUCED_MOTION_NOTICE =
  'Autoplay is off because your system asks for reduced motion. Press Play to start.';

/**
 * The origin of the page framing this one, when it can be known: read directly when it is this app's
 * own origin, else from `location.ancestorOrigins` (Chromium, Safari) or the referrer (unless the page
 * withheld it). Null when unknown.
 */
function parentOrigin(): string | null {
  try {
    // Readable only when the parent has this page's origin; a cross-origin parent throws.
    return window.parent.location.origin;
  } catch {
    // Cross-origin: ask the browser.
  }
  const ancestor = location.ancestorOrigins?.[0];
  if (ancestor) return ancestor;
  try {
    const origin = new URL(document.referrer).origin;
    // The embed's own origin here would be a navigation inside the frame, not the parent.
    return origin !== location.origin ? origin : null;
  } catch {
    return null;
  }
}

/**
 * Everything an embed does besides drawing: its theme, autoplay (which waits for the embed to be seen,
 * and for a reader who asked for reduced motion, does not start at all), pausing out of view, looping,
 * and the API a host page drives it with (only when it is in a frame).
 */
export function useEmbed(root: RefObject<HTMLElement | null>, session: EngineSession, options: EmbedOptions) {
  const controller = useController();
  const store = useAppStoreApi();
  useEffect(() => {
    const html = document.documentElement;
    if (options.theme === 'system') delete html.dataset.theme;
    else html.dataset.theme = options.theme;
  }, [options.theme]);
  useEffect(() => store.getState().setDrawSetting(options.particles), [store, options.particles]);
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    let autoplay = options.autoplay;
    if (autoplay && prefersReducedMotion()) {
      autoplay = false;
      const notice = store.getState().notice ?? '';
      if (!notice.includes(REDUCED_MOTION_NOTICE)) {
        store.getState().setNotice(`${notice} ${REDUCED_MOTION_NOTICE}`.trim());
      }
    }
    const stops = [playWhenVisible(el, session, controller, store, autoplay)];
    if (options.loop) stops.push(loopAtEnd(controller, store));
    if (window.parent !== window) {
      const host = new EmbedHost({
        win: window,
        controller,
        store,
        origins: options.origins,
        parentOrigin: parentOrigin(),
        onIgnored: (ignored) => {
          el.dataset.ignoredMessages = String(ignored.origin + ignored.foreign + ignored.bad);
        },
      });
      stops.push(() => host.stop());
    }
    return () => stops.forEach((stop) => stop());
  }, [root, session, controller, store, options]);
}
