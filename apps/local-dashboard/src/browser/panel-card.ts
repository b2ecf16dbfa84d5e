import type { PanelView } from './dashboard-view.js';

/** What a panel shows: `data-state` on its element is the page's contract with the browser test. */
export type PanelState = 'loading' | 'data' | 'empty' | 'error';

/** Grafana's grid rows are 30 px high; a panel of height h is h rows, header included. */
export const GRID_ROW_PX = 30;

/** The frame every panel draws in: title, description, and a message line for "No data" and errors. */
export class PanelCard {
  readonly root: HTMLElement;
  readonly body: HTMLElement;
  private readonly message: HTMLElement;

  constructor(readonly panel: PanelView) {
    this.root = element('section', `panel w-${panel.width}`);
    this.root.dataset.panelId = String(panel.id);
    this.root.dataset.panelType = panel.type;
    this.root.dataset.state = 'loading';
    // Set through the CSSOM, which the page's style-src policy allows (an inline style attribute it would not).
    this.root.style.minHeight = `${panel.height * GRID_ROW_PX}px`;
    const header = element('header');
    const title = element('h3');
    title.textContent = panel.title;
    title.title = panel.title;
    header.append(title);
    if (panel.description !== '') {
      const info = element('span', 'panel-info');
      info.textContent = 'ⓘ';
      info.title = panel.description;
      header.append(info);
    }
    this.body = element('div', 'panel-body');
    this.message = element('p', 'panel-message');
    this.message.dataset.field = 'message';
    this.message.textContent = 'Loading…';
    this.root.append(header, this.body, this.message);
  }

  /** Shows the state; a message replaces the body (kept in the DOM so that a chart survives a failed refresh). */
  setState(state: PanelState, message = ''): void {
    this.root.dataset.state = state;
    this.message.textContent = message;
    this.message.hidden = state === 'data';
    this.body.hidden = state !== 'data';
  }

  /** Height left for a chart once the title is drawn. */
  contentHeight(): number {
    return Math.max(80, this.panel.height * GRID_ROW_PX - 40);
  }
}

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (className !== undefined) created.className = className;
  return created;
}

/** Says why a panel could not refresh, in one line. */
export function errorText(error: unknown): string {
  return `Query failed: ${error instanceof Error ? error.message : String(error)}`;
}
