// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExportPanel } from '@/components/week/ExportPanel';
import { ImportBackup } from '@/components/week/ImportBackup';
import { ReviewSession, type ReviewSessionProps } from '@/components/week/ReviewSession';
import { DayChart, SkillChart } from '@/components/week/WeekChart';
import type { ImportBackupResult } from '@/lib/export/backup';
import { prepareExport, type PrivacyLevel } from '@/lib/export/privacy';
import { summarise } from '@/lib/week/summary';
import { reviewOrder } from '@/lib/week/review';
import { HOSTILE_TITLE, uid, weekFixture } from '../../../fixtures/week';

afterEach(cleanup);

const fx = weekFixture();
const options = { start: fx.week.start, end: fx.week.end, timeZone: fx.timeZone, weekStart: 1 };
const file = { filename: 'skilltrail-2026-W48.md', mimeType: 'text/markdown', content: '# x' };

function panel(
  level: PrivacyLevel,
  exporters = {},
  backup: (
    passphrase?: string,
  ) => Promise<{ filename: string; mimeType: string; parts: string[] }> = async () => ({
    ...file,
    parts: [file.content],
  }),
) {
  const shared = prepareExport(fx.data, { ...options, level });
  return render(
    <ExportPanel
      level={level}
      onLevelChange={() => {}}
      shared={shared}
      locale="en"
      exporters={exporters}
      report={() => file}
      backup={backup}
    />,
  );
}

describe('ExportPanel', () => {
  it('previews addresses and notes only at the full level', () => {
    panel('full');
    const preview = screen.getByRole('table', { name: 'Preview of what will be shared' });
    expect(within(preview).getByRole('columnheader', { name: 'Address' })).toBeTruthy();
    expect(preview.textContent).toContain('Grid areas name regions');
    cleanup();

    panel('titles');
    const titles = screen.getByRole('table', { name: 'Preview of what will be shared' });
    expect(within(titles).queryByRole('columnheader', { name: 'Address' })).toBeNull();
    expect(titles.textContent).not.toContain('Grid areas name regions');
    expect(titles.textContent).not.toContain('css grid vs flexbox');
    // The dismissed session is never shared.
    expect(titles.textContent).not.toContain('Football results');
  });

  it('previews totals only as skills and numbers', () => {
    panel('totals');
    const preview = screen.getByRole('table', { name: 'Preview of what will be shared' });
    expect(
      within(preview)
        .getAllByRole('rowheader')
        .map((c) => c.textContent),
    ).toEqual(['Front-end development', 'CSS', 'Web cryptography']);
    expect(document.body.textContent).not.toContain('MDN');
  });

  it('labels the buttons as the learner expects and saves through a link without the downloads API', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    panel('full', { markdown: async () => [file], csv: async () => [file] });
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Export Markdown',
      'Export CSV',
      'Print report',
      'Export JSON backup',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Export Markdown' }));
    await waitFor(() =>
      expect(screen.getAllByRole('status')[0]?.textContent).toContain(file.filename),
    );
    expect(click).toHaveBeenCalledOnce();
  });

  it('saves the backup with the signing key only under a passphrase typed twice, 12 characters or more', async () => {
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const backup = vi.fn(async () => ({ ...file, parts: [file.content] }));
    panel('full', {}, backup);
    const save = screen.getByRole('button', { name: 'Export JSON backup' });
    const key = screen.getByLabelText('Passphrase for your signing key (optional)');
    const again = screen.getByLabelText('The same passphrase again');
    const status = () => screen.getAllByRole('status')[0]?.textContent ?? '';
    fireEvent.input(key, { target: { value: 'too short' } });
    fireEvent.click(save);
    await waitFor(() => expect(status()).toBe('A passphrase needs at least 12 characters.'));
    fireEvent.input(key, { target: { value: 'correct horse battery staple' } });
    fireEvent.input(again, { target: { value: 'correct horse battery stapler' } });
    fireEvent.click(save);
    await waitFor(() => expect(status()).toBe('The two passphrases differ.'));
    expect(backup).not.toHaveBeenCalled();
    fireEvent.input(again, { target: { value: 'correct horse battery staple' } });
    fireEvent.click(save);
    await waitFor(() => expect(backup).toHaveBeenCalledWith('correct horse battery staple'));
    // Without one, the backup carries no key.
    fireEvent.input(key, { target: { value: '' } });
    fireEvent.input(again, { target: { value: '' } });
    fireEvent.click(save);
    await waitFor(() => expect(backup).toHaveBeenLastCalledWith(undefined));
  });
});

