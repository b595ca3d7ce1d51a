/**
 * The labels of the families mechanism's run figures (its figures.ts), by figure id: its part of the
 * label map every screen and the CLI use (src/labels/figures.ts).
 */
export const familiesLabels = {
  familyRow: 'per-family hit ratios',
  oversold: 'items oversold',
  wrongPrices: 'wrong prices charged',
  revokedAllowed: 'revoked users allowed',
  wrongBalances: 'wrong balances shown',
} as const;
