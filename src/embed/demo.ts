/**
 * The demo documentation page (embed-demo.html): wires its buttons to the two embeds through the
 * client a documentation page would use, and shows what the embeds answer.
 */
import { CachescopeEmbed } from './client.ts';
import type { EmbedCommand, EmbedEvent } from './protocol.ts';
import './demo.css';

/** Most events a log keeps (the newest first). */
const LOG_LENGTH = 8;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function describeEvent(e: EmbedEvent): string {
  switch (e.type) {
    case 'ready':
      return `ready: “${e.title}”, ${seconds(e.durationMs)} long`;
    case 'state':
      return `state: ${seconds(e.tMs)}, ${e.playing ? 'playing' : 'paused'}, ${e.speed}x`;
    case 'summary': {
      const s = e.summary;
      const ratio = `${Math.round(s.l2.hitRatio * 100)} %`;
      return `summary: ${s.requests} requests, L2 hit ratio ${ratio}, ${s.db.reads} database reads, p99 ${s.latencyMs.p99.toFixed(1)} ms`;
    }
    case 'loaded':
      return `loaded: “${e.title}”, ${seconds(e.durationMs)} long`;
    case 'changed':
      return `changed: ${e.path} = ${JSON.stringify(e.value)}`;
    case 'error':
      return `error: ${e.message}`;
  }
}

function wire(name: string): void {
  const frame = document.getElementById(`embed-${name}`) as HTMLIFrameElement | null;
  const state = document.getElementById(`state-${name}`);
  const log = document.getElementById(`log-${name}`);
  if (!frame || !state || !log) return;
  const sim = new CachescopeEmbed(frame, location.origin);
  const add = (e: EmbedEvent) => {
    const item = document.createElement('li');
    item.className = `event-${e.type}`;
    item.textContent = describeEvent(e);
    log.prepend(item);
    while (log.children.length > LOG_LENGTH) log.lastElementChild?.remove();
  };
  // State comes up to four times a second while playing: one line, replaced, not a log entry each.
  const showState = (e: EmbedEvent) => (state.textContent = describeEvent(e));
  sim.on('ready', (e) => {
    add(e);
    showState({ ...e, type: 'state' });
  });
  sim.on('state', showState);
  sim.on('summary', add);
  sim.on('error', add);
  for (const button of document.querySelectorAll<HTMLButtonElement>(`button[data-embed="${name}"]`)) {
    button.addEventListener('click', () => {
      if (button.dataset.summary !== undefined) void sim.getSummary();
      else if (button.dataset.send) sim.send(JSON.parse(button.dataset.send) as EmbedCommand);
    });
  }
}

wire('stampede');
wire('ttl');
