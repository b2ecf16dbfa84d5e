import { alignSeries } from './aligned-data.js';

describe('alignSeries', () => {
  it('puts every series on the union of their timestamps, with gaps as null', () => {
    expect(
      alignSeries([
        {
          values: [
            [100, '1'],
            [110, '2'],
            [120, '3'],
          ],
        },
        {
          values: [
            [110, '0.5'],
            [130, '0.25'],
          ],
        },
      ]),
    ).toEqual([
      [100, 110, 120, 130],
      [1, 2, 3, null],
      [null, 0.5, null, 0.25],
    ]);
  });

  it('turns NaN and infinities into gaps', () => {
    expect(
      alignSeries([
        {
          values: [
            [1, 'NaN'],
            [2, '+Inf'],
            [3, '4'],
          ],
        },
      ]),
    ).toEqual([
      [1, 2, 3],
      [null, null, 4],
    ]);
  });

  it('gives uPlot an empty time axis when there is nothing', () => {
    expect(alignSeries([])).toEqual([[]]);
  });
});
