import { renderTextTable } from './text-table.js';

describe('renderTextTable', () => {
  it('aligns names left and numbers right, with a rule under the header and where asked', () => {
    const text = renderTextTable(
      [
        { header: 'route', align: 'left' },
        { header: 'sent', align: 'right' },
      ],
      [['one', '5'], ['sample-signals', '1234'], 'rule', ['total', '1239']],
    );
    expect(text.split('\n')).toEqual([
      'route           sent',
      '--------------  ----',
      'one                5',
      'sample-signals  1234',
      '--------------  ----',
      'total           1239',
    ]);
  });

  it('leaves no trailing spaces after a short last cell', () => {
    const text = renderTextTable(
      [
        { header: 'a', align: 'left' },
        { header: 'long header', align: 'left' },
      ],
      [['x', 'y']],
    );
    expect(text.split('\n').every((line) => line === line.trimEnd())).toBe(true);
  });
});
