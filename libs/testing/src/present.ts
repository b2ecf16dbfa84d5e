/**
 * `value`, checked: what a non-null assertion (`!`) would only assume. A test whose precondition breaks then
 * fails naming what was missing, instead of on `undefined` somewhere further on.
 */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`expected ${what}, found none`);
  return value;
}