describe('ImportBackup', () => {
  const choose = (content: string) => {
    const input = screen.getByLabelText('Import backup') as HTMLInputElement;
    const f = new File([content], 'backup.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [f], configurable: true });
    fireEvent.change(input);
  };

  it('reports what a backup added', async () => {
    const onImport = vi.fn(async () => ({
      ok: true as const,
      added: {
        skills: 2,
        sessions: 5,
        visits: 3,
        searches: 2,
        captures: 1,
        followUps: 1,
        endorsements: 0,
      },
      skipped: {
        skills: 1,
        sessions: 0,
        visits: 0,
        searches: 0,
        captures: 0,
        followUps: 0,
        endorsements: 0,
      },
    }));
    render(<ImportBackup locale="en" onImport={onImport} />);
    choose('{}');
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Restored 5/));
    // No passphrase typed: the restore is asked to open no key.
    expect(onImport).toHaveBeenCalledWith('{}', expect.any(Function), '');
    expect(screen.getByRole('status').textContent).toContain('1 records were already here');
    expect(screen.getByRole('status').textContent).toContain('1 follow-ups, 0 endorsements');
    cleanup();
    // A passphrase typed before choosing the file goes with it, to open the key it carries.
    render(<ImportBackup locale="en" onImport={onImport} />);
    fireEvent.input(
      screen.getByLabelText('Passphrase of the key in the backup (only if you chose one)'),
      {
        target: { value: 'correct horse battery staple' },
      },
    );
    choose('{}');
    await waitFor(() =>
      expect(onImport).toHaveBeenLastCalledWith(
        '{}',
        expect.any(Function),
        'correct horse battery staple',
      ),
    );
  });

  const NONE = {
    skills: 0,
    sessions: 0,
    visits: 0,
    searches: 0,
    captures: 0,
    followUps: 0,
    endorsements: 0,
  };

  it('shows how far a long restore is, and keeps the chooser off meanwhile', async () => {
    let report: ((p: { done: number; total: number }) => void) | undefined;
    let finish: (() => void) | undefined;
    const onImport = vi.fn(
      (_text: string, onProgress: (p: { done: number; total: number }) => void) =>
        new Promise<ImportBackupResult>((resolve) => {
          report = onProgress;
          finish = () =>
            resolve({
              ok: true,
              added: { ...NONE, sessions: 10_000 },
              skipped: NONE,
            });
        }),
    );
    render(<ImportBackup locale="en" onImport={onImport} />);
    choose('{}');
    await waitFor(() => expect(report).toBeDefined());
    await act(() => report!({ done: 5000, total: 10_000 }));
    expect(screen.getByRole('status').textContent).toBe('Restoring your records…');
    const bar = screen.getByRole('progressbar') as HTMLProgressElement;
    expect([bar.value, bar.max]).toEqual([5000, 10_000]);
    expect(bar.parentElement!.textContent).toContain('5,000 of 10,000 records');
    expect((screen.getByLabelText('Import backup') as HTMLInputElement).disabled).toBe(true);
    await act(() => finish!());
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toMatch(/^Restored 10,000 sessions/),
    );
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('says a damaged file changed nothing', async () => {
    const onImport = vi.fn(async () => ({
      ok: false as const,
      key: 'not-json' as const,
      message: 'x',
      detail: 'Unexpected end of JSON input',
    }));
    render(<ImportBackup locale="en" onImport={onImport} />);
    choose('{"format": "skil');
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toContain('Nothing was changed.'),
    );
    expect(screen.getByRole('status').textContent).toContain('Unexpected end of JSON input');
  });
});

describe('charts', () => {
  const summary = summarise(fx.data, options);

  it('summarise by skill in a label and a table', () => {
    render(<SkillChart summary={summary} locale="en" />);
    expect(screen.getByRole('img').getAttribute('aria-label')).toMatch(
      /^Active time by skill: Front-end development 30 min, CSS 16 min/,
    );
    expect(
      within(screen.getByRole('table'))
        .getAllByRole('rowheader')
        .map((c) => c.textContent),
    ).toEqual(['Front-end development', 'CSS', 'Web cryptography', 'No skill']);
  });

  it('summarise by day, one row per day', () => {
    render(<DayChart summary={summary} locale="en" />);
    expect(screen.getByRole('img').getAttribute('aria-label')).toMatch(/^Active time by day: /);
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(8);
  });
});

describe('ReviewSession', () => {
  const skillsById = new Map(fx.data.skills.map((s) => [s.id, s]));
  const items = reviewOrder(fx.data);

  function review(id: string, extra: Partial<ReviewSessionProps> = {}) {
    const props = {
      item: items.find((i) => i.session.id === id)!,
      skills: fx.data.skills,
      skillsById,
      locale: 'en',
      selected: false,
      onSelect: vi.fn(),
      suggestions: [],
      editing: false,
      onEdit: vi.fn(),
      onTag: vi.fn(async () => {}),
      onSave: vi.fn(async () => {}),
      onSaveStated: vi.fn(async () => ({ ok: true as const })),
      today: '2026-12-07',
      onCreateSkill: vi.fn(),
      onDismiss: vi.fn(async () => {}),
      onDelete: vi.fn(async () => {}),
      exportPrivacy: 'titles' as const,
      onAskEndorsement: vi.fn(async () => 'skilltrail-endorsement-request-x.html'),
      ...extra,
    };
    render(<ReviewSession {...props} />);
    return props;
  }

  it('asks before deleting, with focus on Cancel', async () => {
    const props = review(uid(0x102));
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(props.onDelete).not.toHaveBeenCalled();
    const group = document.querySelector<HTMLElement>('.confirm[role="group"]')!;
    expect(group.textContent).toContain('(pages: 3, searches: 2)');
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Cancel'));
    fireEvent.click(within(group).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(props.onDelete).toHaveBeenCalledOnce());
  });

  it('offers suggestions for an untagged session, one click tags', async () => {
    const props = review(uid(0x107), {
      suggestions: [{ skillId: fx.data.skills[0]!.id, name: 'CSS', score: 1, reasons: [] }],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Tag with CSS' }));
    await waitFor(() => expect(props.onTag).toHaveBeenCalledWith(fx.data.skills[0]!.id));
  });

  it('shows a dismissed session greyed with an Undo, and page data as text', () => {
    const props = review(uid(0x108));
    expect(document.querySelector('.session-card.is-dismissed')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Undo “not learning”' }));
    expect(props.onDismiss).toHaveBeenCalledWith(false);
    cleanup();
    review(uid(0x103));
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe(HOSTILE_TITLE);
    expect(document.querySelector('.session-card img')).toBeNull();
  });
});
