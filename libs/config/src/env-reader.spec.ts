import { ConfigValidationError } from './config-validation.error.js';
import { EnvReader, type Env } from './env-reader.js';

/** Runs `read` on a fresh reader and returns what it read and the problems `assertValid()` reports. */
function readFrom<T>(env: Env, read: (reader: EnvReader) => T): { value: T; problems: readonly string[] } {
  const reader = new EnvReader(env);
  const value = read(reader);
  try {
    reader.assertValid();
    return { value, problems: [] };
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    return { value, problems: error.problems };
  }
}

/** Digits only, yet `Number()` makes it Infinity: a reader must not let it through. */
const TOO_LONG_FOR_A_DOUBLE = '9'.repeat(400);

describe('EnvReader', () => {
  describe('string', () => {
    it('returns the value, trimmed', () => {
      expect(readFrom({ NAME: '  svc ' }, (r) => r.string('NAME'))).toEqual({ value: 'svc', problems: [] });
    });

    it.each([undefined, '', '   '])('takes the default when the variable is %p', (raw) => {
      expect(readFrom({ NAME: raw }, (r) => r.string('NAME', 'fallback'))).toEqual({ value: 'fallback', problems: [] });
    });

    it('accepts an empty default', () => {
      expect(readFrom({}, (r) => r.string('NAME', ''))).toEqual({ value: '', problems: [] });
    });

    it.each([undefined, ''])('reports a required variable that is %p', (raw) => {
      expect(readFrom({ NAME: raw }, (r) => r.string('NAME')).problems).toEqual(['NAME is required']);
    });
  });

  describe('optionalString', () => {
    it.each([
      [undefined, undefined],
      ['', undefined],
      [' x ', 'x'],
    ])('reads %p as %p', (raw, expected) => {
      expect(readFrom({ NAME: raw }, (r) => r.optionalString('NAME'))).toEqual({ value: expected, problems: [] });
    });
  });

  describe('number', () => {
    it.each([
      ['42', 42],
      ['-3', -3],
      ['0.25', 0.25],
      [' 7 ', 7],
      ['007', 7],
    ])('reads %p as %p', (raw, expected) => {
      expect(readFrom({ N: raw }, (r) => r.number('N', {}))).toEqual({ value: expected, problems: [] });
    });

    it.each([undefined, '', '  '])('takes the default when the variable is %p', (raw) => {
      expect(readFrom({ N: raw }, (r) => r.number('N', { default: 5 }))).toEqual({ value: 5, problems: [] });
    });

    it('reports a required variable that is unset', () => {
      const { value, problems } = readFrom({}, (r) => r.number('N', {}));
      expect(value).toBeNaN();
      expect(problems).toEqual(['N is required']);
    });

    it.each(['abc', '1e3', '0x10', '1,5', '.5', '5.', '+5', 'Infinity', 'NaN', '1 2'])(
      'reports the malformed %p instead of taking the default',
      (raw) => {
        const { value, problems } = readFrom({ N: raw }, (r) => r.number('N', { default: 5 }));
        expect(value).toBe(5);
        expect(problems).toEqual([`N must be a number, got "${raw}"`]);
      },
    );

    it('reports digits too many for a double (Number() makes them Infinity)', () => {
      expect(readFrom({ N: TOO_LONG_FOR_A_DOUBLE }, (r) => r.number('N', { default: 5 }))).toEqual({
        value: 5,
        problems: [`N must be a number, got "${TOO_LONG_FOR_A_DOUBLE}"`],
      });
    });

    it('reports a bound crossed, naming the range', () => {
      expect(readFrom({ N: '11' }, (r) => r.number('N', { default: 5, min: 0, max: 10 }))).toEqual({
        value: 5,
        problems: ['N must be a number between 0 and 10, got 11'],
      });
      expect(readFrom({ N: '-1' }, (r) => r.number('N', { default: 5, min: 0 })).problems).toEqual([
        'N must be a number at least 0, got -1',
      ]);
      expect(readFrom({ N: '11' }, (r) => r.number('N', { default: 5, max: 10 })).problems).toEqual([
        'N must be a number at most 10, got 11',
      ]);
    });

    it('accepts both bounds themselves', () => {
      expect(readFrom({ N: '0' }, (r) => r.number('N', { min: 0, max: 10 })).value).toBe(0);
      expect(readFrom({ N: '10' }, (r) => r.number('N', { min: 0, max: 10 })).value).toBe(10);
    });
  });

  describe('integer', () => {
    it('reads a whole number', () => {
      expect(readFrom({ N: '12' }, (r) => r.integer('N', {}))).toEqual({ value: 12, problems: [] });
    });

    it('reports a fraction', () => {
      expect(readFrom({ N: '1.5' }, (r) => r.integer('N', { default: 2 }))).toEqual({
        value: 2,
        problems: ['N must be an integer, got "1.5"'],
      });
    });

    it('reports a bound crossed as an integer range', () => {
      expect(readFrom({ N: '100' }, (r) => r.integer('N', { default: 2, min: 1, max: 99 })).problems).toEqual([
        'N must be an integer between 1 and 99, got 100',
      ]);
    });
  });

  describe('optionalNumber', () => {
    it.each([undefined, ''])('is undefined, with no problem, when the variable is %p', (raw) => {
      expect(readFrom({ N: raw }, (r) => r.optionalNumber('N', { min: 0 }))).toEqual({
        value: undefined,
        problems: [],
      });
    });

    it('applies the rule when set', () => {
      expect(readFrom({ N: '3' }, (r) => r.optionalNumber('N', { integer: true }))).toEqual({ value: 3, problems: [] });
      expect(readFrom({ N: '-3' }, (r) => r.optionalNumber('N', { min: 0 })).problems).toEqual([
        'N must be a number at least 0, got -3',
      ]);
    });
  });

  describe('port', () => {
    it.each([
      [undefined, 3000],
      ['0', 0],
      ['8080', 8080],
      ['65535', 65535],
    ])('reads %p as %p', (raw, expected) => {
      expect(readFrom({ PORT: raw }, (r) => r.port('PORT', 3000))).toEqual({ value: expected, problems: [] });
    });

    it.each([
      ['65536', 'PORT must be an integer between 0 and 65535, got 65536'],
      ['-1', 'PORT must be an integer between 0 and 65535, got -1'],
      ['80.5', 'PORT must be an integer, got "80.5"'],
      ['http', 'PORT must be an integer, got "http"'],
    ])('reports %p', (raw, problem) => {
      expect(readFrom({ PORT: raw }, (r) => r.port('PORT', 3000))).toEqual({ value: 3000, problems: [problem] });
    });
  });

  describe('host', () => {
    it.each([
      [undefined, '0.0.0.0'],
      ['127.0.0.1', '127.0.0.1'],
      ['::', '::'],
      ['::1', '::1'],
      ['localhost', 'localhost'],
      ['alert-receiver', 'alert-receiver'],
      ['metrics.example.org', 'metrics.example.org'],
    ])('reads %p as %p', (raw, expected) => {
      expect(readFrom({ HOST: raw }, (r) => r.host('HOST', '0.0.0.0'))).toEqual({ value: expected, problems: [] });
    });

    it.each(['not a host', 'http://127.0.0.1', '127.0.0.1:8080', '-leading.example', 'under_score', 'a'.repeat(64)])(
      'reports %p',
      (raw) => {
        expect(readFrom({ HOST: raw }, (r) => r.host('HOST', '0.0.0.0'))).toEqual({
          value: '0.0.0.0',
          problems: [`HOST must be an IP address or a host name, got "${raw}"`],
        });
      },
    );
  });

  describe('boolean', () => {
    it.each([
      ['true', true],
      ['TRUE', true],
      ['1', true],
      ['yes', true],
      ['false', false],
      ['0', false],
      ['No', false],
    ])('reads %p as %p', (raw, expected) => {
      expect(readFrom({ B: raw }, (r) => r.boolean('B', !expected))).toEqual({ value: expected, problems: [] });
    });

    it.each([undefined, ''])('takes the default when the variable is %p', (raw) => {
      expect(readFrom({ B: raw }, (r) => r.boolean('B', true))).toEqual({ value: true, problems: [] });
    });

    it('reports anything else', () => {
      expect(readFrom({ B: 'maybe' }, (r) => r.boolean('B', true))).toEqual({
        value: true,
        problems: ['B must be true or false, got "maybe"'],
      });
    });
  });

  describe('oneOf', () => {
    const levels = ['debug', 'info', 'warn'] as const;

    it('reads an allowed value', () => {
      expect(readFrom({ L: 'warn' }, (r) => r.oneOf('L', levels, 'info'))).toEqual({ value: 'warn', problems: [] });
    });

    it.each([undefined, ''])('takes the default when the variable is %p', (raw) => {
      expect(readFrom({ L: raw }, (r) => r.oneOf('L', levels, 'info'))).toEqual({ value: 'info', problems: [] });
    });

    it('reports a value outside the list, case included, naming the allowed ones', () => {
      expect(readFrom({ L: 'WARN' }, (r) => r.oneOf('L', levels, 'info'))).toEqual({
        value: 'info',
        problems: ['L must be one of debug, info, warn, got "WARN"'],
      });
    });
  });

  describe('keyedNumbers', () => {
    const defaults = { one: 200, two: 400, 'sample-signals': 0 };

    it('overrides the keys it names and keeps the defaults of the others', () => {
      expect(readFrom({ K: ' one=0 , sample-signals=2.5' }, (r) => r.keyedNumbers('K', defaults))).toEqual({
        value: { one: 0, two: 400, 'sample-signals': 2.5 },
        problems: [],
      });
    });

    it.each([undefined, ''])('takes a copy of the defaults when the variable is %p', (raw) => {
      const { value, problems } = readFrom({ K: raw }, (r) => r.keyedNumbers('K', defaults));
      expect(value).toEqual(defaults);
      expect(value).not.toBe(defaults);
      expect(problems).toEqual([]);
    });

    it.each([
      ['0,0', '"0" is not key=number; "0" is not key=number'],
      ['one=-1', '"one=-1" is not key=number'],
      ['five=3', '"five" is not one of one, two, sample-signals'],
      ['one=1,one=2', '"one" is set twice'],
      ['one=1,', '"" is not key=number'],
    ])('reports %p, saying what is wrong and keeping every default', (raw, why) => {
      expect(readFrom({ K: raw }, (r) => r.keyedNumbers('K', defaults))).toEqual({
        value: defaults,
        problems: [`K must be comma-separated key=number pairs (${why}), got "${raw}"`],
      });
    });
  });

  describe('numberList', () => {
    it.each([
      ['80,10,10', [80, 10, 10]],
      [' 1 , 2.5 ,0 ', [1, 2.5, 0]],
      ['7', [7]],
    ])('reads %p as %p', (raw, expected) => {
      expect(readFrom({ L: raw }, (r) => r.numberList('L', [1]))).toEqual({ value: expected, problems: [] });
    });

    it.each([undefined, ''])('takes a copy of the default when the variable is %p', (raw) => {
      const defaults = [80, 10, 10] as const;
      const { value, problems } = readFrom({ L: raw }, (r) => r.numberList('L', defaults, 3));
      expect(value).toEqual([80, 10, 10]);
      expect(value).not.toBe(defaults);
      expect(problems).toEqual([]);
    });

    it.each(['80,10', '80,10,10,0', '80,,10', '80,10,10,', '80,-1,10', '80,1e1,10', 'a,b,c'])(
      'reports %p when 3 numbers are expected',
      (raw) => {
        expect(readFrom({ L: raw }, (r) => r.numberList('L', [80, 10, 10], 3))).toEqual({
          value: [80, 10, 10],
          problems: [`L must be 3 comma-separated non-negative numbers, got "${raw}"`],
        });
      },
    );

    it('reports an item with digits too many for a double', () => {
      const raw = `1,${TOO_LONG_FOR_A_DOUBLE}`;
      expect(readFrom({ L: raw }, (r) => r.numberList('L', [1, 1], 2))).toEqual({
        value: [1, 1],
        problems: [`L must be 2 comma-separated non-negative numbers, got "${raw}"`],
      });
    });

    it('accepts any length when none is expected', () => {
      expect(readFrom({ L: '1,2,3,4,5' }, (r) => r.numberList('L', [])).value).toEqual([1, 2, 3, 4, 5]);
      expect(readFrom({ L: '1,x' }, (r) => r.numberList('L', [])).problems).toEqual([
        'L must be comma-separated non-negative numbers, got "1,x"',
      ]);
    });
  });

  describe('reject', () => {
    it('records a cross-field problem under the variable name', () => {
      expect(readFrom({}, (r) => r.reject('A', 'must not exceed B')).problems).toEqual(['A must not exceed B']);
    });
  });

  describe('assertValid', () => {
    it('does not throw when every variable is valid', () => {
      const reader = new EnvReader({ PORT: '8080', FLAG: 'true' });
      reader.port('PORT', 3000);
      reader.boolean('FLAG', false);
      expect(() => reader.assertValid()).not.toThrow();
    });

    it('collects every problem and names every variable in one error', () => {
      const reader = new EnvReader({ PORT: 'http', FLAG: 'maybe', LEVEL: 'loud', LIST: '1,x' });
      reader.port('PORT', 3000);
      reader.boolean('FLAG', false);
      reader.oneOf('LEVEL', ['info'], 'info');
      reader.numberList('LIST', [1, 2]);
      reader.string('REQUIRED');
      reader.number('VALID', { default: 1 });

      let thrown: unknown;
      try {
        reader.assertValid();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ConfigValidationError);
      const error = thrown as ConfigValidationError;
      expect(error.name).toBe('ConfigValidationError');
      expect(error.problems.map((problem) => problem.split(' ')[0])).toEqual([
        'PORT',
        'FLAG',
        'LEVEL',
        'LIST',
        'REQUIRED',
      ]);
      expect(error.message).toBe(
        [
          'Invalid configuration:',
          '  - PORT must be an integer, got "http"',
          '  - FLAG must be true or false, got "maybe"',
          '  - LEVEL must be one of info, got "loud"',
          '  - LIST must be comma-separated non-negative numbers, got "1,x"',
          '  - REQUIRED is required',
        ].join('\n'),
      );
    });

    it('reads the environment it was given, not process.env', () => {
      process.env.ENV_READER_SPEC_ONLY_IN_PROCESS = '1';
      try {
        expect(readFrom({}, (r) => r.optionalString('ENV_READER_SPEC_ONLY_IN_PROCESS')).value).toBeUndefined();
      } finally {
        delete process.env.ENV_READER_SPEC_ONLY_IN_PROCESS;
      }
    });
  });
});
