/** Linear-time trimming of a repeated character (a regular expression such as /\/+$/ backtracks quadratically). */
export function trimEndChar(text: string, char: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === char) end--;
  return end === text.length ? text : text.slice(0, end);
}
