import { outcomeKey, type RequestOutcome } from './request-outcome.js';
import type { RouteName } from './traffic-routes.js';

/** Distinct network error codes kept by name; any further code is counted under `other`. */
const MAX_ERROR_CODES = 16;

export type Counts = Readonly<Record<string, number>>;

/**
 * Counts finished requests by target, route and outcome (`200`, `404`, `timeout`, `error`, ...).
 * Every key set is bounded: targets and routes by the options, outcomes by HTTP's status range
 * plus two, network error codes by `MAX_ERROR_CODES`.
 */
export class TrafficTally {
  private readonly cells = new Map<string, Map<RouteName, Map<string, number>>>();
  private readonly errorCodes = new Map<string, number>();
  private finishedCount = 0;

  get finished(): number {
    return this.finishedCount;
  }

  add(target: string, route: RouteName, outcome: RequestOutcome): void {
    this.finishedCount++;
    let byRoute = this.cells.get(target);
    if (byRoute === undefined) this.cells.set(target, (byRoute = new Map<RouteName, Map<string, number>>()));
    let byOutcome = byRoute.get(route);
    if (byOutcome === undefined) byRoute.set(route, (byOutcome = new Map<string, number>()));
    const key = outcomeKey(outcome);
    byOutcome.set(key, (byOutcome.get(key) ?? 0) + 1);
    if (outcome.kind === 'error') {
      const code = this.errorCodes.has(outcome.code) || this.errorCodes.size < MAX_ERROR_CODES ? outcome.code : 'other';
      this.errorCodes.set(code, (this.errorCodes.get(code) ?? 0) + 1);
    }
  }

  byTarget(): Counts {
    return this.sum((target) => target);
  }

  byRoute(): Counts {
    return this.sum((_target, route) => route);
  }

  byOutcome(): Counts {
    return this.sum((_target, _route, outcome) => outcome);
  }

  /** Route → outcome → count: the summary table's body. */
  byRouteAndOutcome(): Readonly<Record<string, Counts>> {
    const table: Record<string, Record<string, number>> = {};
    for (const [, byRoute] of this.cells) {
      for (const [route, byOutcome] of byRoute) {
        const row = (table[route] ??= {});
        for (const [outcome, count] of byOutcome) row[outcome] = (row[outcome] ?? 0) + count;
      }
    }
    return table;
  }

  networkErrors(): Counts {
    return Object.fromEntries(this.errorCodes);
  }

  private sum(keyOf: (target: string, route: RouteName, outcome: string) => string): Counts {
    const totals: Record<string, number> = {};
    for (const [target, byRoute] of this.cells) {
      for (const [route, byOutcome] of byRoute) {
        for (const [outcome, count] of byOutcome) {
          const key = keyOf(target, route, outcome);
          totals[key] = (totals[key] ?? 0) + count;
        }
      }
    }
    return totals;
  }
}
