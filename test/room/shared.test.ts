// @vitest-environment jsdom
import { CODE_ALPHABET, displayCode, normalizeCode } from '../../src/room/code.ts';
import { joinLink, roomServerBase } from '../../src/room/serverHere.ts';
import { socketUrl } from '../../src/room/socket.ts';
import { HOST_KEY, readHostSession, readJoinToken, saveJoinToken } from '../../src/room/storage.ts';
import { newRoomCode } from '../../src/server/secrets.ts';

describe('room codes', () => {
  it('are 8 characters nobody misreads, typed any way', () => {
    const code = newRoomCode();
    expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{8}$`));
    expect(normalizeCode(` ${displayCode(code).toLowerCase()} `)).toBe(code);
    for (const bad of ['', 'K7QM3XR', 'K7QM3XRDD', 'K7QM3XR0', 'K7QM-3XRI', 'K7QM3XR!'])
      expect(normalizeCode(bad)).toBeNull();
  });
});

describe('where the room is', () => {
  afterEach(() => document.head.querySelector('meta[name="cachescope-room"]')?.remove());

  it('is only on a page the room server served, with the address it gives for join links', () => {
    expect(roomServerBase(document, 'http://localhost:5180/?lesson=stampede')).toBeNull();
    const meta = document.createElement('meta');
    meta.name = 'cachescope-room';
    meta.content = '';
    document.head.append(meta);
    expect(roomServerBase(document, 'http://localhost:5180/docs/index.html?lesson=x#s=1')).toBe(
      'http://localhost:5180/docs/',
    );
    meta.content = 'http://192.168.1.23:5180/';
    expect(roomServerBase(document, 'http://localhost:5180/')).toBe('http://192.168.1.23:5180/');
    expect(joinLink('http://192.168.1.23:5180/', 'K7QM3XRD')).toBe('http://192.168.1.23:5180/?join=K7QM3XRD');
  });

  it('has its socket beside the page, wss: under https', () => {
    expect(socketUrl('http://10.0.0.2:5180/?join=X')).toBe('ws://10.0.0.2:5180/room/ws');
    expect(socketUrl('https://example.org/cachescope/index.html#s=1')).toBe(
      'wss://example.org/cachescope/room/ws',
    );
  });
});

describe('what a browser keeps of a room', () => {
  beforeEach(() => localStorage.clear());

  it('reads damaged entries as nothing', () => {
    for (const raw of [
      '{',
      '"x"',
      '{"code":1,"token":"t"}',
      `{"code":"K7QM3XRD","token":"${'t'.repeat(65)}"}`,
    ]) {
      localStorage.setItem(HOST_KEY, raw);
      expect(readHostSession()).toBeNull();
    }
    saveJoinToken('K7QM3XRD', 'token-token-token-1');
    expect(readJoinToken('K7QM3XRD')).toBe('token-token-token-1');
    expect(readJoinToken('K7QM3XRE')).toBeNull();
    saveJoinToken('K7QM3XRD', null);
    expect(readJoinToken('K7QM3XRD')).toBeNull();
  });
});
