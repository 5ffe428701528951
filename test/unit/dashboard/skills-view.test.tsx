// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SkillsView } from '../../../entrypoints/dashboard/views/skills/SkillsView';
import { getOrCreateDidKey } from '../../../lib/credentials/did-key';
import { db } from '../../../lib/store/db';
import { didKeyStore } from '../../../lib/store/keys';
import type { Session, Skill } from '../../../lib/model';
import { skillKey } from '../../../lib/skills/names';
import {
  editedEndorsement,
  MENTOR,
  MENTOR_COMMENT,
  signedEndorsement,
} from '../../fixtures/endorsement';

// Mid-week: the sessions below, 30 minutes before, fall in the week the view shows (with the
// real clock they fell in the week before during a week's first half hour).
const NOW = Date.UTC(2026, 11, 2, 12, 0, 0);
const MIN = 60_000;

function skill(id: string, name: string, extra: Partial<Skill> = {}): Skill {
  return {
    id,
    name,
    key: skillKey(name),
    aliases: [],
    colour: '#1d4ed8',
    createdAt: 0,
    updatedAt: 0,
    ...extra,
  };
}

function session(id: string, skills: string[], extra: Partial<Session> = {}): Session {
  return {
    id,
    kind: 'reading',
    startedAt: NOW - 30 * MIN,
    endedAt: NOW - 10 * MIN,
    activeMs: 20 * MIN,
    title: `Page ${id}`,
    url: `https://example.org/${id}`,
    domain: 'example.org',
    skills,
    note: '',
    status: 'kept',
    provenance: 'measured',
    updatedAt: NOW,
    ...extra,
  };
}

async function seed(skills: Skill[], sessions: Session[] = []) {
  await db().skills.bulkAdd(skills);
  await db().sessions.bulkAdd(sessions);
}

