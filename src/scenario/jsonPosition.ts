/**
 * Finds where JSON text first goes wrong. `JSON.parse` reports a position only for some errors
 * (V8 says "Unexpected token '}'" with no offset), so a small scanner walks the grammar instead.
 * It only needs to agree with JSON.parse on *where*, not build a value.
 */

export interface JsonProblem {
  offset: number;
  line: number;
  column: number;
  /** What the scanner expected at that point. */
  expected: string;
}

class Stop extends Error {
  constructor(
    readonly offset: number,
    readonly expected: string,
  ) {
    super(expected);
  }
}

function scan(text: string): void {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i++;
  };
  const fail = (expected: string): never => {
    throw new Stop(i, i >= text.length ? `${expected} (the text ends too early)` : expected);
  };
  const str = (): void => {
    if (text[i] !== '"') fail('a double-quoted string');
    i++;
    for (;;) {
      const c = text[i];
      if (c === undefined || c === '\n') fail('a closing "');
      if (c === '"') break;
      if (c === '\\') {
        i++;
        const e = text[i] ?? '';
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('four hex digits after \\u');
          i += 4;
        } else if (!'"\\/bfnrt'.includes(e) || e === '') fail('a valid escape');
      } else if (c !== undefined && c < ' ') fail('no control characters in a string');
      i++;
    }
    i++;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        str();
        ws();
        if (text[i] !== ':') fail("':' after the property name");
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail("',' or '}'");
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail("',' or ']'");
      }
    }
    if (c === '"') return str();
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (m && m[0] !== '' && m[0] !== '-') return void (i += m[0].length);
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) return void (i += word.length);
    }
    fail('a value');
  };
  value();
  ws();
  if (i < text.length) fail('the end of the text');
}

/** Where the first syntax error is, or undefined when the text is valid JSON. */
export function locateJsonError(text: string): JsonProblem | undefined {
  try {
    scan(text);
    return undefined;
  } catch (e) {
    // The scanner recurses per level of nesting; text nested deeper than the stack allows is left to
    // JSON.parse's own message rather than thrown at the caller.
    if (!(e instanceof Stop)) return undefined;
    const before = text.slice(0, e.offset);
    const line = before.split('\n').length;
    const column = e.offset - before.lastIndexOf('\n');
    return { offset: e.offset, line, column, expected: e.expected };
  }
}
