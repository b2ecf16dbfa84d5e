export interface TextColumn {
  readonly header: string;
  /** Numbers read best right-aligned; names left-aligned. */
  readonly align: 'left' | 'right';
}

/** A row of cells, or `'rule'` for a dashed line across the table (e.g. above a total). */
export type TextRow = readonly string[] | 'rule';

/**
 * Renders a plain-text table with aligned columns, two spaces apart, a dashed rule under the header.
 * Plain text on purpose: it reads the same in a terminal, a CI log and a pasted issue.
 */
export function renderTextTable(columns: readonly TextColumn[], rows: readonly TextRow[]): string {
  const widths = columns.map((column, index) =>
    Math.max(column.header.length, ...rows.map((row) => (row === 'rule' ? 0 : (row[index] ?? '').length))),
  );
  const line = (cells: readonly string[]) =>
    columns
      .map((column, index) => {
        const cell = cells[index] ?? '';
        return column.align === 'right' ? cell.padStart(widths[index]) : cell.padEnd(widths[index]);
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [
    line(columns.map((column) => column.header)),
    rule,
    ...rows.map((row) => (row === 'rule' ? rule : line(row))),
  ].join('\n');
}
