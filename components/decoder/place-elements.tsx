import { Fragment, type ReactNode } from 'react';

// Places elements (a <code> name, a <strong> phrase) where a translated sentence puts them: the
// sentence is formatted with a marker for each element's argument, then cut at the markers.

/** What a message gets for the argument that stands for element `index`. */
export function elementMark(index: number): string {
  return `\u0000${index}\u0000`;
}

/** The message with each marker replaced by its element, in the order the language wrote them. */
export function placeElements(text: string, elements: readonly ReactNode[]): ReactNode {
  return text.split(/\u0000(\d+)\u0000/).map((part, index) => <Fragment key={index}>{index % 2 === 0 ? part : elements[Number(part)]}</Fragment>);
}
