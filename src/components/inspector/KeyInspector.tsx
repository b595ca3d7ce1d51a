import { Fragment } from 'react';
import type { KeyView } from '../../engine/types.ts';
import { nodeLabel } from '../../labels/names.ts';
import { formatDuration } from '../format.ts';
import { divergenceSentence, keyLayers } from './keyDivergence.ts';
import { keyNotes } from './keyNotes.ts';
import type { LayerCell } from './keyDivergence.ts';
import './inspector.css';

export interface KeyInspectorProps {
  view: KeyView;
  nowMs: number;
}

const STATE_TEXT: Record<LayerCell['state'], string> = {
  truth: 'source of truth',
  fresh: 'up to date',
  stale: 'stale',
  expired: 'expired (not served)',
  absent: 'not cached',
};

function ttlText(cell: LayerCell, nowMs: number): string | null {
  if (cell.version === null || cell.state === 'truth') return null;
  if (cell.expiresAtMs === null) return 'no expiry';
  const left = cell.expiresAtMs - nowMs;
  return left > 0 ? `expires in ${formatDuration(left)}` : null;
}

/**
 * One key in every layer, side by side: the database, Redis and each instance's L1, with what the
 * mechanisms say of it (keyNotes.ts). Stale copies are marked in words and in the stale colour (colour
 * alone would fail colour-blind viewers).
 */
export function KeyInspector({ view, nowMs }: KeyInspectorProps) {
  const cells = keyLayers(view, nowMs);
  const sentence = divergenceSentence(view, cells);
  const diverged = cells.some((c) => c.state === 'stale');
  // What the mechanisms add to the key's view, in words (their folders' inspect.ts).
  const notes = keyNotes(view);
  return (
    <section className="insp key-insp" aria-label={`Key ${view.name}`}>
      <h3 className="insp-title">
        {view.name}{' '}
        <span className="insp-sub">
          slot {view.slot}, {nodeLabel(`redis-${view.shard}`)}
        </span>
      </h3>
      <p className={diverged ? 'key-sentence key-diverged' : 'key-sentence'}>{sentence}</p>
      {notes
        .filter((n) => n.place === 'above')
        .map((n) => (
          <p key={n.text} className={n.diverged ? 'key-sentence key-diverged' : 'key-sentence'}>
            {n.text}
          </p>
        ))}
      <ul className="key-layers">
        {cells.map((cell) => {
          const ttl = ttlText(cell, nowMs);
          return (
            <li key={cell.title} className={`key-layer key-${cell.state}`} data-state={cell.state}>
              <span className="key-layer-title">{cell.title}</span>
              <span className="key-version">{cell.version === null ? '—' : `v${cell.version}`}</span>
              <span className="key-state">{STATE_TEXT[cell.state]}</span>
              {ttl && <span className="key-ttl">{ttl}</span>}
            </li>
          );
        })}
      </ul>
      {notes
        .filter((n) => n.place === 'below')
        .map((n) => (
          <Fragment key={n.text}>
            <h4 className="insp-sub">{n.text}</h4>
            <ul className={n.listClass}>
              {n.items?.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          </Fragment>
        ))}
    </section>
  );
}
