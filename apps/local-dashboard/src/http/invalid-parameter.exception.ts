import { BadRequestException } from '@nestjs/common';

/** Client input echoed in an error is cut to this length, so an error body stays small whatever is sent. */
const MAX_ECHOED_LENGTH = 60;

/** A 400 whose JSON body names the offending query parameter, as the apps answer theirs. */
export class InvalidParameterException extends BadRequestException {
  constructor(parameter: string, message: string) {
    const name = echo(parameter);
    super({ statusCode: 400, error: 'Bad Request', parameter: name, message: `${name} ${message}` });
  }
}

export function echo(input: string): string {
  return input.length > MAX_ECHOED_LENGTH ? `${input.slice(0, MAX_ECHOED_LENGTH)}…` : input;
}

/**
 * The one value of each parameter of a query string, refusing any name outside `known` and any repeated
 * name: a typo or a second value should not pass silently.
 */
export function singleValues<K extends string>(
  search: URLSearchParams,
  known: readonly K[],
): Partial<Record<K, string>> {
  const values: Partial<Record<K, string>> = {};
  for (const name of new Set(search.keys())) {
    if (!(known as readonly string[]).includes(name)) {
      throw new InvalidParameterException(name, `is not a known query parameter (known: ${known.join(', ')})`);
    }
    const all = search.getAll(name);
    if (all.length > 1) throw new InvalidParameterException(name, `must be given once, got ${all.length} values`);
    values[name as K] = all[0];
  }
  return values;
}
