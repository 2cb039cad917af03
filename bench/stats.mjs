// Median, min and max of repeated measurements, and how they are printed.

/** Summary of numbers (nulls, from failed runs, are counted but left out). */
export function summarise(values) {
  const numbers = values.filter((value) => typeof value === 'number' && Number.isFinite(value)).sort((a, b) => a - b);
  const failed = values.length - numbers.length;
  if (numbers.length === 0) return { median: null, min: null, max: null, runs: values.length, failed };
  const middle = Math.floor(numbers.length / 2);
  const median = numbers.length % 2 === 1 ? numbers[middle] : (numbers[middle - 1] + numbers[middle]) / 2;
  return { median, min: numbers[0], max: numbers[numbers.length - 1], runs: values.length, failed };
}

export const KiB = 1024;

export function formatMs(value) {
  if (value === null || value === undefined) return '—';
  return value >= 100 ? `${Math.round(value)}` : value.toFixed(1);
}

export function formatKiB(bytes) {
  if (bytes === null || bytes === undefined) return '—';
  return `${(bytes / KiB).toFixed(1)}`;
}

/** "median (min–max)" */
export function spread(summary, format) {
  if (summary.median === null) return 'failed';
  const range = summary.min === summary.max ? '' : ` (${format(summary.min)}–${format(summary.max)})`;
  const failures = summary.failed ? ` [${summary.failed} failed]` : '';
  return `${format(summary.median)}${range}${failures}`;
}

/** A plain-text table with aligned columns. */
export function table(headers, rows) {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => String(row[column] ?? '').length)));
  const line = (cells) => cells.map((cell, column) => String(cell ?? '').padEnd(widths[column])).join('  ').trimEnd();
  return [line(headers), widths.map((width) => '─'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}
