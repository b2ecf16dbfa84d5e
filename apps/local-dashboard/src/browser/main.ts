import { renderControls } from './controls.js';
import type { DashboardView, PanelView } from './dashboard-view.js';
import { BarGaugePanel, StatPanel, TablePanel } from './instant-panels.js';
import { element, type PanelCard } from './panel-card.js';
import type { QueryWindow } from './prometheus-api.js';
import { TimeseriesPanel } from './timeseries-panel.js';

/**
 * The page's script: fetches the dashboard (panels, queries interpolated for the URL's variables and
 * range), lays the panels out as Grafana's grid does, then queries every panel again every
 * `refreshSeconds`, one refresh after the other so that a slow Prometheus never piles requests up.
 */

interface DrawnPanel {
  readonly card: PanelCard;
  refresh(window: QueryWindow): Promise<void>;
}

function drawnPanel(panel: PanelView): DrawnPanel {
  switch (panel.type) {
    case 'timeseries':
      return new TimeseriesPanel(panel);
    case 'stat':
      return new StatPanel(panel);
    case 'table':
      return new TablePanel(panel);
    case 'bargauge':
      return new BarGaugePanel(panel);
  }
}

function byId(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`the page has no #${id}`);
  return found;
}

async function loadView(): Promise<DashboardView> {
  const response = await fetch(`/api/dashboard${location.search}`, { headers: { accept: 'application/json' } });
  const body = (await response.json()) as DashboardView & { message?: string };
  if (!response.ok) throw new Error(body.message ?? `/api/dashboard answered ${response.status}`);
  return body;
}

function layOut(main: HTMLElement, view: DashboardView): DrawnPanel[] {
  const panels: DrawnPanel[] = [];
  for (const section of view.sections) {
    if (section.title !== undefined) {
      const title = element('h2', 'row-title');
      title.textContent = section.title;
      main.append(title);
    }
    const grid = element('div', 'grid');
    for (const panel of section.panels) {
      const drawn = drawnPanel(panel);
      grid.append(drawn.card.root);
      panels.push(drawn);
    }
    main.append(grid);
  }
  if (view.notDrawn.length > 0) {
    const note = element('p', 'not-drawn');
    note.dataset.field = 'not-drawn';
    note.textContent = `Not drawn on this page (open the dashboard in Grafana for them): ${view.notDrawn
      .map((panel) => `${panel.title} (${panel.type})`)
      .join(', ')}.`;
    main.append(note);
  }
  return panels;
}

/** The current window, its end on a multiple of the step, so that successive refreshes ask for the same points. */
function currentWindow(view: DashboardView): QueryWindow {
  const step = view.stepSeconds;
  const end = Math.floor(Date.now() / 1000 / step) * step;
  return { start: end - view.range.seconds, end, step };
}

async function start(): Promise<void> {
  const main = byId('dashboard');
  const status = byId('status');
  let view: DashboardView;
  try {
    view = await loadView();
  } catch (error) {
    main.dataset.state = 'error';
    status.classList.add('failing');
    status.textContent = `Cannot load the dashboard: ${error instanceof Error ? error.message : String(error)}`;
    return;
  }
  document.title = `${view.title} · local dashboard`;
  // The page's markup (page.renderer.ts) makes #controls a form.
  renderControls(byId('controls') as HTMLFormElement, view);
  const panels = layOut(main, view);
  main.dataset.state = 'ready';

  let refreshes = 0;
  const refresh = async (): Promise<void> => {
    const queryWindow = currentWindow(view);
    await Promise.all(panels.map((panel) => panel.refresh(queryWindow)));
    refreshes += 1;
    const failing = panels.filter((panel) => panel.card.root.dataset.state === 'error').length;
    status.dataset.refreshes = String(refreshes);
    status.classList.toggle('failing', failing > 0);
    status.textContent =
      `Last ${view.range.value} · updated ${new Date().toLocaleTimeString()} · every ${view.refreshSeconds} s` +
      (failing > 0 ? ` · ${failing} panel(s) failing` : '');
    globalThis.setTimeout(() => void refresh(), view.refreshSeconds * 1000);
  };
  await refresh();
}

void start();
