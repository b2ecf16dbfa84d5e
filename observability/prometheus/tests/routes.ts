/** The routes of the tasks the promtool tests send requests to: TASK_ROUTES' paths, by the names the tests give them. */
import { TASK_ROUTES } from '@app/metrics';

export const ONE = TASK_ROUTES.one.path;
export const TWO = TASK_ROUTES.two.path;
export const FOUR = TASK_ROUTES.four.path;
export const ERROR = TASK_ROUTES.error.path;
export const SAMPLE = TASK_ROUTES.sample.path;
