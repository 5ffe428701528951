import { describe, expect, it } from 'vitest';
import { statedAsked } from '../../../lib/followup/asked-about';
import type { Session } from '../../../lib/model';

type S = Pick<Session, 'id' | 'kind' | 'learningKind' | 'title'>;

describe('statedAsked', () => {
  it('keeps the stated activities a follow-up asked about, in its order', () => {
    const sessions = new Map<string, S>([
      ['read', { id: 'read', kind: 'reading', title: 'A page' }],
      ['shift', { id: 'shift', kind: 'away', learningKind: 'volunteering', title: 'Stock sheet' }],
      ['coach', { id: 'coach', kind: 'away', learningKind: 'mentoring', title: 'Test a circuit' }],
    ]);
    expect(statedAsked(['coach', 'read', 'gone', 'shift'], sessions).map((s) => s.id)).toEqual([
      'coach',
      'shift',
    ]);
    expect(statedAsked(['read'], sessions)).toEqual([]);
  });
});
