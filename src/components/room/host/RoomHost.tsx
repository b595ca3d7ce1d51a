import { useState } from 'react';
import { useStore } from 'zustand';
import { displayCode } from '../../../room/code.ts';
import { useLessonActions, type LessonActions } from '../../../runtime/lessonActions.ts';
import type { AppStore } from '../../../store/appStore.ts';
import { useAppStore, useAppStoreApi } from '../../../store/useAppStore.ts';
import { HostRoom } from './hostRoom.ts';
import { JoinDialog } from './JoinDialog.tsx';
import { RevealDialog } from './RevealDialog.tsx';
import '../room.css';

/** One room per page, kept across the bar's mounts (a lesson closed and opened again). */
const rooms = new WeakMap<AppStore, HostRoom>();

function roomFor(store: AppStore, lessons: LessonActions): HostRoom {
  const room = rooms.get(store) ?? new HostRoom(store, lessons);
  rooms.set(store, room);
  return room;
}

const PHASE_WORDS = { open: 'Answers open', closed: 'Answers closed', revealed: 'Revealed' } as const;

/**
 * The facilitator's room bar, under the lesson step (the presenter view's caption): "Open room", then
 * the room's code (which shows the join dialog again), the answers coming in, and the commands only
 * the facilitator has: close the answers, Reveal, Next, the answers as CSV, and End room.
 */
export function RoomHost({ base }: { base: string }) {
  const store = useAppStoreApi();
  const lessons = useLessonActions();
  const [room] = useState(() => roomFor(store, lessons));
  const [ending, setEnding] = useState(false);
  const view = useStore(room.view);
  const inLesson = useAppStore((s) => s.lesson !== null || s.presenting);
  const { state, tally, status, code } = view;

  if (status === 'idle') {
    if (!inLesson) return null;
    return (
      <section className="room-bar" aria-label="Workshop room">
        <button type="button" className="btn" onClick={() => room.open()}>
          Open room
        </button>
        <span className="room-muted">Everyone answers each step from their phone.</span>
        {view.problem && <span role="alert">{view.problem}</span>}
      </section>
    );
  }
  const question = state?.step?.question ?? null;
  const phase = state?.phase ?? 'open';
  const last = !state?.step || state.step.n === state.step.total;
  return (
    <section className="room-bar" aria-label="Workshop room">
      <button type="button" className="btn room-code" onClick={() => room.showJoin(true)} disabled={!code}>
        {code ? `Room ${displayCode(code)}` : 'Opening the room…'}
      </button>
      <p className="room-figures" role="status">
        <span className="room-answers">
          <strong data-answers={tally?.answers ?? 0}>{tally?.answers ?? 0}</strong>{' '}
          {tally?.answers === 1 ? 'answer' : 'answers'}
        </span>{' '}
        <span className="room-muted">
          · {tally?.participants ?? 0} joined
          {tally && tally.online < tally.participants ? `, ${tally.online} online` : ''}
          {question
            ? ` · ${PHASE_WORDS[phase]}`
            : state?.step
              ? ' · no question in this step'
              : ' · open a lesson step'}
        </span>
        {status === 'reconnecting' && <span className="room-warn"> · reconnecting to the room server…</span>}
      </p>
      <div className="btn-group room-commands" role="group" aria-label="Room commands">
        {phase === 'closed' ? (
          <button type="button" className="btn" onClick={() => room.setOpen(true)}>
            Reopen answers
          </button>
        ) : (
          <button
            type="button"
            className="btn"
            onClick={() => room.setOpen(false)}
            disabled={!question || phase !== 'open'}
          >
            Close answers
          </button>
        )}
        {phase === 'revealed' ? (
          <button type="button" className="btn primary" onClick={() => room.showReveal(true)}>
            Show answers
          </button>
        ) : (
          <button
            type="button"
            className="btn primary"
            onClick={() => void room.reveal()}
            disabled={!question || view.measuring}
          >
            {view.measuring ? 'Measuring…' : 'Reveal'}
          </button>
        )}
        <button type="button" className="btn" onClick={() => room.next()} disabled={last}>
          Next step
        </button>
        <button type="button" className="btn" onClick={() => room.exportCsv()}>
          Answers CSV
        </button>
        {ending ? (
          <>
            <button type="button" className="btn danger" onClick={() => room.end()}>
              End the room for everyone
            </button>
            <button type="button" className="btn" onClick={() => setEnding(false)}>
              Keep it
            </button>
          </>
        ) : (
          <button type="button" className="btn" onClick={() => setEnding(true)}>
            End room
          </button>
        )}
      </div>
      {view.problem && (
        <p className="room-problem" role="alert">
          {view.problem}
        </p>
      )}
      {view.joinOpen && code && <JoinDialog base={base} code={code} onClose={() => room.showJoin(false)} />}
      {view.revealOpen && state?.reveal && question && (
        <RevealDialog
          state={state}
          question={question}
          onNext={last ? null : () => room.next()}
          onClose={() => room.showReveal(false)}
        />
      )}
    </section>
  );
}
