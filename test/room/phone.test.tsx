// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import { vi } from 'vitest';
import { Distribution } from '../../src/components/room/Distribution.tsx';
import { GuessForm } from '../../src/components/room/participant/GuessForm.tsx';
import { ROOM_LIMITS, type QuestionView, type RevealView } from '../../src/room/protocol.ts';

const number: QuestionView = { kind: 'number', text: 'How many queries?', unit: 'queries' };
const choice: QuestionView = { kind: 'choice', text: 'Which?', options: ['One', 'Two', 'Many'] };

describe('a participant’s answer', () => {
  it('sends a number, and offers Send again only for a different one', () => {
    const onSend = vi.fn();
    const { rerender } = render(
      <GuessForm question={number} saved={null} savedText={null} closed={false} onSend={onSend} />,
    );
    const send = screen.getByRole('button', { name: 'Send' });
    expect(send).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByRole('spinbutton', { name: /Your guess/ }), { target: { value: '12.5' } });
    fireEvent.click(send);
    expect(onSend).toHaveBeenCalledWith({ value: 12.5 });
    rerender(
      <GuessForm
        question={number}
        saved={{ value: 12.5 }}
        savedText="12.5 queries"
        closed={false}
        onSend={onSend}
      />,
    );
    expect(screen.getByRole('button', { name: 'Send' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('status').textContent).toContain('Sent: 12.5 queries.');
  });

  it('says a number is too large before Send, as the server would refuse it', () => {
    render(<GuessForm question={number} saved={null} savedText={null} closed={false} onSend={vi.fn()} />);
    const field = screen.getByRole('spinbutton', { name: /Your guess/ });
    fireEvent.change(field, { target: { value: String(ROOM_LIMITS.maxGuess * 10) } });
    expect(screen.getByRole('button', { name: 'Send' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('status').textContent).toBe(
      'That number is too large: a guess is at most a million million.',
    );
    fireEvent.change(field, { target: { value: String(-ROOM_LIMITS.maxGuess) } });
    expect(screen.getByRole('button', { name: 'Send' })).toHaveProperty('disabled', false);
  });

  it('shows a kept choice, and nothing can change once the answers close', () => {
    render(<GuessForm question={choice} saved={{ option: 2 }} savedText="Many" closed onSend={vi.fn()} />);
    expect(screen.getByRole('radio', { name: 'Many' })).toHaveProperty('checked', true);
    // Disabled by its fieldset, as a browser sees it.
    expect(screen.getByRole('radio', { name: 'One' }).matches(':disabled')).toBe(true);
    expect(screen.getByRole('status').textContent).toContain('The answers are closed');
  });
});

describe('the reveal’s chart', () => {
  const reveal = (bars: RevealView['bars'], measuredValue: number | null): RevealView => ({
    measured: 'Measured: 21.',
    measuredValue,
    bars,
    answers: bars.reduce((n, b) => n + b.count, 0),
    right: 1,
    explanation: '',
  });

  it('marks the measured choice and the viewer’s own', () => {
    const r = reveal(
      [
        { label: 'One', count: 3, measured: false },
        { label: 'Two', count: 1, measured: true },
        { label: 'Many', count: 0, measured: false },
      ],
      null,
    );
    render(<Distribution reveal={r} question={choice} yours={{ option: 0 }} />);
    const items = screen.getAllByRole('listitem');
    expect(items[0]!.textContent).toContain('● you');
    expect(items[1]!.textContent).toContain('✓ measured');
    expect(screen.getByLabelText('1 guess, the measured answer')).toBeTruthy();
    expect(screen.getByLabelText('3 guesses, your answer')).toBeTruthy();
  });

  it('draws a histogram with the measured value and the viewer’s guess where they fall', () => {
    const bars = [0, 10, 20, 30].map((from) => ({
      label: `${from}–${from + 10}`,
      count: from / 10,
      measured: from === 20,
      from,
      to: from + 10,
    }));
    const { container } = render(
      <Distribution reveal={reveal(bars, 25)} question={number} yours={{ value: 5 }} />,
    );
    expect(screen.getByRole('listitem', { name: '20–30: 2 guesses, measured here' })).toBeTruthy();
    const left = (sel: string) => (container.querySelector(sel) as HTMLElement).style.left;
    expect(left('.room-marker.measured')).toBe('62.5%');
    expect(left('.room-marker.mine')).toBe('12.5%');
    expect(container.querySelector('.room-legend')!.textContent).toBe('measured 25you 5');
  });
});
