/** The sidebar's tabs, in order (links name them with `tab=`). */
export const PANEL_IDS = ['about', 'config', 'charts', 'inspect', 'sweep'] as const;
