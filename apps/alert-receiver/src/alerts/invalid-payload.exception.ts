import { BadRequestException } from '@nestjs/common';
import type { PayloadProblem } from './alertmanager-webhook.validator.js';

/**
 * A 400 whose JSON body names the first bad field (`field`) and lists every problem found, so that
 * whoever configured the sender knows what to fix.
 */
export class InvalidPayloadException extends BadRequestException {
  constructor(problems: readonly PayloadProblem[]) {
    const [first] = problems;
    super({
      statusCode: 400,
      error: 'Bad Request',
      field: first.field,
      message: `${first.field} ${first.message}`,
      problems,
    });
  }
}
