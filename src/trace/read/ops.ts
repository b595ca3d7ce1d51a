import { OP_NAMES } from '../types.ts';

const CODES = new Map<string, number>(OP_NAMES.map((name, code) => [name, code]));

/** The operation code of an op name in bytes (any letter case), or -1. */
export function opCode(buf: Uint8Array, start: number, end: number): number {
  if (end - start > 8) return -1;
  let name = '';
  for (let i = start; i < end; i++) {
    const c = buf[i] as number;
    name += String.fromCharCode(c >= 65 && c <= 90 ? c + 32 : c);
  }
  return CODES.get(name) ?? -1;
}

export const OPS_LIST = OP_NAMES.join(', ');
