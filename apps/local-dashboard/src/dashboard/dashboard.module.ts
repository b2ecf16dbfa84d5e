import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller.js';

/** The dashboard read from the Grafana JSON, served to the page as JSON. */
@Module({ controllers: [DashboardController] })
export class DashboardModule {}
