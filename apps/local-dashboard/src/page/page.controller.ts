import { Controller, Get, Header, HttpCode, Inject } from '@nestjs/common';
import { LOCAL_DASHBOARD_CONFIG, type LocalDashboardConfig } from '../local-dashboard.config.js';
import { renderPage } from './page.renderer.js';

/** `GET /`: the dashboard page. */
@Controller()
export class PageController {
  private readonly html: string;

  constructor(@Inject(LOCAL_DASHBOARD_CONFIG) config: LocalDashboardConfig) {
    // Nothing on it changes while the app runs: the script fetches the panels and their data.
    this.html = renderPage({
      title: config.dashboard.title,
      dashboardFile: config.dashboardFile,
      prometheusUrl: config.prometheusUrl,
    });
  }

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  page(): string {
    return this.html;
  }

  /** Browsers ask for it with every page: an empty answer rather than a 404 in the console and the logs. */
  @Get('favicon.ico')
  @HttpCode(204)
  favicon(): void {}
}
