import { describe, expect, it } from 'vitest';
import { basicAuth, checkEndpoint } from '../../../lib/sync/lrs-endpoint';

describe('checkEndpoint', () => {
  it.each([
    ['https://lrs.example.org/xAPI/', 'https://lrs.example.org/xAPI'],
    ['  https://lrs.example.org/data/xAPI  ', 'https://lrs.example.org/data/xAPI'],
    ['http://localhost:8081/xAPI', 'http://localhost:8081/xAPI'],
    ['http://127.0.0.1:8081/xAPI', 'http://127.0.0.1:8081/xAPI'],
  ])('accepts %j as %j', (raw, url) => {
    expect(checkEndpoint(raw)).toMatchObject({ ok: true, url });
  });

  it.each([
    ['lrs.example.org', 'invalid-endpoint'],
    ['ftp://lrs.example.org/', 'invalid-endpoint'],
    ['https://key:secret@lrs.example.org/xAPI', 'invalid-endpoint'],
    ['https://lrs.example.org/xAPI?token=1', 'invalid-endpoint'],
    ['http://lrs.example.org/xAPI', 'insecure-endpoint'],
  ])('refuses %j (%s)', (raw, code) => {
    expect(checkEndpoint(raw)).toEqual({ ok: false, error: { code } });
  });
});

describe('basicAuth', () => {
  it('encodes key:secret as UTF-8 Basic credentials', () => {
    expect(basicAuth({ key: 'a', secret: 'b' })).toBe('Basic YTpi');
    expect(basicAuth({ key: 'ü', secret: '✓' })).toBe(
      `Basic ${Buffer.from('ü:✓').toString('base64')}`,
    );
  });
});
