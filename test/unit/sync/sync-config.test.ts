import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SYNC_SETTINGS,
  inScope,
  lrsConfig,
  normaliseSyncSettings,
  originPattern,
  syncSettingsChange,
} from '../../../lib/sync/sync-config';

describe('normaliseSyncSettings', () => {
  it('is off by default', () => {
    expect(normaliseSyncSettings(undefined)).toEqual(DEFAULT_SYNC_SETTINGS);
    expect(DEFAULT_SYNC_SETTINGS.enabled).toBe(false);
  });

  it('drops unknown keys and wrong types, trims all but the secret', () => {
    expect(
      normaliseSyncSettings({
        enabled: 'yes',
        endpoint: ' https://lrs.example.org/xAPI ',
        secret: ' s ',
        actorMode: 'telepathy',
        scope: 'all',
        extra: 1,
      }),
    ).toEqual({
      ...DEFAULT_SYNC_SETTINGS,
      endpoint: 'https://lrs.example.org/xAPI',
      secret: ' s ',
      scope: 'all',
    });
  });
});

describe('lrsConfig', () => {
  const on = {
    ...DEFAULT_SYNC_SETTINGS,
    enabled: true,
    endpoint: 'https://lrs.example.org/xAPI/',
    key: 'k',
    secret: 's',
  };
  it('is the endpoint and credentials when sync is on and the endpoint usable', () => {
    expect(lrsConfig(on)).toEqual({
      endpoint: 'https://lrs.example.org/xAPI',
      key: 'k',
      secret: 's',
    });
  });
  it.each([
    [{ enabled: false }],
    [{ endpoint: 'http://lrs.example.org/xAPI' }],
    [{ endpoint: 'not a url' }],
  ])('is undefined for %j', (patch) => {
    expect(lrsConfig({ ...on, ...patch })).toBeUndefined();
  });
});

describe('originPattern', () => {
  it('asks for the LRS site only, without a port (Firefox matches none with one)', () => {
    expect(originPattern('https://lrs.example.org:8443/data/xAPI')).toBe(
      'https://lrs.example.org/*',
    );
    expect(originPattern('http://127.0.0.1:8080/xAPI')).toBe('http://127.0.0.1/*');
    expect(originPattern('nope')).toBeUndefined();
  });
});

describe('syncSettingsChange', () => {
  const base = { ...DEFAULT_SYNC_SETTINGS, enabled: true, endpoint: 'https://a.example/xAPI' };
  it.each([
    [{ key: 'new' }, { reconnect: true, rebuild: false }],
    [{ endpoint: 'https://b.example/xAPI' }, { reconnect: true, rebuild: false }],
    [{ actorMode: 'email' as const }, { reconnect: false, rebuild: true }],
    [{ scope: 'all' as const }, { reconnect: false, rebuild: true }],
    [{ enabled: false }, { reconnect: false, rebuild: false }],
  ])('%j → %j', (patch, expected) => {
    expect(syncSettingsChange(base, { ...base, ...patch })).toEqual(expected);
  });
});

describe('inScope', () => {
  it.each([
    ['kept', 'kept', true],
    ['auto', 'kept', false],
    ['auto', 'all', true],
    ['dismissed', 'all', false],
  ] as const)('%s session with scope %s → %s', (status, scope, expected) => {
    expect(inScope(status, scope)).toBe(expected);
  });
});
