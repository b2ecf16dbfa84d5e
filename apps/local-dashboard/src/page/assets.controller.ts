import { Controller, Get, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { PageAssets } from './page-assets.js';

/** `GET /assets/...`: the page's scripts and styles, from the set loaded at start-up. */
@Controller('assets')
export class AssetsController {
  constructor(@Inject(PageAssets) private readonly assets: PageAssets) {}

  @Get(':file')
  file(@Param('file') file: string, @Res() response: ServerResponse): void {
    this.send(`/assets/${file}`, response);
  }

  @Get('scripts/:file')
  script(@Param('file') file: string, @Res() response: ServerResponse): void {
    this.send(`/assets/scripts/${file}`, response);
  }

  private send(path: string, response: ServerResponse): void {
    const asset = this.assets.get(path);
    if (asset === undefined) {
      throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: `no asset ${path.slice(0, 100)}` });
    }
    response.setHeader('Content-Type', asset.contentType);
    // Revalidated on every load: a rebuilt app must not run against a cached older script.
    response.setHeader('Cache-Control', 'no-cache');
    response.end(asset.body);
  }
}
