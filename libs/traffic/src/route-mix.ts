import { parsed, rejected, type OptionParseResult } from './option-parse-result.js';
import { isRouteName, ROUTE_NAMES, type RouteName } from './traffic-routes.js';

/** Relative weight of each route; a route left out (or at 0) is never called. */
export type RouteMix = Readonly<Partial<Record<RouteName, number>>>;

/**
 * Reads a mix, either as text (`one=1,two=1,sample-signals=5`, the command-line form) or as an object.
 * Routes must be known, weights non-negative finite numbers, and their total positive.
 */
export function parseRouteMix(input: string | RouteMix): OptionParseResult<RouteMix> {
  const entries =
    typeof input === 'string'
      ? splitMixText(input)
      : parsed(Object.entries(input).map(([name, weight]): MixEntry => ({ name, weight, raw: String(weight) })));
  if (!entries.ok) return rejected(...entries.problems);
  const problems: string[] = [];
  const mix: Partial<Record<RouteName, number>> = {};
  for (const { name, weight, raw } of entries.value) {
    if (!isRouteName(name)) {
      problems.push(`has an unknown route "${name.slice(0, 40)}" (known: ${ROUTE_NAMES.join(', ')})`);
    } else if (mix[name] !== undefined) {
      problems.push(`names the route ${name} more than once`);
    } else if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
      problems.push(`weight of ${name} must be a non-negative number, got "${raw.slice(0, 40)}"`);
    } else {
      mix[name] = weight;
    }
  }
  if (problems.length > 0) return rejected(...problems);
  if (totalWeight(mix) <= 0) return rejected('must give at least one route a positive weight');
  return parsed(mix);
}

/** The share of traffic each route gets, as fractions summing to 1 (routes of weight 0 left out). */
export function routeShares(mix: RouteMix): Partial<Record<RouteName, number>> {
  const total = totalWeight(mix);
  const shares: Partial<Record<RouteName, number>> = {};
  for (const name of ROUTE_NAMES) {
    const weight = mix[name] ?? 0;
    if (weight > 0) shares[name] = weight / total;
  }
  return shares;
}

/** The text form of a mix, as `--mix` takes it. */
export function formatRouteMix(mix: RouteMix): string {
  return ROUTE_NAMES.flatMap((name) => {
    const weight = mix[name] ?? 0;
    return weight > 0 ? [`${name}=${weight}`] : [];
  }).join(',');
}

function totalWeight(mix: RouteMix): number {
  return ROUTE_NAMES.reduce((sum, name) => sum + (mix[name] ?? 0), 0);
}

interface MixEntry {
  name: string;
  weight: unknown;
  raw: string;
}

function splitMixText(text: string): OptionParseResult<MixEntry[]> {
  const parts = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length === 0) return rejected('must list at least one route=weight pair, e.g. one=1,error=1');
  const entries: MixEntry[] = [];
  const problems: string[] = [];
  for (const part of parts) {
    const match = /^([^=\s]+)\s*=\s*(\S*)$/.exec(part);
    if (match === null) {
      problems.push(`entry "${part.slice(0, 40)}" must be route=weight`);
      continue;
    }
    const [, name, raw] = match;
    entries.push({ name, raw, weight: /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN });
  }
  return problems.length > 0 ? rejected(...problems) : parsed(entries);
}
