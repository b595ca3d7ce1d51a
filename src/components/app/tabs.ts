import type { PanelId } from '../../store/selectionSlice.ts';

/** The sidebar's tabs and their names, in order (Share's description of a link names them too). */
export const TABS: readonly { id: PanelId; label: string }[] = [
  { id: 'about', label: 'About' },
  { id: 'config', label: 'Configure' },
  { id: 'charts', label: 'Charts' },
  { id: 'inspect', label: 'Inspect' },
  { id: 'sweep', label: 'Sweep' },
];

export const tabLabel = (id: PanelId): string => TABS.find((t) => t.id === id)?.label ?? 'About';
