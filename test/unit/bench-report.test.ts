// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { judge, pairedRatio } from '../../bench/report';

describe('a paired benchmark’s ratio', () => {
  it('is the median of the pairs’ own ratios, not a ratio of two medians', () => {
    // Each page 2 ms slower with the extension; the medians of each side are different pages.
    const pairs = [
      [12, 10],
      [102, 100],
      [152, 150],
      [170, 168],
      [402, 400],
    ] as const;
    expect(pairedRatio(pairs)).toBeCloseTo(152 / 150);
    const judged = judge({
      name: 'load time',
      value: 152,
      unit: 'ms',
      floor: { name: 'without', value: 150 },
      pairs,
      limit: 1.1,
    });
    expect(judged).toMatchObject({ pass: true, ratioOf: 'median of 5 paired ratios' });
    expect(judged.ratio).toBeCloseTo(152 / 150);
    // Pages whose medians fall on different pages: 1.5 × by medians, about 1.01 × paired.
    const skewed = [
      [100, 99],
      [150, 149],
      [151, 100],
    ] as const;
    expect(pairedRatio(skewed)).toBeCloseTo(100 / 99);
  });

  it('is the ratio of value and floor when the runs are not paired', () => {
    const judged = judge({
      name: 'x',
      value: 3,
      unit: 's',
      floor: { name: 'y', value: 2 },
      limit: 1,
    });
    expect(judged).toMatchObject({ ratio: 1.5, pass: false });
    expect(judged).not.toHaveProperty('ratioOf');
  });
});
