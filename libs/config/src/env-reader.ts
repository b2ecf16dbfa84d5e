import { isIP } from 'node:net';
import { ConfigValidationError } from './config-validation.error.js';

/** A host name as DNS allows it (RFC 1123): dot-separated labels of letters, digits and inner hyphens. */
const HOST_NAME = /^(?=.{1,253}$)[a-z\d]([a-z\d-]{0,61}[a-z\d])?(\.[a-z\d]([a-z\d-]{0,61}[a-z\d])?)*$/i;

export type Env = Readonly<Record<string, string | undefined>>;

export interface NumberRule {
  default?: number;
  min?: number;
  max?: number;
  integer?: boolean;
}

/**
 * Reads typed values from an environment, collecting every problem instead of stopping at the first,
 * then `assertValid()` throws one error that lists them all. An unset or empty variable takes its
 * default; a set but malformed one is always an error, never silently replaced by the default.
 */
export class EnvReader {
  private readonly problems: string[] = [];

  constructor(private readonly env: Env) {}

  string(name: string, defaultValue?: string): string {
    const raw = this.raw(name);
    if (raw !== undefined) return raw;
    if (defaultValue === undefined) {
      this.problems.push(`${name} is required`);
      return '';
    }
    return defaultValue;
  }

  optionalString(name: string): string | undefined {
    return this.raw(name);
  }

  number(name: string, rule: NumberRule): number {
    const raw = this.raw(name);
    const fallback = rule.default ?? Number.NaN;
    if (raw === undefined) {
      if (rule.default === undefined) this.problems.push(`${name} is required`);
      return fallback;
    }
    const value = Number(raw);
    const kind = rule.integer ? 'an integer' : 'a number';
    if (!/^-?\d+(\.\d+)?$/.test(raw) || !Number.isFinite(value) || (rule.integer && !Number.isInteger(value))) {
      this.problems.push(`${name} must be ${kind}, got "${raw}"`);
      return fallback;
    }
    if ((rule.min !== undefined && value < rule.min) || (rule.max !== undefined && value > rule.max)) {
      this.problems.push(`${name} must be ${kind} ${describeRange(rule.min, rule.max)}, got ${raw}`);
      return fallback;
    }
    return value;
  }

  optionalNumber(name: string, rule: Omit<NumberRule, 'default'>): number | undefined {
    return this.raw(name) === undefined ? undefined : this.number(name, rule);
  }

  integer(name: string, rule: Omit<NumberRule, 'integer'>): number {
    return this.number(name, { ...rule, integer: true });
  }

  port(name: string, defaultValue: number): number {
    return this.integer(name, { default: defaultValue, min: 0, max: 65535 });
  }

  /**
   * An address to listen on or connect to: an IP address (`0.0.0.0`, `::1`) or a host name (`localhost`). Checked
   * here, so that a typo stops start-up naming the variable, not later as a resolver error naming nothing.
   */
  host(name: string, defaultValue: string): string {
    const raw = this.raw(name);
    if (raw === undefined) return defaultValue;
    if (isIP(raw) !== 0 || HOST_NAME.test(raw)) return raw;
    this.problems.push(`${name} must be an IP address or a host name, got "${raw}"`);
    return defaultValue;
  }

  boolean(name: string, defaultValue: boolean): boolean {
    const raw = this.raw(name);
    if (raw === undefined) return defaultValue;
    if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
    if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
    this.problems.push(`${name} must be true or false, got "${raw}"`);
    return defaultValue;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], defaultValue: T): T {
    const raw = this.raw(name);
    if (raw === undefined) return defaultValue;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    this.problems.push(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
    return defaultValue;
  }

  /** A comma-separated list of numbers, e.g. `80,10,10`. */
  numberList(name: string, defaultValue: readonly number[], length?: number): number[] {
    const raw = this.raw(name);
    if (raw === undefined) return [...defaultValue];
    const parts = raw.split(',').map((part) => part.trim());
    const values = parts.map(Number);
    const malformed = parts.some((part) => !/^\d+(\.\d+)?$/.test(part)) || !values.every(Number.isFinite);
    if (malformed || (length !== undefined && values.length !== length)) {
      const count = length === undefined ? '' : `${length} `;
      this.problems.push(`${name} must be ${count}comma-separated non-negative numbers, got "${raw}"`);
      return [...defaultValue];
    }
    return values;
  }

  /**
   * Non-negative numbers by key, `one=200,three=0`: each key one of `defaults`', each unset key its default.
   * Keyed rather than positional, so that a new key changes no existing setting.
   */
  keyedNumbers<K extends string>(name: string, defaults: Readonly<Record<K, number>>): Record<K, number> {
    const values = { ...defaults } as Record<K, number>;
    const raw = this.raw(name);
    if (raw === undefined) return values;
    const keys = Object.keys(defaults);
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const entry of raw.split(',').map((part) => part.trim())) {
      const match = /^([\w-]+)=(\d+(?:\.\d+)?)$/.exec(entry);
      if (!match) problems.push(`"${entry}" is not key=number`);
      else if (!keys.includes(match[1])) problems.push(`"${match[1]}" is not one of ${keys.join(', ')}`);
      else if (seen.has(match[1])) problems.push(`"${match[1]}" is set twice`);
      else {
        seen.add(match[1]);
        values[match[1] as K] = Number(match[2]);
      }
    }
    if (problems.length === 0) return values;
    this.problems.push(`${name} must be comma-separated key=number pairs (${problems.join('; ')}), got "${raw}"`);
    return { ...defaults };
  }

  /** Records a problem found by a cross-field check that the typed readers cannot express. */
  reject(name: string, message: string): void {
    this.problems.push(`${name} ${message}`);
  }

  assertValid(): void {
    if (this.problems.length > 0) throw new ConfigValidationError(this.problems);
  }

  private raw(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }
}

function describeRange(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `between ${min} and ${max}`;
  return min !== undefined ? `at least ${min}` : `at most ${String(max)}`;
}
