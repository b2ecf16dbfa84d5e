import { DEFAULT_ROUTE_MIX, formatRouteMix, ROUTE_NAMES, TRAFFIC_DEFAULTS, TRAFFIC_LIMITS } from '@app/traffic';

const COMMAND = 'node dist/apps/traffic/src/main.js';

/** The `--help` text; defaults and caps come from the library, so the text cannot drift from the code. */
export function cliUsage(): string {
  return `Usage: ${COMMAND} --target URL [--target URL ...] (--requests N | --duration S) [options]

Sends GET requests to the task routes of one or more apps, as the course's generator did
(${TRAFFIC_DEFAULTS.concurrency} workers, ${TRAFFIC_DEFAULTS.timeoutSeconds} s timeout, random routes), then prints requests by route, status
and target, and latency percentiles. Every run is bounded: it stops by itself.

Options:
  --target URL        base URL of an app, e.g. http://127.0.0.1:8080 (required); repeat it to
                      spread the requests over several apps, in turn
  --requests N        send exactly N requests (1 to ${TRAFFIC_LIMITS.maxRequests})
  --duration S        stop starting requests after S seconds (up to ${TRAFFIC_LIMITS.maxDurationSeconds})
                      at least one of --requests and --duration is required; the first reached ends the run
  --concurrency N     requests in flight at most, 1 to ${TRAFFIC_LIMITS.maxConcurrency} (default ${TRAFFIC_DEFAULTS.concurrency})
  --rate R            requests started per second at most (default: no limit)
  --mix SPEC          relative weight of each route (default ${formatRouteMix(DEFAULT_ROUTE_MIX)});
                      routes: ${ROUTE_NAMES.join(', ')}
  --weights A,B,C     weights of the 200,404,500 outcomes of /sample-signals, e.g. 80,10,10
                      (default: the server's own)
  --timeout S         client timeout of one request, in seconds (default ${TRAFFIC_DEFAULTS.timeoutSeconds}, up to ${TRAFFIC_LIMITS.maxTimeoutSeconds})
  --seed N            seed of the route choice, to replay a run (default: random, printed in the summary)
  --refused-share F   share of requests, 0 to 1, sent with a query parameter the route refuses (400)
                      (default ${TRAFFIC_DEFAULTS.refusedShare})
  --quiet             no progress line
  --json              print the report as JSON instead of the summary table
  --help              print this help

Progress goes to stderr, the summary to stdout. Ctrl-C stops the run early: requests in flight
finish, then the summary is printed (Ctrl-C again quits at once).

Exit codes: 0 run completed, 2 bad options, 130 interrupted (143 on SIGTERM), 1 unexpected failure.

Example:
  ${COMMAND} --target http://127.0.0.1:8080 --target http://127.0.0.1:8081 \\
    --duration 60 --rate 20 --mix one=1,error=1,sample-signals=8 --weights 80,10,10`;
}
