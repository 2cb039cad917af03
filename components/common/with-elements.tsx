import { Fragment, type ReactNode } from 'react';

// A mark no message contains: each element's place in the translated sentence.
const MARK = '\u0000';

/**
 * A translated sentence with elements (code, links) in it, wherever its language puts
 * them: `format` is the message called with a mark for each named argument, which is
 * then replaced by its element. The words stay text; only the given elements are elements.
 */
export function withElements(format: (values: Record<string, string>) => string, elements: Record<string, ReactNode>): ReactNode[] {
  const values = Object.fromEntries(Object.keys(elements).map((name) => [name, `${MARK}${name}${MARK}`]));
  return format(values)
    .split(MARK)
    .map((piece, index) => <Fragment key={index}>{index % 2 === 1 && piece in elements ? elements[piece] : piece}</Fragment>);
}
