// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DeleteAllData } from '../../../components/settings/DeleteAllData';
import { EngagementToggle } from '../../../components/EngagementToggle';
import { ExcludedSites } from '../../../components/settings/ExcludedSites';
import { NeverRecordSite } from '../../../components/popup/NeverRecordSite';
import { NumberSetting } from '../../../components/settings/NumberSetting';
import { PauseControls } from '../../../components/PauseControls';
import { RetentionSettings } from '../../../components/settings/RetentionSettings';
import { DEFAULT_EXCLUDED_SITES, PAUSED_UNTIL_RESUMED } from '../../../lib/settings/settings';

afterEach(cleanup);

describe('PauseControls', () => {
  it('pauses for an hour, until tomorrow or until resumed', () => {
    const onChange = vi.fn(async () => undefined);
    render(
      <PauseControls settings={{ pausedUntil: 0, trackingConsent: true }} onChange={onChange} />,
    );
    expect(screen.getByRole('status').textContent).toMatch(/recording/);
    const before = Date.now();
    fireEvent.click(screen.getByRole('button', { name: 'For 1 hour' }));
    const until = (onChange.mock.calls[0] as unknown as [{ pausedUntil: number }])[0].pausedUntil;
    expect(until - before).toBeGreaterThanOrEqual(3_600_000);
    expect(until - before).toBeLessThan(3_601_000);
    fireEvent.click(screen.getByRole('button', { name: 'Until tomorrow' }));
    const tomorrow = new Date(
      (onChange.mock.calls[1] as unknown as [{ pausedUntil: number }])[0].pausedUntil,
    );
    expect([tomorrow.getHours(), tomorrow.getMinutes()]).toEqual([0, 0]);
    fireEvent.click(screen.getByRole('button', { name: 'Until I resume' }));
    expect(onChange).toHaveBeenLastCalledWith({ pausedUntil: PAUSED_UNTIL_RESUMED });
    // The choices are one labelled group.
    expect(screen.getByRole('group', { name: 'Pause recording' })).toBeTruthy();
  });

  it('says how long it is paused and resumes', () => {
    const onChange = vi.fn(async () => undefined);
    render(
      <PauseControls
        settings={{ pausedUntil: PAUSED_UNTIL_RESUMED, trackingConsent: true }}
        onChange={onChange}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe('Paused until you resume.');
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    expect(onChange).toHaveBeenCalledWith({ pausedUntil: 0 });
  });

  it('shows nothing in the popup while recording, and the pause with Resume while paused', () => {
    const { container, rerender } = render(
      <PauseControls
        compact
        settings={{ pausedUntil: 0, trackingConsent: true }}
        onChange={vi.fn()}
      />,
    );
    expect(container.textContent).toBe('');
    rerender(
      <PauseControls
        compact
        settings={{ pausedUntil: Date.now() + 60_000, trackingConsent: true }}
        onChange={vi.fn()}
      />,
    );
    expect(screen.getByRole('status').textContent).toMatch(/^Paused until /);
    expect(screen.getByRole('button', { name: 'Resume' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'For 1 hour' })).toBeNull();
  });

  it('before the learner said yes, says nothing is recorded and leads to the welcome page', () => {
    const onChange = vi.fn(async () => undefined);
    for (const compact of [false, true]) {
      render(
        <PauseControls
          compact={compact}
          settings={{ pausedUntil: 0, trackingConsent: false }}
          onChange={onChange}
        />,
      );
      expect(screen.getByRole('status').textContent).toMatch(/records nothing/);
      const link = screen.getByRole('link', { name: 'Choose on the welcome page' });
      expect(link.getAttribute('href')).toBe(fakeBrowser.runtime.getURL('/welcome.html'));
      // The choice is made where it is explained, not by a button here.
      expect(screen.queryAllByRole('button')).toEqual([]);
      cleanup();
    }
    expect(onChange).not.toHaveBeenCalled();
  });
});

describe('ExcludedSites', () => {
  function setup(sites: string[] = [...DEFAULT_EXCLUDED_SITES]) {
    const onChange = vi.fn(async () => undefined);
    render(<ExcludedSites sites={sites} onChange={onChange} />);
    const input = screen.getByLabelText('Add a site') as HTMLInputElement;
    const add = (text: string) => {
      fireEvent.input(input, { target: { value: text } });
      fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    };
    return { onChange, input, add };
  }

  it('adds a valid site, cleaned, and says so', () => {
    const { onChange, add, input } = setup(['mail.google.com']);
    add('https://www.My-Bank.example/login');
    expect(onChange).toHaveBeenCalledWith(['mail.google.com', 'my-bank.example']);
    expect(input.value).toBe('');
    expect(screen.getByText('my-bank.example will never be recorded.')).toBeTruthy();
  });

  it('explains what is wrong with a site it cannot add', () => {
    const { onChange, add, input } = setup(['example.org']);
    add('not a site');
    expect(screen.getByRole('alert').textContent).toMatch(/does not look like a site/);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    add('docs.example.org');
    expect(screen.getByRole('alert').textContent).toMatch(/already on the list/);
    add('');
    expect(screen.getByRole('alert').textContent).toMatch(/Type a site name/);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('removes a site with a labelled button', () => {
    const { onChange } = setup(['mine.example', 'paypal.com']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove mine.example' }));
    expect(onChange).toHaveBeenCalledWith(['paypal.com']);
  });

  it('puts back removed defaults and keeps the learner’s own', () => {
    const { onChange } = setup(['mine.example', 'paypal.com']);
    fireEvent.click(screen.getByRole('button', { name: /Put back the default sites/ }));
    const sites = (onChange.mock.calls[0] as unknown as [string[]])[0];
    expect(sites).toEqual(expect.arrayContaining([...DEFAULT_EXCLUDED_SITES, 'mine.example']));
  });

  it('offers no restore while every default is there', () => {
    setup();
    expect(screen.queryByRole('button', { name: /Put back/ })).toBeNull();
  });
});

describe('DeleteAllData', () => {
  it('deletes only after the learner types the word shown, and reports done', async () => {
    const onDelete = vi.fn(async () => undefined);
    render(<DeleteAllData onDelete={onDelete} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete all my data…' }));
    const confirm = screen.getByRole('button', { name: 'Delete everything' }) as HTMLButtonElement;
    const input = screen.getByLabelText('To confirm, type DELETE');
    expect(document.activeElement).toBe(input);
    expect(confirm.disabled).toBe(true);
    fireEvent.input(input, { target: { value: 'DELET' } });
    expect(confirm.disabled).toBe(true);
    fireEvent.submit(confirm.closest('form')!);
    expect(onDelete).not.toHaveBeenCalled();
    fireEvent.input(input, { target: { value: ' delete ' } });
    expect(confirm.disabled).toBe(false);
    fireEvent.click(confirm);
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Done/));
    expect(onDelete).toHaveBeenCalledTimes(1);
  });

  it('says so when the deletion failed', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(<DeleteAllData onDelete={() => Promise.reject(new Error('x'))} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete all my data…' }));
    fireEvent.input(screen.getByLabelText('To confirm, type DELETE'), {
      target: { value: 'DELETE' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/went wrong/));
  });
});

describe('EngagementToggle', () => {
  function setup(granted: boolean) {
    const request = vi.fn(() => Promise.resolve(granted));
    Object.assign(fakeBrowser, { permissions: { request } });
    const onChange = vi.fn(async () => undefined);
    render(<EngagementToggle enabled={false} onChange={onChange} />);
    return {
      request,
      onChange,
      box: screen.getByLabelText('Deeper reading evidence') as HTMLInputElement,
    };
  }

  it('asks for host access within the click itself, then turns on', async () => {
    const { request, onChange, box } = setup(true);
    fireEvent.click(box);
    // Synchronously, before any await: browsers only grant during the user's gesture.
    expect(request).toHaveBeenCalledWith({ origins: ['http://*/*', 'https://*/*'] });
    await waitFor(() => expect(onChange).toHaveBeenCalledWith(true));
    expect(box.getAttribute('aria-describedby')).toBeTruthy();
  });

  it('stays off and says why when the browser refuses', async () => {
    const { onChange, box } = setup(false);
    fireEvent.click(box);
    await waitFor(() => expect(onChange).toHaveBeenCalledWith(false));
    expect(screen.getByText(/did not give access/)).toBeTruthy();
    expect(box.checked).toBe(false);
  });

  it('turns off without asking anything', () => {
    const request = vi.fn();
    Object.assign(fakeBrowser, { permissions: { request } });
    const onChange = vi.fn(async () => undefined);
    render(<EngagementToggle enabled onChange={onChange} />);
    fireEvent.click(screen.getByLabelText('Deeper reading evidence'));
    expect(request).not.toHaveBeenCalled();
    expect(onChange).toHaveBeenCalledWith(false);
  });
});

describe('NeverRecordSite', () => {
  it('asks first, deletes nothing unless asked, and confirms', async () => {
    const onConfirm = vi.fn(async () => undefined);
    const onDone = vi.fn();
    render(<NeverRecordSite site="shop.example" onConfirm={onConfirm} onDone={onDone} />);
    fireEvent.click(screen.getByRole('button', { name: 'Never record this site' }));
    const also = screen.getByLabelText(
      'Also delete what was already recorded from shop.example',
    ) as HTMLInputElement;
    expect(also.checked).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Never record shop.example' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'shop.example will never be recorded. What was already recorded stays.',
      ),
    );
    expect(onConfirm).toHaveBeenCalledWith(false);
    expect(onDone).toHaveBeenCalledWith(false);
  });

  it('also deletes when the learner ticks the box', async () => {
    const onConfirm = vi.fn(async () => undefined);
    render(<NeverRecordSite site="shop.example" onConfirm={onConfirm} />);
    fireEvent.click(screen.getByRole('button', { name: 'Never record this site' }));
    fireEvent.click(screen.getByLabelText(/Also delete/));
    fireEvent.click(screen.getByRole('button', { name: 'Never record shop.example' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/is deleted/));
    expect(onConfirm).toHaveBeenCalledWith(true);
  });

  it('can be cancelled', () => {
    const onConfirm = vi.fn();
    render(<NeverRecordSite site="shop.example" onConfirm={onConfirm} />);
    fireEvent.click(screen.getByRole('button', { name: 'Never record this site' }));
    // Keyboard focus follows the panel in and out.
    expect(document.activeElement).toBe(screen.getByLabelText(/Also delete/));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onConfirm).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Never record this site' }),
    );
  });
});

describe('NumberSetting and RetentionSettings', () => {
  it('saves a number in range and explains one out of range', () => {
    const onCommit = vi.fn(async () => undefined);
    render(
      <NumberSetting
        label="Away after"
        hint="hint"
        unit="seconds"
        value={60}
        min={15}
        max={3600}
        onCommit={onCommit}
      />,
    );
    const input = screen.getByLabelText('Away after');
    fireEvent.input(input, { target: { value: '5' } });
    fireEvent.change(input);
    expect(screen.getByRole('alert').textContent).toBe('Enter a whole number from 15 to 3,600.');
    expect(onCommit).not.toHaveBeenCalled();
    fireEvent.input(input, { target: { value: '90' } });
    fireEvent.change(input);
    expect(onCommit).toHaveBeenCalledWith(90);
    expect(screen.getByRole('alert').textContent).toBe('');
  });

  it('keeps everything or purges after a number of months', () => {
    const onChange = vi.fn(async () => undefined);
    const { rerender } = render(<RetentionSettings months={0} onChange={onChange} />);
    expect((screen.getByLabelText('Months to keep') as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(screen.getByLabelText(/Delete sessions older than/));
    expect(onChange).toHaveBeenLastCalledWith(12);
    rerender(<RetentionSettings months={12} onChange={onChange} />);
    const months = screen.getByLabelText('Months to keep');
    fireEvent.input(months, { target: { value: '6' } });
    fireEvent.change(months);
    expect(onChange).toHaveBeenLastCalledWith(6);
    fireEvent.input(months, { target: { value: '0' } });
    fireEvent.change(months);
    expect(screen.getByRole('alert').textContent).toMatch(/from 1 to 120/);
    fireEvent.click(screen.getByLabelText('Keep everything'));
    expect(onChange).toHaveBeenLastCalledWith(0);
  });
});
