// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FollowUpList } from '../../../components/FollowUpList';
import { FollowUpPrompt } from '../../../components/FollowUpPrompt';
import type { DueFollowUp } from '../../../lib/followup/schedule';

afterEach(cleanup);

const DUE: DueFollowUp = {
  skillId: 'k-css',
  skillName: 'CSS <grid>',
  sessionIds: ['s-1', 's-2'],
  since: Date.UTC(2026, 10, 23, 9),
  stated: [],
  onScreen: { count: 2, since: Date.UTC(2026, 10, 23, 9) },
};

describe('the follow-up prompt', () => {
  it('asks both questions and saves what was written', async () => {
    const onAnswer = vi.fn(async () => true);
    render(<FollowUpPrompt due={DUE} locale="en" onAnswer={onAnswer} onDismiss={vi.fn()} />);
    expect(screen.getByText(/About 2 sessions since/)).toBeTruthy();
    fireEvent.input(screen.getByLabelText('What do you still remember about CSS <grid>?'), {
      target: { value: 'Grid areas' },
    });
    fireEvent.input(screen.getByLabelText('Where did you use it?'), {
      target: { value: 'Pricing page' },
    });
    fireEvent.input(screen.getByLabelText('Link to the work (optional)'), {
      target: { value: 'https://example.org/pr/1' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save answer' }));
    await screen.findByText(/^Saved\./);
    expect(onAnswer).toHaveBeenCalledWith({
      recall: 'Grid areas',
      application: 'Pricing page',
      link: 'https://example.org/pr/1',
    });
  });

  it('names a stated activity by its kind, its day and what was learned', () => {
    const at = Date.UTC(2026, 10, 24, 12);
    const due: DueFollowUp = {
      ...DUE,
      sessionIds: ['s-away'],
      since: at,
      stated: [
        { sessionId: 's-away', learningKind: 'mentoring', learned: 'How to <test> a circuit', at },
      ],
      onScreen: null,
    };
    render(<FollowUpPrompt due={due} locale="en" onAnswer={vi.fn()} onDismiss={vi.fn()} />);
    expect(screen.queryByText(/sessions? since/)).toBeNull();
    expect(screen.getByText('About what you did away from the screen:')).toBeTruthy();
    expect(screen.getByRole('listitem').textContent).toMatch(
      /^Mentoring or coaching on .*24.*: How to <test> a circuit$/,
    );
    expect(screen.getByLabelText('What do you still remember about CSS <grid>?')).toBeTruthy();
  });

  it('says what is wrong and saves nothing for an empty answer or a bad link', async () => {
    const onAnswer = vi.fn(async () => true);
    render(<FollowUpPrompt due={DUE} locale="en" onAnswer={onAnswer} onDismiss={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save answer' }));
    expect(screen.getByRole('alert').textContent).toMatch(/Write what you remember/);
    fireEvent.input(screen.getByLabelText('Where did you use it?'), { target: { value: 'x' } });
    fireEvent.input(screen.getByLabelText('Link to the work (optional)'), {
      target: { value: 'javascript:alert(1)' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save answer' }));
    expect(screen.getByRole('alert').textContent).toMatch(/web address/);
    expect(onAnswer).not.toHaveBeenCalled();
  });

  it('dismisses with one click, and says so when another window was first', async () => {
    const onDismiss = vi.fn(async () => false);
    render(<FollowUpPrompt due={DUE} locale="en" onAnswer={vi.fn()} onDismiss={onDismiss} />);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(onDismiss).toHaveBeenCalledTimes(1));
    await screen.findByText(/already answered or dismissed in another window/);
  });

  it('shows nothing when nothing is due', () => {
    const { container } = render(
      <FollowUpPrompt due={null} locale="en" onAnswer={vi.fn()} onDismiss={vi.fn()} />,
    );
    expect(container.innerHTML).toBe('');
  });
});

describe('the follow-up list', () => {
  it('names the stated activities an answer was about', () => {
    render(
      <FollowUpList
        locale="en"
        items={[
          {
            id: 'f-1',
            at: Date.UTC(2026, 11, 2, 12),
            recall: 'Ground first',
            application: '',
            skillName: 'Electrics',
            about: ['Mentoring or coaching on Nov 30: How to test a circuit'],
          },
        ]}
      />,
    );
    expect(
      screen.getByText(
        /^Electrics · Mentoring or coaching on Nov 30: How to test a circuit · Answered/,
      ),
    ).toBeTruthy();
  });

  it('shows answers as text and links only to web pages', () => {
    render(
      <FollowUpList
        locale="en"
        items={[
          { id: 'f-1', at: 1, recall: '<b>bold</b>', application: '', link: 'https://e.org/' },
          { id: 'f-2', at: 2, recall: '', application: 'Used', link: 'javascript:alert(1)' },
        ]}
      />,
    );
    expect(screen.getByText('<b>bold</b>')).toBeTruthy();
    const links = screen.getAllByRole('link', { name: 'Link to the work' });
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://e.org/']);
  });
});
