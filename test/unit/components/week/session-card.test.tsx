// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionCard } from '@/components/week/SessionCard';
import type { Session, Skill } from '@/lib/model';

afterEach(() => {
  cleanup();
  delete (globalThis as { __pwned?: unknown }).__pwned;
});

const HOSTILE = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  '"><svg onload="window.__pwned=1">',
  '<a href="javascript:window.__pwned=1">click</a>',
];

function session(patch: Partial<Session>): Session {
  return {
    id: 's1',
    kind: 'reading',
    startedAt: Date.UTC(2026, 2, 2, 9),
    endedAt: Date.UTC(2026, 2, 2, 9, 5),
    activeMs: 300_000,
    title: 'A page',
    url: 'https://example.org/a',
    domain: 'example.org',
    skills: [],
    note: '',
    status: 'kept',
    provenance: 'measured',
    updatedAt: 0,
    ...patch,
  };
}

const skill: Skill = {
  id: 'k',
  name: '<b onmouseover="window.__pwned=1">CSS</b>',
  key: 'b css b',
  aliases: [],
  colour: '#1d4ed8',
  createdAt: 0,
  updatedAt: 0,
};

function renderCard(s: Session) {
  return render(<SessionCard session={s} skillsById={new Map([[skill.id, skill]])} />);
}

describe('SessionCard shows page data as text', () => {
  it.each(HOSTILE)('title, domain, note and skill %s stay text', (text) => {
    const { container } = renderCard(
      session({ title: text, note: text, domain: text, skills: [skill.id] }),
    );
    expect(container.querySelector('.session-title')?.textContent).toBe(text);
    expect(container.querySelector('.session-note .note-text')?.textContent).toBe(text);
    expect(container.textContent).toContain(skill.name);
    expect(container.querySelector('img, script, svg, b, [onerror], [onload]')).toBeNull();
    // Only the title link, to the web page itself.
    expect([...container.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://example.org/a',
    ]);
    expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
  });
});

describe('SessionCard links only web pages', () => {
  it.each([
    'javascript:window.__pwned=1',
    'JAVASCRIPT:window.__pwned=1',
    '  javascript:window.__pwned=1',
    'java\nscript:window.__pwned=1',
    'data:text/html,<script>window.__pwned=1</script>',
    'data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+',
    'vbscript:msgbox(1)',
    'blob:https://example.org/1',
    'file:///etc/passwd',
    '',
  ])('%j is never a link', (url) => {
    const { container } = renderCard(session({ url, title: 'Odd page' }));
    expect(container.querySelector('a')).toBeNull();
    expect(container.querySelector('.session-title')?.textContent).toBe('Odd page');
  });

  it('links an ordinary page in a new tab without giving it the opener', () => {
    const { container } = renderCard(session({ url: 'https://example.org/a?b=1' }));
    const a = container.querySelector('a')!;
    expect(a.getAttribute('href')).toBe('https://example.org/a?b=1');
    expect(a.getAttribute('rel')).toContain('noopener');
  });

  it('falls back to the domain, then the URL, as text', () => {
    const { container } = renderCard(session({ title: '', domain: '', url: 'javascript:x' }));
    expect(container.querySelector('.session-title')?.textContent).toBe('javascript:x');
    expect(container.querySelector('a')).toBeNull();
  });
});

describe('SessionCard says where the evidence came from', () => {
  it.each([
    ['measured', 'How it was recorded: Measured'],
    ['captured', 'How it was recorded: Captured'],
    ['stated', 'How it was recorded: Stated'],
    ['from-history', 'How it was recorded: From history'],
  ] as const)('a %s session is labelled so', (provenance, label) => {
    const { container } = renderCard(session({ provenance }));
    expect(container.querySelector('article')?.getAttribute('data-provenance')).toBe(provenance);
    expect(container.querySelector('.session-meta .provenance')?.textContent).toBe(label);
  });

  it('labels a reflection as written', () => {
    const { container } = renderCard(session({ note: 'Grid areas.' }));
    const note = container.querySelector('.session-note');
    expect(note?.getAttribute('data-provenance')).toBe('written');
    expect(note?.textContent).toContain('Written');
  });
});
