import { COST_BUDGET, type CostEstimate } from '../../engine/cost.ts';
import { useController } from '../../runtime/controller.ts';
import { selectCostPrompt } from '../../store/selectors.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { Dialog } from './Dialog.tsx';

/** A large count in words: "14.3 billion", "165 thousand", "820". */
function count(n: number): string {
  const [scale, word] = n >= 1e9 ? [1e9, ' billion'] : n >= 1e6 ? [1e6, ' million'] : [1, ''];
  return `${(n / scale).toLocaleString('en-US', { maximumFractionDigits: scale === 1 ? 0 : 1 })}${word}`;
}
const megabytes = (b: number): string =>
  b < 2 ** 20
    ? 'under 1 MB'
    : `about ${(b / 2 ** 20).toLocaleString('en-US', { maximumFractionDigits: 0 })} MB`;

/** What the estimate means in words a person can weigh: how much work, how long, how much memory. */
export function costWords(e: CostEstimate): string[] {
  const minutes = e.work / COST_BUDGET;
  return [
    `About ${count(e.work)} engine events in all (${count(e.eventsPerSimSecond)} a simulated second` +
      `${e.setupKeys > 1e6 ? `, plus ${count(e.setupKeys)} keys to set up` : ''}).`,
    `That is roughly ${minutes.toFixed(minutes < 10 ? 1 : 0)} minutes of work on a 2-core laptop ` +
      '(the budget is about one), and seeking through it will be slow too.',
    `Its per-key state takes ${megabytes(e.stateBytes)}.`,
  ];
}

/**
 * Asks before running a scenario estimated above the cost budget (a typo in a rate or a duration should
 * not freeze a workshop's laptop). A modal dialog: focus moves in, Escape or Cancel keeps what ran.
 */
export function CostDialog() {
  const prompt = useAppStore(selectCostPrompt);
  const controller = useController();
  if (!prompt) return null;
  return (
    <Dialog
      role="alertdialog"
      labelledBy="cost-title"
      describedBy="cost-body"
      onClose={() => controller.cancelCost()}
    >
      <h2 id="cost-title">
        {prompt.change ? 'This change makes the run heavy to simulate' : 'This scenario is heavy to simulate'}
      </h2>
      <div id="cost-body">
        <p>
          <strong>{prompt.scenario.title}</strong>
          {prompt.change ? (
            <>
              {' '}
              with <code>{prompt.change.path}</code> set to <code>{JSON.stringify(prompt.change.value)}</code>
            </>
          ) : null}
        </p>
        {costWords(prompt.estimate).map((line) => (
          <p key={line}>{line}</p>
        ))}
        <p>
          {prompt.change
            ? 'Cancel keeps the run as it is, without this change.'
            : prompt.replacesRun
              ? 'Cancel keeps the current run as it is; your edits stay in the draft.'
              : 'Cancel opens the default scenario instead.'}
        </p>
      </div>
      <div className="dialog-buttons">
        {/* The safe choice has focus. */}
        <button data-autofocus type="button" className="btn" onClick={() => controller.cancelCost()}>
          Cancel
        </button>
        <button type="button" className="btn" onClick={() => controller.confirmCost()}>
          {prompt.change ? 'Make the change anyway' : 'Run it anyway'}
        </button>
      </div>
    </Dialog>
  );
}
