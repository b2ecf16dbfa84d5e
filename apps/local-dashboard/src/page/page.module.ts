import { Module } from '@nestjs/common';
import { AssetsController } from './assets.controller.js';
import { PageAssets } from './page-assets.js';
import { PageController } from './page.controller.js';

/** The HTML page at `/` and the assets it loads. */
@Module({
  controllers: [PageController, AssetsController],
  providers: [PageAssets],
})
export class PageModule {}
