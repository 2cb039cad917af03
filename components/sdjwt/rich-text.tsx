import { Fragment, type ReactNode } from 'react';

/**
 * A translated sentence with elements inside it (a <code>, say): the message is
 * formatted with a marker for each element, then split at the markers, so the
 * elements land wherever the language puts them.
 */
export function richText(format: (values: Record<string, string>) => string, elements: Record<string, ReactNode>): ReactNode[] {
  const names = Object.keys(elements);
  const markers = Object.fromEntries(names.map((name, index) => [name, `\u0001${index}\u0002`]));
  return format(markers)
    .split(/\u0001(\d+)\u0002/)
    .map((piece, index) => (index % 2 === 0 ? piece : <Fragment key={index}>{elements[names[Number(piece)]!]}</Fragment>));
}
