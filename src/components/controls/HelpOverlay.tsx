import { selectHelpOpen } from '../../store/selectors.ts';
import { useAppStore, useAppStoreApi } from '../../store/useAppStore.ts';
import { Dialog } from '../app/Dialog.tsx';

export const SHORTCUTS: readonly [string, string][] = [
  ['Space', 'Play or pause'],
  ['→ (Right arrow)', 'Step: process one event'],
  ['[', 'Slower'],
  [']', 'Faster'],
  ['N', 'Jump to the next notable event'],
  ['R', 'Restart'],
  ['?', 'Show or hide this help'],
  ['PageDown, PageUp', 'Next or previous lesson step in the presenter view (arrows too)'],
  ['Esc', 'Close this help; leave the presenter view'],
];

/** The keyboard shortcuts, as a modal dialog that takes focus and gives it back on close. */
export function HelpOverlay() {
  const open = useAppStore(selectHelpOpen);
  const store = useAppStoreApi();
  if (!open) return null;
  const close = () => store.getState().setHelpOpen(false);
  return (
    <Dialog labelledBy="help-title" onClose={close}>
      <h2 id="help-title">Keyboard shortcuts</h2>
      <table>
        <tbody>
          {SHORTCUTS.map(([key, what]) => (
            <tr key={key}>
              <th scope="row">
                <kbd>{key}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="btn" onClick={close} aria-label="Close help">
        Close
      </button>
    </Dialog>
  );
}
