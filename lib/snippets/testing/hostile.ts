/** For tests: strings built to break out of a literal or a comment in any of the snippet languages. */
import fc from 'fast-check';

export const HOSTILE_PIECES = [
  '"', "'", '\\', '`', '$', '\\u000a', '\\u0022', '\\\\u000a', '\\u005c', '$(touch pwned)', '`touch pwned`', '${process.exit(3)}', '#{x}',
  '\n', '\r', '\r\n', '\t', '\u2028', '\u2029', '\u0085', '\x7f', '\b', '\f', '\v', '\x1b[2J',
  '*/', '/*', '//', '#', '--', '%s', '{0}', '\\x41', '\\101', '\\N{LATIN SMALL LETTER A}', '\\U0001F600',
  '\ud800', '\udc00', '\u{1F600}', '\u202e', '\u2066', '\ufeff', '\u200b', 'é',
  '); Runtime.getRuntime().exec("touch pwned"); //', "'; touch pwned; '", '" + __import__("os").system("touch pwned") + "',
  '"); os.Exit(3) //', '"; System.Diagnostics.Process.Start("touch"); //', '\'\\\'\'', '"""', "'''", '@"', '$"', ' ',
] as const;

/** A string of hostile pieces and random code points (surrogate halves included through the pieces). */
export const hostileString = (maxPieces = 8): fc.Arbitrary<string> =>
  fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...HOSTILE_PIECES) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) }), { maxLength: maxPieces }).map((pieces) => pieces.join(''));
