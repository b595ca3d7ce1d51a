// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ConfigPanel } from '../../src/components/config/ConfigPanel.tsx';
import type { ConfigPanelProps } from '../../src/components/config/ConfigPanel.tsx';
import { fieldFor, FIELDS, labelFor, LISTS, NOT_EDITABLE } from '../../src/components/config/fields.ts';
import { setPath } from '../../src/components/config/draftPath.ts';
import { leafFields } from '../../src/scenario/fields.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';

function setup(overrides: Partial<ConfigPanelProps> = {}) {
  const props: ConfigPanelProps = {
    draft: { version: 1 },
    onChange: vi.fn(),
    errors: {},
    dirty: false,
    onApply: vi.fn(),
    onReset: vi.fn(),
    ...overrides,
  };
  const view = render(<ConfigPanel {...props} />);
  return { props, view, user: userEvent.setup() };
}

describe('ConfigPanel validation', () => {
  it('refuses an out-of-range L2 TTL with a message beside the field and keeps the typed text', async () => {
    const { props, user } = setup();
    const box = screen.getByRole('textbox', { name: 'L2 TTL (ms)' });
    await user.clear(box);
    await user.type(box, '90000000{Enter}');
    expect(screen.getByRole('alert').textContent).toBe('L2 TTL must be at most 24 h');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect((box as HTMLInputElement).value).toBe('90000000');
    expect(props.onChange).not.toHaveBeenCalled();
  });

  it('edits BCAST prefixes one a line, and refuses prefixes that overlap, saying why', async () => {
    const { props, user } = setup();
    const box = screen.getByRole('textbox', { name: 'BCAST prefixes (one a line)' });
    await user.type(box, 'user:{Enter}user:1');
    await user.tab();
    expect(screen.getByRole('alert').textContent).toMatch(/do not overlap/);
    expect(props.onChange).not.toHaveBeenCalled();
    await user.clear(box);
    await user.type(box, 'user:{Enter}{Enter} order: ');
    await user.tab();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(props.onChange).toHaveBeenLastCalledWith('cache.tracking.prefixes', ['user:', 'order:']);
  });

  it('passes a valid L2 TTL to onChange on Enter, and only then', async () => {
    const { props, user } = setup();
    const box = screen.getByRole('textbox', { name: 'L2 TTL (ms)' });
    await user.clear(box);
    await user.type(box, '30000');
    expect(props.onChange).not.toHaveBeenCalled();
    await user.keyboard('{Enter}');
    expect(props.onChange).toHaveBeenCalledTimes(1);
    expect(props.onChange).toHaveBeenCalledWith('cache.l2.ttlMs', 30000);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('moves a logarithmic slider to a round value inside the range', () => {
    const { props } = setup();
    fireEvent.change(screen.getByRole('slider', { name: 'L2 TTL' }), { target: { value: '1000' } });
    expect(props.onChange).toHaveBeenCalledWith('cache.l2.ttlMs', 86_400_000);
    fireEvent.change(screen.getByRole('slider', { name: 'Requests per second' }), { target: { value: '0' } });
    expect(props.onChange).toHaveBeenLastCalledWith('workload.rps', 1);
  });

  it('shows the formatted value with its unit', () => {
    setup({ draft: { version: 1, cache: { l2: { ttlMs: 90_000 } } } });
    expect(screen.getByRole('slider', { name: 'L2 TTL' }).getAttribute('aria-valuetext')).toBe('1.5 min');
  });

  it('refuses a failure scheduled after the end of the run (a cross-field rule)', async () => {
    const draft: ScenarioInput = {
      version: 1,
      durationMs: 10_000,
      failures: [{ atMs: 1000, kind: 'redis-restart' }],
    };
    const { props, user } = setup({ draft });
    const box = screen.getByRole('textbox', { name: 'Failure 1 at (ms)' });
    await user.clear(box);
    await user.type(box, '20000{Enter}');
    expect(screen.getByRole('alert').textContent).toMatch(/^Failure 1 at: .*before the end of the run/);
    expect(props.onChange).not.toHaveBeenCalled();
  });

  it('disables "Apply & restart" until dirty, and while a field is invalid', async () => {
    const { props, user, view } = setup();
    const apply = () => screen.getByRole('button', { name: 'Apply & restart' }) as HTMLButtonElement;
    expect(apply().disabled).toBe(true);
    view.rerender(<ConfigPanel {...props} dirty />);
    expect(apply().disabled).toBe(false);
    await user.clear(screen.getByRole('textbox', { name: 'Instances' }));
    await user.type(screen.getByRole('textbox', { name: 'Instances' }), '99');
    expect(apply().disabled).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('1 field to fix before applying');
    await user.click(screen.getByRole('button', { name: 'Reset to preset' }));
    expect(props.onReset).toHaveBeenCalledTimes(1);
  });
});

describe('ConfigPanel controls', () => {
  it('has a control for every leaf field of the schema', () => {
    // One row in every list, so the row controls exist too.
    let draft: ScenarioInput = { version: 1 };
    for (const list of LISTS) draft = setPath(draft, list.path, [list.newItem([])]);
    setup({ draft });
    const paths = leafFields()
      .map((f) => f.path.replace(/\[\]/g, '.*'))
      .filter((p) => !NOT_EDITABLE.includes(p));
    expect(paths.length).toBeGreaterThan(30);
    for (const path of paths) {
      const def = fieldFor(path);
      expect(def, path).toBeDefined();
      const label = labelFor(path.replace('*', '0'));
      // The slider is named by the label alone, the number box adds its unit ("L2 TTL (ms)").
      const name = new RegExp(`^${label.replace(/[()]/g, '\\$&')}( \\(.*\\))?$`);
      expect(screen.queryAllByLabelText(name).length, `${path} (${label})`).toBeGreaterThan(0);
    }
    // And no control for a field the schema does not have.
    const listed = [...FIELDS, ...LISTS.flatMap((l) => l.fields)].map((f) => f.path);
    expect(listed.sort()).toEqual([...paths].sort());
  });

  it('toggles nullable fields to null and back', async () => {
    const { props, user } = setup();
    await user.click(screen.getByRole('checkbox', { name: 'L2 TTL: No expiry' }));
    expect(props.onChange).toHaveBeenLastCalledWith('cache.l2.ttlMs', null);
    const noHotKey = screen.getByRole('checkbox', { name: 'Hot key share: No hot key' }) as HTMLInputElement;
    expect(noHotKey.checked).toBe(true);
    await user.click(noHotKey);
    expect(props.onChange).toHaveBeenLastCalledWith('workload.hotKey', { share: 0.5 });
  });

  it('adds and removes phases as whole lists', async () => {
    const { props, user } = setup({ draft: { version: 1, workload: { phases: [{ atMs: 5000, rps: 10 }] } } });
    await user.click(screen.getByRole('button', { name: 'Add phase' }));
    expect(props.onChange).toHaveBeenLastCalledWith('workload.phases', [
      { atMs: 5000, rps: 10 },
      { atMs: 15_000, rps: 1000 },
    ]);
    await user.click(screen.getByRole('button', { name: 'Remove phase 1' }));
    expect(props.onChange).toHaveBeenLastCalledWith('workload.phases', []);
  });

  it('offers one "Inject now" button per failure kind', async () => {
    const onInjectFailure = vi.fn();
    const { user } = setup({ onInjectFailure });
    await user.click(screen.getByRole('button', { name: 'Inject now: Redis restart (every shard)' }));
    expect(onInjectFailure).toHaveBeenCalledWith('redis-restart');
  });

  it('names a failure’s kind in words and its target as the stage does, storing the index', async () => {
    const draft = {
      version: 1 as const,
      topology: { instances: 3 },
      failures: [{ atMs: 1000, kind: 'instance-crash' as const, target: 1 }],
    };
    const { props, user } = setup({ draft });
    const kind = screen.getByRole('combobox', { name: 'Failure 1 kind' }) as HTMLSelectElement;
    expect(kind.selectedOptions[0]?.textContent).toBe('App instance crash');
    const target = screen.getByRole('combobox', { name: 'Failure 1 target' }) as HTMLSelectElement;
    expect(Array.from(target.options).map((o) => o.textContent)).toEqual(['App 1', 'App 2', 'App 3']);
    expect(target.selectedOptions[0]?.textContent).toBe('App 2');
    await user.selectOptions(target, 'App 3');
    expect(props.onChange).toHaveBeenLastCalledWith('failures', [{ ...draft.failures[0], target: 2 }]);
  });

  it('shows no raw id in any select', () => {
    setup({ draft: { version: 1, failures: [{ atMs: 1000, kind: 'redis-shard-crash' }] } });
    for (const option of screen.getAllByRole('option')) {
      expect(option.textContent).not.toMatch(/^[a-z]+(-[a-z0-9]+)+$/);
      expect(option.textContent).not.toBe('Unknown option');
    }
  });

  it('picks the strategy from a select', async () => {
    const { props, user } = setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Strategy' }), 'write-through');
    expect(props.onChange).toHaveBeenCalledWith('cache.strategy', 'write-through');
  });
});
