/**
 * The labels of the alerts mechanism's run figures (its figures.ts), by figure id: its part of the
 * label map every screen and the CLI use (src/labels/figures.ts).
 */
export const alertsLabels = {
  alerts: 'Alerts',
} as const;
