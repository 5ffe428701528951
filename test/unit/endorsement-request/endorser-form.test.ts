import { describe, expect, it } from 'vitest';
import { FIELD_LIMITS, readEndorserForm } from '../../../lib/endorsement-request/endorser-form';
import { endorsementFilename, requestPageFilename } from '../../../lib/endorsement-request/files';

const blank = { name: '', role: '', email: '', howKnown: '', comment: '' };

describe('the endorser’s form', () => {
  it('needs a name and a comment, and says which is missing, in field order', () => {
    expect(readEndorserForm(blank)).toEqual({
      ok: false,
      problems: [
        { field: 'name', problem: 'missingName' },
        { field: 'comment', problem: 'missingComment' },
      ],
    });
    expect(readEndorserForm({ ...blank, name: '   ', comment: 'Solid.' })).toEqual({
      ok: false,
      problems: [{ field: 'name', problem: 'missingName' }],
    });
  });

  it('takes an email only when it looks like one, and none at all', () => {
    const base = { ...blank, name: 'Grace', comment: 'Solid.' };
    for (const email of ['grace@', 'grace', '@example.org', 'grace@example', 'gr ace@example.org'])
      expect(readEndorserForm({ ...base, email })).toMatchObject({
        ok: false,
        problems: [{ field: 'email', problem: 'badEmail' }],
      });
    expect(readEndorserForm({ ...base, email: ' grace@example.org ' })).toMatchObject({
      ok: true,
      endorser: { email: 'grace@example.org' },
    });
    const none = readEndorserForm(base);
    expect(none.ok && 'email' in none.endorser).toBe(false);
  });

  it('describes the endorser by role and how they know the work, in their words, trimmed', () => {
    expect(
      readEndorserForm({
        name: ' Grace Mentor ',
        role: 'Tech lead, Example Ltd ',
        email: '',
        howKnown: ' Reviewed her pull requests.',
        comment: ' **Clean** grid work. ',
      }),
    ).toEqual({
      ok: true,
      endorser: {
        name: 'Grace Mentor',
        description: 'Tech lead, Example Ltd\n\nReviewed her pull requests.',
      },
      comment: '**Clean** grid work.',
    });
    expect(readEndorserForm({ ...blank, name: 'G', howKnown: 'Mentor', comment: 'c' })).toEqual({
      ok: true,
      endorser: { name: 'G', description: 'Mentor' },
      comment: 'c',
    });
  });

  it('refuses a field longer than it takes rather than cutting the endorser’s words', () => {
    const long = 'x'.repeat(FIELD_LIMITS.name + 1);
    expect(readEndorserForm({ ...blank, name: long, comment: 'c' })).toEqual({
      ok: false,
      problems: [{ field: 'name', problem: 'tooLong' }],
    });
    // Role and "how you know" together still fit the Profile's description.
    expect(FIELD_LIMITS.role + FIELD_LIMITS.howKnown + 2).toBeLessThanOrEqual(10_000);
  });
});

describe('file names', () => {
  it('names the request and the endorsement by the skill, safely', () => {
    expect(requestPageFilename('CSS grid')).toBe('skilltrail-endorsement-request-css-grid.html');
    expect(endorsementFilename('CSS grid')).toBe('skilltrail-endorsement-css-grid.json');
    expect(requestPageFilename('../../etc/passwd <b>')).toBe(
      'skilltrail-endorsement-request-etc-passwd-b.html',
    );
    // A name with no ASCII letters still makes a file name.
    expect(endorsementFilename('前端开发')).toBe('skilltrail-endorsement.json');
  });
});
