// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SkillRow, type SkillRowProps } from '@/components/skills/SkillRow';
import type { Skill } from '@/lib/model';

const css: Skill = {
  id: 'css',
  name: 'CSS',
  key: 'css',
  aliases: [],
  colour: '#1d4ed8',
  createdAt: 0,
  updatedAt: 0,
};

function props(extra: Partial<SkillRowProps> = {}): SkillRowProps {
  const change = async () => ({ ok: true as const, skill: css });
  return {
    skill: css,
    totals: { skillId: 'css', activeMs: 600_000, sessions: 2, sources: 1, firstAt: 1, lastAt: 2 },
    goal: undefined,
    skills: [css],
    locale: 'en',
    onRename: change,
    onUpdate: change,
    onMerge: async () => {},
    onDelete: async () => {},
    announce: () => {},
    exportPrivacy: 'titles',
    onAskEndorsement: async () => 'skilltrail-endorsement-request-css.html',
    ...extra,
  } as SkillRowProps;
}

afterEach(cleanup);

describe('Ask for an endorsement', () => {
  it('is offered only for a skill with recorded sessions', () => {
    render(<SkillRow {...props({ totals: undefined })} />);
    expect(screen.queryByRole('button', { name: 'Ask for an endorsement of CSS' })).toBeNull();
  });

  it('starts at the export privacy level, saves at the level chosen, and says what it saved', async () => {
    const ask = vi.fn(async () => 'skilltrail-endorsement-request-css.html');
    const announce = vi.fn();
    render(<SkillRow {...props({ onAskEndorsement: ask, announce })} />);
    const opener = screen.getByRole('button', { name: 'Ask for an endorsement of CSS' });
    fireEvent.click(opener);
    expect(opener.getAttribute('aria-expanded')).toBe('true');
    expect((screen.getByRole('radio', { name: 'Titles only' }) as HTMLInputElement).checked).toBe(
      true,
    );
    fireEvent.click(screen.getByRole('radio', { name: 'Sites only' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save request page' }));
    await waitFor(() => expect(ask).toHaveBeenCalledWith('sites'));
    await waitFor(() =>
      expect(announce).toHaveBeenCalledWith(
        'Saved skilltrail-endorsement-request-css.html. Send it by any channel; it opens in any browser, offline.',
      ),
    );
    // The panel closes and the focus goes back to the button that opened it.
    await waitFor(() => expect(document.activeElement).toBe(opener));
  });

  it('says why when the page cannot be made, and keeps the panel open', async () => {
    const announce = vi.fn();
    const ask = async () => {
      throw new Error('disk full');
    };
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(<SkillRow {...props({ onAskEndorsement: ask, announce })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Ask for an endorsement of CSS' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save request page' }));
    await waitFor(() =>
      expect(announce).toHaveBeenCalledWith('The request page could not be made: disk full'),
    );
    expect(screen.getByRole('button', { name: 'Save request page' })).toBeTruthy();
  });
});
