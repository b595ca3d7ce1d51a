import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ClientMessage } from '../../../room/clientMessages.ts';
import type { RoomState, RoomTally, ServerMessage, StepRef } from '../../../room/protocol.ts';
import { RoomSocket, socketUrl, type SocketStatus } from '../../../room/socket.ts';
import { readHostSession, saveHostSession } from '../../../room/storage.ts';
import type { LessonActions } from '../../../runtime/lessonActions.ts';
import type { AppStore } from '../../../store/appStore.ts';
import { downloadBlob } from '../../../export/download.ts';

/**
 * The facilitator's end of a room: it opens the room (or takes it back after a reload, with the
 * secret token kept in localStorage), keeps the room on the lesson step the app shows (Next, Back,
 * PageDown or a lesson link all move the room), and turns Reveal into the lesson's own check run in
 * the engine, whose figures go to the server. What the room bar and its dialogs draw is `view`.
 */

export interface HostView {
  status: SocketStatus | 'idle';
  code: string | null;
  state: RoomState | null;
  tally: RoomTally | null;
  /** The last thing the server refused, or why the room could not open. */
  problem: string | null;
  joinOpen: boolean;
  revealOpen: boolean;
  measuring: boolean;
}

const IDLE: HostView = {
  status: 'idle',
  code: null,
  state: null,
  tally: null,
  problem: null,
  joinOpen: false,
  revealOpen: false,
  measuring: false,
};

const sameStep = (a: StepRef | null, key: string | null) =>
  (a === null && key === null) || (a !== null && `${a.lessonId}/${a.step}` === key);

export class HostRoom {
  readonly view: StoreApi<HostView> = createStore(() => IDLE);
  private socket: RoomSocket | null = null;
  private unfollow: (() => void) | null = null;
  /** After each welcome (a new room, a reload, a reconnection) the room catches up with the app's step. */
  private catchUp = false;

  constructor(
    private readonly app: AppStore,
    private readonly lessons: LessonActions,
    private readonly href: () => string = () => location.href,
  ) {
    // A reload: the room this browser opened is taken back.
    const kept = readHostSession();
    if (kept) this.connect({ type: 'host', v: 1, code: kept.code, token: kept.token });
  }

  /** "Open room": a new room on the server, its join code shown large. */
  open(): void {
    this.connect({ type: 'create', v: 1 });
    this.set({ joinOpen: true });
  }

  /** The app's lesson step, as the room names it. */
  private appStep(): StepRef | null {
    const l = this.app.getState().lesson;
    return l ? { lessonId: l.id, step: l.step } : null;
  }

  private connect(hello: Extract<ClientMessage, { type: 'create' | 'host' }>): void {
    this.socket?.stop();
    let token: { code: string; token: string } | null = null;
    this.socket = new RoomSocket(socketUrl(this.href()), {
      // After the first welcome, every reconnection takes the same room back.
      hello: () => (token ? { type: 'host', v: 1, ...token } : hello),
      status: (status) => this.set({ status }),
      message: (m) => {
        if (m.type === 'welcome') {
          token = { code: m.code, token: m.token };
          saveHostSession(token);
          this.set({ code: m.code, problem: null });
          this.catchUp = true;
        }
        this.receive(m);
      },
    });
    this.unfollow?.();
    // The room follows the app's lesson step, whichever way it moves.
    this.unfollow = this.app.subscribe((s, prev) => {
      if (s.lesson !== prev.lesson) this.follow();
    });
  }

  private follow(): void {
    const at = this.appStep();
    const key = this.view.getState().state?.step?.key ?? null;
    if (!sameStep(at, key)) this.socket?.send({ type: 'step', at });
  }

  private receive(m: ServerMessage): void {
    switch (m.type) {
      case 'state': {
        const before = this.view.getState();
        // The reveal opens when this step turns revealed, and closes when the room moves on.
        const sameKey = before.state?.step?.key === m.step?.key;
        const revealed = m.phase === 'revealed' && sameKey && before.state?.phase !== 'revealed';
        this.set({
          state: m,
          revealOpen: revealed || (before.revealOpen && sameKey && m.phase === 'revealed'),
        });
        // Just opened, taken back or reconnected: the room moves to the step on screen, if there is one
        // (it may have moved while the connection was down).
        if (this.catchUp && this.appStep()) this.follow();
        this.catchUp = false;
        return;
      }
      case 'tally':
        return this.set({ tally: m });
      case 'csv':
        return downloadBlob(new Blob([m.text], { type: 'text/csv;charset=utf-8' }), m.fileName);
      case 'ended':
        return this.reset(
          m.reason === 'expired' ? 'The room expired after a long time without activity.' : null,
        );
      case 'error':
        if (m.code === 'no-room') return this.reset(`${m.message} Open a new room.`);
        return this.set({ problem: m.message });
    }
  }

  private reset(problem: string | null): void {
    this.socket?.stop();
    this.socket = null;
    this.unfollow?.();
    saveHostSession(null);
    this.view.setState({ ...IDLE, problem });
  }

  setOpen(open: boolean): void {
    this.socket?.send({ type: open ? 'reopen' : 'close' });
  }

  /** Runs the step's check in the engine and reveals the room's answers beside its figures. */
  async reveal(): Promise<void> {
    this.set({ measuring: true, problem: null });
    try {
      const m = await this.lessons.measure();
      if (!m) return;
      // A figure that could not be measured (0 of 0) is left out; the server says which is missing.
      const values = Object.fromEntries(
        Object.entries(m.values).filter(([, v]) => typeof v === 'string' || Number.isFinite(v)),
      ) as Record<string, number | string>;
      if (!this.socket?.send({ type: 'reveal', values }))
        this.set({ problem: 'The room server does not answer just now; press Reveal again in a moment.' });
    } catch (e) {
      this.set({ problem: `The step could not be measured: ${e instanceof Error ? e.message : String(e)}` });
    } finally {
      this.set({ measuring: false });
    }
  }

  next(): void {
    this.set({ revealOpen: false });
    void this.lessons.next();
  }

  exportCsv(): void {
    this.socket?.send({ type: 'export' });
  }

  end(): void {
    this.socket?.send({ type: 'end' });
  }

  showJoin(open: boolean): void {
    this.set({ joinOpen: open });
  }

  showReveal(open: boolean): void {
    this.set({ revealOpen: open });
  }

  private set(part: Partial<HostView>): void {
    this.view.setState(part);
  }
}
