import { BadRequestException } from '@nestjs/common';

/** A 400 whose JSON body names the offending query parameter, so a client knows what to fix. */
export class InvalidTaskParameterException extends BadRequestException {
  constructor(parameter: string, message: string) {
    super({ statusCode: 400, error: 'Bad Request', parameter, message: `${parameter} ${message}` });
  }
}
