import { appLink } from '../../share/shareLinks.ts';
import { appBase, shareStateOf } from '../../share/shareState.ts';
import { useAppStore } from '../../store/useAppStore.ts';

/**
 * "Open in Cachescope": the full app on the embed's state (scenario and changes, time, speed, and the
 * node clicked on the stage), in a new tab. The address follows the clock to the tenth of a second.
 */
export function OpenInApp() {
  const href = useAppStore((s) =>
    appLink(appBase(), shareStateOf({ ...s, nowMs: Math.round(s.nowMs / 100) * 100 })),
  );
  return (
    <a
      className="open-full"
      href={href}
      target="_blank"
      rel="noopener"
      title="Opens the full app in a new tab"
    >
      Open in Cachescope<span aria-hidden="true"> ↗</span>
    </a>
  );
}
