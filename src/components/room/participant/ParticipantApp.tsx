import { useState, type FormEvent } from 'react';
import { displayCode, normalizeCode } from '../../../room/code.ts';
import { roomServerBase } from '../../../room/serverHere.ts';
import { readJoinToken } from '../../../room/storage.ts';
import { ROOM_LIMITS } from '../../../room/protocol.ts';
import { ParticipantRoom } from './participantRoom.ts';
import { RoomScreen } from './RoomScreen.tsx';
import '../room.css';

/**
 * A participant's page (`?join=CODE`), made for a phone: the room's code (typed, when the link has
 * none), an optional name, then the room. Someone who was in the room before (a reload, a lost
 * network) goes straight back in, as the same participant.
 */
export function ParticipantApp({ code, rejoin }: { code: string | null; rejoin: ParticipantRoom | null }) {
  const [room, setRoom] = useState(rejoin);
  if (roomServerBase() === null) {
    return (
      <main className="participant">
        <h1>Cachescope room</h1>
        <p role="alert">
          This page was not served by a Cachescope room server, so there is no room to join here. Ask the
          facilitator for the room’s link.
        </p>
      </main>
    );
  }
  if (room) return <RoomScreen room={room} />;
  return <JoinForm code={code} onJoin={(c, name) => setRoom(new ParticipantRoom(c, name))} />;
}

/** The room a `?join=` link opens: straight back in for someone who was in it, else the join form. */
export function participantStart(link: string): { code: string | null; rejoin: ParticipantRoom | null } {
  const code = normalizeCode(link);
  const back = code !== null && roomServerBase() !== null && readJoinToken(code) !== null;
  return { code, rejoin: back ? new ParticipantRoom(code, '') : null };
}

function JoinForm({ code, onJoin }: { code: string | null; onJoin: (code: string, name: string) => void }) {
  const [typed, setTyped] = useState('');
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const c = code ?? normalizeCode(typed);
    if (c) onJoin(c, name.trim());
    else setProblem('A room code has 8 letters and digits, like K7QM-3XRD.');
  };
  return (
    <main className="participant">
      <h1>Cachescope room{code && <span className="room-muted"> {displayCode(code)}</span>}</h1>
      <form className="participant-join" onSubmit={submit}>
        {!code && (
          <label>
            Room code
            <input
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoCapitalize="characters"
              autoComplete="off"
            />
          </label>
        )}
        <label>
          Your name <span className="room-muted">(optional)</span>
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={ROOM_LIMITS.nameLength}
            autoComplete="nickname"
          />
        </label>
        <button type="submit" className="btn primary">
          Join
        </button>
        {problem && <p role="alert">{problem}</p>}
      </form>
    </main>
  );
}
