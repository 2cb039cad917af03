/**
 * Text from a token or an editor, made inert for a Markdown renderer (Monaco's
 * hovers): every character Markdown or HTML could act on is escaped, and line
 * breaks become spaces, so a claim name shows as typed and can plant no link,
 * image, heading or markup.
 */
export function escapeMarkdown(text: string, max = 200): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return cut.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[\\`*_{}[\]()<>#+\-.!|~&:"'=$]/g, (c) => `\\${c}`);
}
