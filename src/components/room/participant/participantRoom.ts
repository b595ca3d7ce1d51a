import { createStore, type StoreApi } from 'zustand/vanilla';
import type { RoomGuess, RoomState, ServerMessage } from '../../../room/protocol.ts';
import { RoomSocket, socketUrl, type SocketStatus } from '../../../room/socket.ts';
import { readJoinToken, saveJoinToken } from '../../../room/storage.ts';

/**
 * A participant's end of a room: joins with the name given (or none), keeps the token the server
 * hands out in localStorage so a reload or a lost network comes back as the same participant with
 * the same guess, and holds the room as the server last described it.
 */

export interface ParticipantView {
  status: SocketStatus;
  state: RoomState | null;
  name: string | null;
  /** The last refusal (a guess too late, too many messages), or why the room cannot be joined. */
  problem: string | null;
  /** The room is over (ended by the facilitator, expired, or never there). */
  over: string | null;
}

export class ParticipantRoom {
  readonly view: StoreApi<ParticipantView>;
  private readonly socket: RoomSocket;

  constructor(
    readonly code: string,
    name: string,
    href: string = location.href,
  ) {
    this.view = createStore<ParticipantView>(() => ({
      status: 'connecting',
      state: null,
      name: null,
      problem: null,
      over: null,
    }));
    this.socket = new RoomSocket(socketUrl(href), {
      hello: () => {
        const token = readJoinToken(code);
        return { type: 'join', v: 1, code, ...(token ? { token } : {}), ...(name ? { name } : {}) };
      },
      status: (status) => this.view.setState({ status }),
      message: (m) => this.receive(m),
    });
  }

  private receive(m: ServerMessage): void {
    switch (m.type) {
      case 'welcome':
        saveJoinToken(this.code, m.token);
        return this.view.setState({ name: m.name, problem: null });
      case 'state':
        return this.view.setState({ state: m });
      case 'saved': {
        const state = this.view.getState().state;
        if (state?.step?.key === m.key)
          this.view.setState({ state: { ...state, yours: m.guess }, problem: null });
        return;
      }
      case 'ended':
        saveJoinToken(this.code, null);
        this.socket.stop();
        return this.view.setState({
          over:
            m.reason === 'expired' ? 'The room expired.' : 'The facilitator has ended the room. Thank you!',
        });
      case 'error':
        // Refused at the door: nothing to wait for on this connection.
        if (
          ['no-room', 'room-full', 'version'].includes(m.code) ||
          (m.code === 'rate' && !this.view.getState().state)
        ) {
          this.socket.stop();
          return this.view.setState({ over: m.message });
        }
        return this.view.setState({ problem: m.message });
    }
  }

  send(guess: RoomGuess): void {
    if (!this.socket.send({ type: 'guess', guess }))
      this.view.setState({
        problem: 'Not connected just now: your guess was not sent. Try again in a moment.',
      });
  }

  stop(): void {
    this.socket.stop();
  }
}
