import { useState } from 'react';
import { nodeLabel } from '../../labels/names.ts';
import { changeGroups } from '../../runtime/changeGroups.ts';
import { formatSpeed } from '../../runtime/speed.ts';
import type { LinkView } from '../../share/linkParams.ts';
import { appLink, embedLink, iframeSnippet, markdownLink } from '../../share/shareLinks.ts';
import { appBase, shareStateOf } from '../../share/shareState.ts';
import { useAppStoreApi } from '../../store/useAppStore.ts';
import { Dialog } from '../app/Dialog.tsx';
import { tabLabel } from '../app/tabs.ts';
import { formatDuration } from '../format.ts';
import { CopyField } from './CopyField.tsx';
import './share.css';

/**
 * What opening the link restores, in words.
 *
 * @example describeView({ tMs: 12300, speed: 2, tab: 'charts' }) // 'at 12.3 s, at 2x speed, on the Charts tab'
 */
export function describeView(view: LinkView, changes = 0): string {
  const parts = [`at ${formatDuration(view.tMs ?? 0)}`];
  if (changes > 0) parts.unshift(`with its ${changes} live change${changes === 1 ? '' : 's'}`);
  if (view.speed !== undefined && view.speed !== 1) parts.push(`at ${formatSpeed(view.speed)} speed`);
  if (view.tab !== undefined) parts.push(`on the ${tabLabel(view.tab)} tab`);
  if (view.node !== undefined) parts.push(`with ${nodeLabel(view.node)} selected`);
  if (view.key !== undefined) parts.push(`with key ${view.key} selected`);
  return parts.join(', ');
}

/**
 * The Share dialog: a link to this exact state, an iframe snippet for a documentation page and a
 * Markdown link, each with a Copy button. The links are made when the dialog opens (the moment shared).
 */
export function ShareDialog({ onClose }: { onClose: () => void }) {
  const store = useAppStoreApi();
  const [links] = useState(() => {
    const state = shareStateOf(store.getState());
    const base = appBase();
    const link = appLink(base, state);
    const title = state.scenario.title;
    return {
      link,
      iframe: iframeSnippet(embedLink(base, state), title),
      markdown: markdownLink(link, title),
      // Counted as the Configure tab lists them: one slider drag is one change, however many steps.
      what: describeView(state.view, changeGroups(state.scenario.changes).length),
      title,
      trace: state.scenario.workload.trace?.name ?? null,
    };
  });
  return (
    <Dialog labelledBy="share-title" onClose={onClose} className="share-dialog">
      <div className="dialog-head">
        <h2 id="share-title">Share</h2>
        <button type="button" className="btn" onClick={onClose} aria-label="Close Share">
          Close
        </button>
      </div>
      <p className="share-what">
        The link opens “{links.title}” {links.what}.
      </p>
      {links.trace !== null && (
        <p className="share-trace" role="note">
          The trace “{links.trace}” is not in these links: a trace never leaves this browser. Whoever opens
          them sees this scenario on its generated workload, with a note saying so, until they open the trace
          themselves.
        </p>
      )}
      <CopyField label="Link" copyLabel="Copy link" value={links.link} autoFocus />
      <CopyField label="Embed in a web page (iframe)" copyLabel="Copy iframe" value={links.iframe} rows={5} />
      <CopyField label="Markdown link" copyLabel="Copy Markdown" value={links.markdown} />
    </Dialog>
  );
}
