import type { CoverageTotals } from '../api/types';

/** Communes with at least a preparatory committee. */
export function coveredCount(totals: CoverageTotals): number {
  return totals.constituted + totals.preparatory;
}

export interface ShareStep {
  /** Lowest share of the step, inclusive. */
  from: number;
  color: string;
}

// Steps of the share of communes covered, for maps of regions and provinces. Zero has its own grey so that a
// territory with nothing at all stands out from one that has started.
export const SHARE_STEPS: readonly ShareStep[] = [
  { from: 0, color: '#e9ecef' },
  { from: Number.MIN_VALUE, color: '#d3f9d8' },
  { from: 0.25, color: '#8ce99a' },
  { from: 0.5, color: '#40c057' },
  { from: 0.75, color: '#2b8a3e' },
];

export function shareColor(share: number): string {
  let color = SHARE_STEPS[0]!.color;
  for (const step of SHARE_STEPS) if (share >= step.from) color = step.color;
  return color;
}

/** Legend labels of the steps: "0 %", "1–24 %", "25–49 %", "50–74 %", "75–100 %". */
export function shareStepRanges(): { color: string; from: number; to: number }[] {
  return SHARE_STEPS.map((step, index) => {
    const next = SHARE_STEPS[index + 1];
    const from = step.from === Number.MIN_VALUE ? 1 : Math.round(step.from * 100);
    const to = index === 0 ? 0 : next ? Math.round(next.from * 100) - 1 : 100;
    return { color: step.color, from, to };
  });
}
