import { Controller, Get, Header, Inject, Req } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import type { DashboardView } from '../browser/dashboard-view.js';
import { searchOf } from '../http/request-search.js';
import { LOCAL_DASHBOARD_CONFIG, type LocalDashboardConfig } from '../local-dashboard.config.js';
import { buildDashboardView, parseSelection } from './dashboard-view.builder.js';

/** `GET /api/dashboard?range=15m&var-instrumentation=otel`: the panels the page draws, their queries ready to run. */
@Controller('api/dashboard')
export class DashboardController {
  constructor(@Inject(LOCAL_DASHBOARD_CONFIG) private readonly config: LocalDashboardConfig) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  view(@Req() request: IncomingMessage): DashboardView {
    const selection = parseSelection(this.config.dashboard, searchOf(request));
    return buildDashboardView(this.config.dashboard, selection, this.config.refreshSeconds);
  }
}
