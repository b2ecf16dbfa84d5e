/**
 * What parsing one option's value gives: the value, or every problem found in it. A problem is a
 * sentence without its subject ("must be ...", "has ..."), so the caller can prefix the option's
 * name as its user knows it: `mix` in code, `--mix` on the command line.
 */
export type OptionParseResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: string[] };

export const parsed = <T>(value: T): OptionParseResult<T> => ({ ok: true, value });

export const rejected = <T>(...problems: string[]): OptionParseResult<T> => ({ ok: false, problems });
