/**
 * What a browser keeps of a room, in localStorage: the facilitator's room and secret token (so a
 * reload takes the room back), and each joined room's participant token (so a participant who reloads
 * or loses the network comes back as the same person, guess kept). A value that does not read as one
 * of these counts as none; storage that cannot be used only means a reload starts afresh.
 */

export const HOST_KEY = 'cachescope.room.host.v1';
const joinKey = (code: string) => `cachescope.room.join.v1.${code}`;

export interface HostSession {
  code: string;
  token: string;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function read(key: string): unknown {
  try {
    const raw = storage()?.getItem(key);
    return raw ? (JSON.parse(raw) as unknown) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    if (value === null) storage()?.removeItem(key);
    else storage()?.setItem(key, JSON.stringify(value));
  } catch {
    // Full or blocked: the room works, a reload just starts afresh.
  }
}

const isText = (v: unknown, max: number): v is string =>
  typeof v === 'string' && v.length > 0 && v.length <= max;

export function readHostSession(): HostSession | null {
  const v = read(HOST_KEY) as Partial<HostSession> | null;
  return v && isText(v.code, 16) && isText(v.token, 64) ? { code: v.code, token: v.token } : null;
}

export const saveHostSession = (s: HostSession | null): void => write(HOST_KEY, s);

/** Whether this browser holds a facilitator's room (cheap: the page's first load asks it). */
export const hostSessionStored = (): boolean => readHostSession() !== null;

export function readJoinToken(code: string): string | null {
  const v = read(joinKey(code));
  return isText(v, 64) ? v : null;
}

export const saveJoinToken = (code: string, token: string | null): void => write(joinKey(code), token);
