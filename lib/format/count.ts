/**
 * A count with thousands separators ("1,048,576"). Number#toLocaleString
 * makes a new formatter on every call; this one is made once and reused,
 * since counts are formatted on every keystroke.
 */
const countFormat = new Intl.NumberFormat('en');

export function formatCount(value: number): string {
  return countFormat.format(value);
}
