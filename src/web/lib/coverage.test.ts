import { describe, expect, it } from 'vitest';
import { coveredCount, shareColor, shareStepRanges, SHARE_STEPS } from './coverage';

describe('shareColor', () => {
  it('keeps a grey of its own for a territory with nothing', () => {
    expect(shareColor(0)).toBe(SHARE_STEPS[0]!.color);
    expect(shareColor(0.01)).toBe(SHARE_STEPS[1]!.color);
  });

  it('places step boundaries in the higher step', () => {
    expect(shareColor(0.25)).toBe(SHARE_STEPS[2]!.color);
    expect(shareColor(0.74)).toBe(SHARE_STEPS[3]!.color);
    expect(shareColor(1)).toBe(SHARE_STEPS[4]!.color);
  });
});

describe('shareStepRanges', () => {
  it('covers 0 to 100 without gaps', () => {
    expect(shareStepRanges().map(({ from, to }) => [from, to])).toEqual([
      [0, 0],
      [1, 24],
      [25, 49],
      [50, 74],
      [75, 100],
    ]);
  });
});

describe('coveredCount', () => {
  it('counts constituted and preparatory communes', () => {
    expect(coveredCount({ communes: 23, constituted: 1, preparatory: 2, none: 20, coveredShare: 3 / 23, members: 0, women: 0, youth: 0 })).toBe(3);
  });
});
