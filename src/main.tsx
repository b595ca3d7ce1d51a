import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { needsPresets, needsSchema, resolveInitial } from './runtime/initialScenario.ts';
import { loadSchemaKit, type SchemaKit } from './scenario/loadSchemaKit.ts';
import { loadPresets, type PresetBook } from './scenario/presets/load.ts';
import { loadLessonKit, type LessonKit } from './lessons/loadKit.ts';
import './styles/theme.css';
import './styles/app.css';
import './styles/stage.css';
import './styles/controls.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const join = new URLSearchParams(location.search).get('join');
if (join !== null) {
  // A participant's phone in a workshop room: the room's page, from a chunk of its own.
  import('./components/room/participant/mountParticipant.tsx')
    .then((m) => m.mountParticipant(root, join))
    .catch(() => (root.textContent = 'The room page could not load: check the Wi-Fi and reload.'));
} else {
  // A lesson link needs the lesson kit to open its step; any other page starts without it.
  const kit: Promise<LessonKit | undefined> = new URLSearchParams(location.search).has('lesson')
    ? loadLessonKit().catch(() => undefined)
    : Promise.resolve(undefined);
  // The presets (scenarios and texts) are fetched first only for a link that names one; `/` plays the
  // default scenario without them, and they load when the picker first asks for one.
  const presets: Promise<PresetBook | null | undefined> = needsPresets(location.search)
    ? loadPresets().catch(() => null)
    : Promise.resolve(undefined);
  // The schema's kit (zod, the link codec) is fetched first only for a link that carries a scenario;
  // `/` plays the default scenario, written out, without it (issue 21).
  const schema: Promise<SchemaKit | undefined> = needsSchema(location.hash)
    ? loadSchemaKit().catch(() => undefined)
    : Promise.resolve(undefined);
  // The first render as a transition: React renders in slices that yield to the browser, so a page of
  // several embeds starting as they scroll into view keeps no task over 50 ms (issue 21).
  void Promise.all([kit, presets, schema]).then(([k, p, sk]) =>
    startTransition(() =>
      createRoot(root).render(
        <StrictMode>
          <App
            initial={resolveInitial(location.search, location.hash, {
              origin: location.origin,
              kit: k,
              schema: sk,
              ...(p === undefined ? {} : { presets: p }),
            })}
          />
        </StrictMode>,
      ),
    ),
  );
}
