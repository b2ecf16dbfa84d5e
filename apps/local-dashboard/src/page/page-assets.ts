import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { DASHBOARD_PAGE_STYLES } from './page.styles.js';

/** Where the page finds its assets; `/assets/scripts/` holds the compiled browser modules of src/browser. */
export const PAGE_ASSET_PATHS = {
  uplotJs: '/assets/uPlot.iife.min.js',
  uplotCss: '/assets/uPlot.min.css',
  pageCss: '/assets/dashboard.css',
  pageScript: '/assets/scripts/main.js',
} as const;

export interface PageAsset {
  readonly contentType: string;
  readonly body: Buffer;
}

const JAVASCRIPT = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/**
 * Every file the page loads, read into memory once at start-up: uPlot's browser build and styles from
 * node_modules (the package `uplot`), and the page's own modules as `npm run build` compiles them
 * (src/browser, with its own tsconfig, into dist next to this app). Served by name from this fixed set
 * only, so no request can reach another file.
 */
@Injectable()
export class PageAssets {
  private readonly assets = new Map<string, PageAsset>();

  constructor() {
    const uplotDist = dirname(createRequire(import.meta.url).resolve('uplot'));
    this.assets.set(PAGE_ASSET_PATHS.uplotJs, {
      contentType: JAVASCRIPT,
      body: readFileSync(join(uplotDist, 'uPlot.iife.min.js')),
    });
    this.assets.set(PAGE_ASSET_PATHS.uplotCss, {
      contentType: CSS,
      body: readFileSync(join(uplotDist, 'uPlot.min.css')),
    });
    this.assets.set(PAGE_ASSET_PATHS.pageCss, { contentType: CSS, body: Buffer.from(DASHBOARD_PAGE_STYLES) });
    // The compiled app sits in dist/apps/local-dashboard/src/page; the browser build writes to .../src/browser.
    const scripts = join(import.meta.dirname, '..', 'browser');
    if (!existsSync(join(scripts, 'main.js'))) {
      throw new Error(`${join(scripts, 'main.js')} is missing: run "npm run build" (it compiles src/browser too)`);
    }
    for (const file of readdirSync(scripts).filter((name) => name.endsWith('.js'))) {
      this.assets.set(`/assets/scripts/${file}`, { contentType: JAVASCRIPT, body: readFileSync(join(scripts, file)) });
    }
  }

  get(path: string): PageAsset | undefined {
    return this.assets.get(path);
  }
}