const row = (name: string) =>
  screen.getByRole('article', { name: new RegExp(`^${name}$`) }) as HTMLElement;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW, shouldAdvanceTime: true });
  await Promise.all(db().tables.map((table) => table.clear()));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('SkillsView', () => {
  it('lists every skill with its totals and its weekly goal in words', async () => {
    await seed(
      [skill('css', 'CSS', { goalMinutes: 60 }), skill('sql', 'SQL')],
      [session('a', ['css']), session('b', ['css', 'sql'], { url: 'https://example.org/a' })],
    );
    render(<SkillsView params={[]} />);
    const css = await screen.findByRole('article', { name: 'CSS' });
    const text = css.textContent ?? '';
    expect(text).toContain('Active time40 min');
    expect(text).toContain('Sessions2');
    expect(text).toContain('Sources1');
    expect(within(css).getByRole('progressbar', { name: 'Weekly goal' })).toBeTruthy();
    expect(text).toContain('40 of 60 min this week');
    expect(row('SQL').querySelector('progress')).toBeNull();
  });

  it('offers common skills in the interface language while the library is small', async () => {
    const english = fakeBrowser.i18n.getMessage.bind(fakeBrowser.i18n);
    Object.assign(fakeBrowser.i18n, {
      getUILanguage: () => 'es',
      // The browser picks Spanish messages too; the other words stay English for the queries.
      getMessage: (key: string, subs?: string[]) =>
        key === 'messagesLocale' ? 'es' : english(key, subs),
    });
    render(<SkillsView params={[]} />);
    const box = await screen.findByRole('checkbox', { name: 'Comunicación' });
    fireEvent.click(box);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Trabajo en equipo' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add chosen skills' }));
    await screen.findByRole('article', { name: 'Comunicación' });
    expect((await db().skills.toArray()).map((s) => s.name).sort()).toEqual([
      'Comunicación',
      'Trabajo en equipo',
    ]);
    expect(screen.getByText('Skills added: 2.').getAttribute('role')).toBe('status');
    expect(screen.queryByRole('checkbox', { name: 'Comunicación' })).toBeNull();
  });

  it('offers to merge when a new name belongs to another skill, and the sessions follow', async () => {
    await seed(
      [skill('js', 'JS'), skill('javascript', 'JavaScript')],
      [session('a', ['js']), session('b', ['javascript', 'js']), session('c', ['js'])],
    );
    render(<SkillsView params={[]} />);
    await screen.findByRole('article', { name: 'JS' });
    fireEvent.click(screen.getByRole('button', { name: 'Edit JS' }));
    const name = screen.getByRole('textbox', { name: 'Name' });
    expect(document.activeElement).toBe(name);
    fireEvent.input(name, { target: { value: 'javascript' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    const merge = await screen.findByRole('button', { name: 'Merge into JavaScript' });
    expect(screen.getByText(/^“JavaScript” already exists/)).toBeTruthy();
    fireEvent.click(merge);
    await waitFor(() => expect(screen.queryByRole('article', { name: 'JS' })).toBeNull());
    const sessions = await db().sessions.toArray();
    expect(sessions.map((s) => s.skills)).toEqual([['javascript'], ['javascript'], ['javascript']]);
    expect((await db().skills.get('javascript'))?.aliases).toEqual(['JS']);
    expect(screen.getByText('Merged “JS” into “JavaScript”. Sessions moved: 3.')).toBeTruthy();
    expect(document.activeElement?.textContent).toBe('JavaScript');
  });

  it('merges into a chosen skill from the merge panel, and Escape closes it', async () => {
    await seed(
      [skill('a', 'Styling'), skill('b', 'CSS'), skill('c', 'Python')],
      [session('s1', ['a', 'c']), session('s2', ['b'])],
    );
    render(<SkillsView params={[]} />);
    await screen.findByRole('article', { name: 'Styling' });
    const open = screen.getByRole('button', { name: 'Merge Styling into another skill' });
    fireEvent.click(open);
    const select = screen.getByRole('combobox', { name: 'Merge “Styling” into' });
    expect(document.activeElement).toBe(select);
    fireEvent.keyDown(select, { key: 'Escape' });
    await waitFor(() => expect(document.activeElement).toBe(open));

    fireEvent.click(open);
    fireEvent.change(screen.getByRole('combobox', { name: 'Merge “Styling” into' }), {
      target: { value: 'b' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Merge' }));
    await waitFor(() => expect(screen.queryByRole('article', { name: 'Styling' })).toBeNull());
    expect((await db().sessions.get('s1'))?.skills).toEqual(['b', 'c']);
    expect(await db().skills.count()).toBe(2);
  });

  it('asks before deleting; the sessions keep their other skills', async () => {
    await seed([skill('a', 'CSS'), skill('b', 'HTML')], [session('s1', ['a', 'b'])]);
    render(<SkillsView params={[]} />);
    await screen.findByRole('article', { name: 'CSS' });
    const del = screen.getByRole('button', { name: 'Delete CSS' });
    fireEvent.click(del);
    // The safe choice has the focus, so a second Enter does not delete.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(document.activeElement).toBe(del));
    expect(await db().skills.count()).toBe(2);

    fireEvent.click(del);
    fireEvent.click(screen.getByRole('button', { name: 'Delete skill' }));
    await waitFor(() => expect(screen.queryByRole('article', { name: 'CSS' })).toBeNull());
    expect((await db().sessions.get('s1'))?.skills).toEqual(['b']);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Your skills' }));
  });

  it('refuses a bad field without saving anything, then saves the edit', async () => {
    await seed([skill('a', 'CSS')]);
    render(<SkillsView params={[]} />);
    await screen.findByRole('article', { name: 'CSS' });
    fireEvent.click(screen.getByRole('button', { name: 'Edit CSS' }));
    const uri = screen.getByRole('textbox', { name: 'Framework identifier (optional)' });
    fireEvent.input(uri, { target: { value: 'javascript:alert(1)' } });
    fireEvent.input(screen.getByRole('spinbutton', { name: 'Weekly goal in minutes (optional)' }), {
      target: { value: '90' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(uri.getAttribute('aria-invalid')).toBe('true'));
    expect(document.activeElement).toBe(uri);
    expect(document.getElementById(uri.getAttribute('aria-describedby')!)?.textContent).toMatch(
      /starts with http/,
    );
    expect((await db().skills.get('a'))?.goalMinutes).toBeUndefined();

    fireEvent.input(uri, { target: { value: 'http://data.europa.eu/esco/skill/css' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Other names (aliases)' }), {
      target: { value: 'Stylesheets\nCascading Style Sheets' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('0 of 90 min this week');
    expect(await db().skills.get('a')).toMatchObject({
      uri: 'http://data.europa.eu/esco/skill/css',
      aliases: ['Stylesheets', 'Cascading Style Sheets'],
      goalMinutes: 90,
    });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit CSS' }));
  });

  it('shows a large library a page at a time, with a search field', async () => {
    await seed(
      Array.from({ length: 120 }, (_, i) =>
        skill(
          `s${i}`,
          `Skill ${String(i).padStart(3, '0')}`,
          i === 77 ? { aliases: ['Pottery'] } : {},
        ),
      ),
    );
    render(<SkillsView params={[]} />);
    await screen.findByRole('article', { name: 'Skill 000' });
    expect(screen.getAllByRole('article')).toHaveLength(50);
    expect(screen.getByText('Shown: 50 of 120.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Show more skills' }));
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(100));
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Skill 050' })),
    );

    fireEvent.input(screen.getByRole('searchbox', { name: 'Find a skill' }), {
      target: { value: 'pottery' },
    });
    await waitFor(() =>
      expect(screen.getAllByRole('article').map((a) => a.getAttribute('data-skill-id'))).toEqual([
        's77',
      ]),
    );
    fireEvent.input(screen.getByRole('searchbox', { name: 'Find a skill' }), {
      target: { value: 'nothing like it' },
    });
    await screen.findByText('No skill has that name or alias.');
  });

  it('imports a taxonomy only when every row is good, reporting each bad row', async () => {
    await seed([skill('a', 'CSS')]);
    render(<SkillsView params={[]} />);
    const input = (await screen.findByLabelText('Import skills (CSV)')) as HTMLInputElement;
    const choose = (text: string) => {
      const file = new File([text], 'skills.csv', { type: 'text/csv' });
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      fireEvent.change(input);
    };

    choose('name,uri\nSQL,urn:x:sql\n,urn:x:none\nCSS,not a uri\n');
    const problems = await screen.findByRole('list', { name: 'Problems in the file' });
    expect(
      within(problems)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Row 3: the name is missing.',
      'Row 4: the uri is not an http://, https:// or urn: address.',
    ]);
    expect(screen.getByText(/^Nothing was imported/).getAttribute('role')).toBe('status');
    expect(await db().skills.count()).toBe(1);

    choose('name,uri,aliases\nSQL,urn:x:sql,Databases\nCSS,urn:x:css,\n');
    await screen.findByText(/is ready to import/);
    expect(screen.getByText(/is ready to import/).textContent).toBe(
      '“skills.csv” is ready to import. New skills: 1. Skills to complete: 1. Already up to date: 0.',
    );
    expect(
      screen.getByRole('heading', { name: 'New skills' }).nextElementSibling?.textContent,
    ).toBe('SQL');
    expect(await db().skills.count()).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText('Imported. New skills: 1. Completed: 1. Already up to date: 0.');
    expect((await db().skills.get('a'))?.uri).toBe('urn:x:css');
    expect(await db().skills.count()).toBe(2);
    expect(document.activeElement).toBe(input);
  });

  it('adds an endorsement from its file and shows it under its skill; a copy or an edited file adds nothing', async () => {
    await seed([skill('css', 'CSS'), skill('sql', 'SQL')]);
    const learnerDid = (await getOrCreateDidKey(didKeyStore(db()))).did;
    const { text } = await signedEndorsement({ learnerDid, skillId: 'css', skillName: 'CSS' });
    render(<SkillsView params={[]} />);
    const input = (await screen.findByLabelText('Add endorsement')) as HTMLInputElement;
    const choose = (content: string) => {
      const file = new File([content], 'skilltrail-endorsement-css.json', {
        type: 'application/json',
      });
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      fireEvent.change(input);
    };

    choose(text);
    await screen.findByText('Added: Grace Hopper endorses CSS.');
    const css = await waitFor(() => {
      const r = row('CSS');
      expect(r.querySelector('.endorsement-list')).not.toBeNull();
      return r;
    });
    const shown = css.querySelector('.endorsement-list')!.textContent ?? '';
    expect(shown).toContain('Endorsed by Grace Hopper (as they describe themselves)');
    expect(shown).toContain(MENTOR.description);
    expect(shown).toContain(MENTOR_COMMENT);
    expect(shown).toMatch(/Signed \w+/);
    expect(row('SQL').querySelector('.endorsement-list')).toBeNull();

    choose(text);
    await screen.findByText(/is already in your record: it was not added twice\.$/);
    choose(editedEndorsement(text, 'Simply the best.'));
    await screen.findByText(
      /^The signature on this endorsement does not hold.*Nothing was changed\.$/,
    );
    choose('not json at all');
    await screen.findByText(
      /^This file is not an endorsement: it is not JSON.*Nothing was changed\.$/,
    );
    // Another learner's endorsement of a skill with this very id: not this learner's.
    const lifted = await signedEndorsement({
      learnerDid: 'did:key:z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG',
      skillId: 'css',
      skillName: 'CSS',
    });
    choose(lifted.text);
    await screen.findByText(
      /^This endorsement is about someone else’s work\..*Nothing was changed\.$/,
    );
    expect(await db().endorsements.count()).toBe(1);
  }, 60_000);
});
