import { describe, expect, it } from 'vitest';
import { basicAuth } from '../../../lib/sync/lrs-endpoint';
import { redact } from '../../../lib/sync/lrs-redact';

const config = { key: 'ada-key', secret: 's3cr3t-pass' };

describe('redact', () => {
  it('blanks the key, the secret and the token', () => {
    const token = basicAuth(config).slice(6);
    expect(redact(`bad ${config.key} ${config.secret} ${token}`, config)).toBe('bad *** *** ***');
  });
});

describe('redact, a secret echoed as a form or with escapes in lower case', () => {
  const spaced = { key: 'ada key', secret: 'p/ss wörd+?' };

  it('blanks a secret percent-encoded with lower-case escapes', () => {
    const lower = encodeURIComponent(spaced.secret).replace(/%[0-9A-F]{2}/g, (e) =>
      e.toLowerCase(),
    );
    expect(lower).not.toBe(encodeURIComponent(spaced.secret));
    expect(redact(`echo secret=${lower}`, spaced)).toBe('echo secret=***');
  });

  it('blanks a secret form-encoded, with + for spaces', () => {
    const form = new URLSearchParams({ key: spaced.key, secret: spaced.secret }).toString();
    expect(form).toContain('+');
    expect(redact(`echo ${form}`, spaced)).toBe('echo key=***&secret=***');
    const lowerForm = form.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase());
    expect(redact(`echo ${lowerForm}`, spaced)).toBe('echo key=***&secret=***');
  });
});
