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
