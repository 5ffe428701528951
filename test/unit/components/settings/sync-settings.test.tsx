// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  errorNotice,
  permissionRefused,
  requestLrsPermission,
  SyncSettingsView,
  type SyncSettingsViewProps,
} from '@/components/settings/SyncSettings';
import { DEFAULT_SYNC_SETTINGS } from '@/lib/sync/sync-config';

afterEach(cleanup);

function setup(patch: Partial<SyncSettingsViewProps> = {}) {
  const props: SyncSettingsViewProps = {
    settings: { ...DEFAULT_SYNC_SETTINGS, endpoint: 'https://lrs.example.org/xAPI', enabled: true },
    status: { pending: 3, sent: 1234, failed: 1 },
    busy: null,
    notice: null,
    onSave: vi.fn(),
    onTest: vi.fn(),
    onSyncNow: vi.fn(),
    onRetryFailed: vi.fn(),
    ...patch,
  };
  render(<SyncSettingsView {...props} />);
  return props;
}

describe('SyncSettingsView', () => {
  it('labels every input and hides the secret', () => {
    setup();
    expect(screen.getByLabelText('LRS endpoint (xAPI address)')).toBeTruthy();
    expect(screen.getByLabelText('Key')).toBeTruthy();
    expect(screen.getByLabelText('Secret').getAttribute('type')).toBe('password');
    expect(screen.getByLabelText('An anonymous id for this browser')).toBeTruthy();
    expect(screen.getByLabelText('My email address')).toBeTruthy();
    expect(screen.getByLabelText('Name (optional)')).toBeTruthy();
    expect(screen.getByLabelText('Send my sessions to this LRS')).toBeTruthy();
    for (const input of document.querySelectorAll('input')) {
      expect(document.querySelector(`label[for="${input.id}"]`), input.outerHTML).toBeTruthy();
    }
    expect(screen.getByText(/A Learning Record Store \(LRS\) is the server/)).toBeTruthy();
  });

  it('saves what was typed, including the email choice', () => {
    const props = setup();
    fireEvent.input(screen.getByLabelText('Key'), { target: { value: 'ada-key' } });
    fireEvent.input(screen.getByLabelText('Secret'), { target: { value: 'pa ss' } });
    fireEvent.click(screen.getByLabelText('My email address'));
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'ada@example.org' } });
    fireEvent.submit(screen.getByRole('button', { name: 'Save' }).closest('form')!);
    expect(props.onSave).toHaveBeenCalledWith(
      expect.objectContaining({
        key: 'ada-key',
        secret: 'pa ss',
        actorMode: 'email',
        actorEmail: 'ada@example.org',
      }),
    );
  });

  it('tests the connection and syncs on request', () => {
    const props = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(props.onTest).toHaveBeenCalledWith(
      expect.objectContaining({ endpoint: 'https://lrs.example.org/xAPI' }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    expect(props.onSyncNow).toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Try refused statements again' }));
    expect(props.onRetryFailed).toHaveBeenCalled();
  });

  it('shows the counts, the last error in plain words with the LRS message, and the pause', () => {
    setup({
      status: {
        pending: 3,
        sent: 1234,
        failed: 0,
        paused: { code: 'auth', status: 401 },
        lastError: {
          code: 'auth',
          status: 401,
          detail: 'Unauthorised',
          at: Date.UTC(2026, 5, 8, 9),
        },
      },
    });
    const counts = [...document.querySelectorAll('dd')].map((d) => d.textContent);
    expect(counts).toEqual(['3', '1,234', '0']);
    expect(screen.getByText(/did not accept the key and secret/)).toBeTruthy();
    expect(screen.getByText(/Unauthorised/)).toBeTruthy();
    expect(screen.getByText(/paused until you fix this/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Try refused statements again' })).toBeNull();
  });

  it('announces results in a live region', () => {
    setup({
      notice: {
        kind: 'ok',
        text: 'Connected. The LRS speaks xAPI 1.0.3 and accepts the key and secret.',
      },
    });
    expect(screen.getByRole('status').textContent).toContain('xAPI 1.0.3');
  });

  it('says when sessions are sent, and that totals-only privacy sends none', () => {
    setup({ privacy: 'totals' });
    expect(screen.getByText(/half an hour after it ends/)).toBeTruthy();
    expect(screen.getByText(/no session is sent to the LRS/)).toBeTruthy();
    cleanup();
    setup({ privacy: 'full' });
    expect(screen.queryByText(/no session is sent to the LRS/)).toBeNull();
  });

  it('cannot sync before sync is turned on', () => {
    setup({ settings: { ...DEFAULT_SYNC_SETTINGS, endpoint: 'https://lrs.example.org/xAPI' } });
    expect((screen.getByRole('button', { name: 'Sync now' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });
});

describe('requestLrsPermission', () => {
  const firefoxManifest = {
    manifest_version: 3,
    name: 'Skilltrail',
    version: '0.1.0',
    browser_specific_settings: {
      gecko: {
        data_collection_permissions: {
          required: ['none'],
          optional: ['browsingActivity', 'searchTerms'],
        },
      },
    },
  };

  function stub(manifest: object, answer = true) {
    const request = vi.fn(async (_asked: unknown) => answer);
    Object.assign(fakeBrowser, { permissions: { request } });
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue(manifest as never);
    return request;
  }

  afterEach(() => vi.restoreAllMocks());

  it('asks for the LRS site only, and for nothing on an unusable endpoint', async () => {
    const request = stub({ manifest_version: 3, name: 'Skilltrail', version: '0.1.0' });
    expect(await requestLrsPermission('https://lrs.example.org:8443/data/xAPI', true)).toBe(true);
    // Chromium has no data collection permissions: the same request it always made.
    expect(request).toHaveBeenCalledWith({ origins: ['https://lrs.example.org/*'] });
    expect(await requestLrsPermission('http://lrs.example.org/xAPI', true)).toBe(false);
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('in Firefox, asks in the same prompt to send browsing activity and search terms', async () => {
    const request = stub(firefoxManifest);
    expect(await requestLrsPermission('https://lrs.example.org/xAPI', true)).toBe(true);
    expect(request).toHaveBeenCalledWith({
      origins: ['https://lrs.example.org/*'],
      data_collection: ['browsingActivity', 'searchTerms'],
    });
    // Testing the connection sends none of the learner's data: the site alone.
    await requestLrsPermission('https://lrs.example.org/xAPI', false);
    expect(request).toHaveBeenLastCalledWith({ origins: ['https://lrs.example.org/*'] });
  });

  it('resolves false on a refusal, and says why it is not connected', async () => {
    stub(firefoxManifest, false);
    expect(await requestLrsPermission('https://lrs.example.org/xAPI', true)).toBe(false);
    expect(permissionRefused('https://lrs.example.org/xAPI', true).text).toMatch(
      /^Not connected: .*browsing activity and search terms/,
    );
    expect(permissionRefused('https://lrs.example.org/xAPI', false).text).toBe(
      "Skilltrail needs your permission to contact the LRS's site. Save or test again and allow it.",
    );
  });

  it('resolves false when the browser throws (a request outside a click)', async () => {
    const request = stub(firefoxManifest);
    request.mockRejectedValueOnce(
      new Error('permissions.request may only be called from a user input handler'),
    );
    expect(await requestLrsPermission('https://lrs.example.org/xAPI', true)).toBe(false);
  });
});

describe('errorNotice', () => {
  it('says where a refused redirect pointed, and that nothing went there', () => {
    expect(
      errorNotice({ code: 'redirect', status: 302, detail: 'https://other.example/statements' }),
    ).toEqual({
      kind: 'error',
      text: 'The LRS answered with a redirect to https://other.example/statements; check the endpoint. Nothing was sent there.',
    });
    expect(errorNotice({ code: 'redirect' }).text).toContain('redirect; check the endpoint');
  });
});
