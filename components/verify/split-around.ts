// Places an element (a <code> name, say) where a translated sentence puts it: the sentence is
// formatted with a marker for the element's argument, then cut at the marker.

/** What a message gets for the argument that stands for an element. */
export const ELEMENT_MARK = '\u0000';

/** The text before and after the element's place; all of it before when the message has no place for it. */
export function splitAround(text: string): [before: string, after: string] {
  const at = text.indexOf(ELEMENT_MARK);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + ELEMENT_MARK.length)];
}
