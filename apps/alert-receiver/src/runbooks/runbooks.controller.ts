import { Controller, Get, Header, Inject } from '@nestjs/common';
import { RUNBOOKS_PAGE } from '@app/metrics';
import { RUNBOOKS_HTML } from './runbooks.tokens.js';

/** `GET /runbooks`: what to do about each alert; every alert's runbook_url points at a heading of this page. */
@Controller(RUNBOOKS_PAGE.path.slice(1))
export class RunbooksController {
  constructor(@Inject(RUNBOOKS_HTML) private readonly html: string) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  page(): string {
    return this.html;
  }
}
