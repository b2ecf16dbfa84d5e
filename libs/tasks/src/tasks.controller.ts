import { Controller, Get, Inject, InternalServerErrorException, NotFoundException, Query, Req } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import {
  FIXED_TASKS,
  OUTCOME_STATUS,
  TASK_ROUTES,
  type FixedTask,
  type TaskName,
  type TaskOutcome,
} from '@app/metrics';
import { assertNoQueryParameters, parseSampleSignalsQuery } from './sample-signals.query.js';
import { TasksService } from './tasks.service.js';
import { TASKS_SETTINGS } from './tasks.tokens.js';
import type { TasksSettings } from './tasks.settings.js';

/** A request as Express hands it to a handler: its router set `route` to the matched route. */
type RoutedRequest = IncomingMessage & { route?: { path?: unknown } };

/** The fixed routes by path (libs/metrics' TASK_ROUTES). */
const FIXED_ROUTES: ReadonlyMap<string, FixedTask> = new Map(FIXED_TASKS.map((task) => [TASK_ROUTES[task].path, task]));
const FIXED_ROUTE_PATHS = [...FIXED_ROUTES.keys()];

/** Which fixed route matched: Express's route template, not the request's path (`/One/` matches `/one`). */
function taskOfRoute(request: RoutedRequest): FixedTask {
  const task = FIXED_ROUTES.get(String(request.route?.path));
  if (task === undefined) throw new Error(`no fixed task route matched ${String(request.url)}`);
  return task;
}

/** Turns an outcome into the HTTP answer: exceptions, so that Nest's filters and every interceptor see the status. */
function answer(task: TaskName, outcome: TaskOutcome): TaskAnswer {
  switch (outcome) {
    case 'not_found':
      throw new NotFoundException({ statusCode: 404, error: 'Not Found', task, outcome });
    case 'server_error':
      throw new InternalServerErrorException({ statusCode: 500, error: 'Internal Server Error', task, outcome });
    default:
      return { task, outcome, status: OUTCOME_STATUS[outcome] };
  }
}

export interface TaskAnswer {
  task: TaskName;
  outcome: TaskOutcome;
  status: number;
}

/**
 * The course's sample routes. Thin: validation and work live in their own files.
 * Dependencies are injected by explicit token rather than by emitted type metadata, so that the
 * class keeps working under per-file transpilers (isolatedModules) and type-only import rewrites.
 */
@Controller()
export class TasksController {
  constructor(
    @Inject(TasksService) private readonly tasks: TasksService,
    @Inject(TASKS_SETTINGS) private readonly settings: TasksSettings,
  ) {}

  /** Every fixed route of the table: one handler, registered by Nest once per path (each its own `route`). */
  @Get(FIXED_ROUTE_PATHS)
  async fixed(@Req() request: RoutedRequest, @Query() query: Record<string, unknown>): Promise<TaskAnswer> {
    const task = taskOfRoute(request);
    assertNoQueryParameters(query);
    return answer(task, await this.tasks.fixed(task));
  }

  @Get(TASK_ROUTES.sample.path)
  async sample(@Query() query: Record<string, unknown>): Promise<TaskAnswer> {
    const request = parseSampleSignalsQuery(query, this.settings);
    return answer('sample', await this.tasks.sample(request));
  }
}
