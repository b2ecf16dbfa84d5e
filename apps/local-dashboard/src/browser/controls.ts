import type { DashboardView, VariableView } from './dashboard-view.js';
import { element } from './panel-card.js';
import { queryInstant } from './prometheus-api.js';

/**
 * The time range and the dashboard's template variables, as selects whose names are the query
 * parameters Grafana uses (`range`, `var-instrumentation`): a change reloads the page with the new choice in its
 * URL, so that a link or a reload shows the same view, and the server interpolates the queries anew.
 */
export function renderControls(form: HTMLFormElement, view: DashboardView): void {
  const range = select(
    'range',
    'Last',
    view.ranges.map((option): [string, string] => [option.value, option.value]),
  );
  range.value = view.range.value;
  form.append(label('Last', range));
  for (const variable of view.variables) {
    const choice = select(`var-${variable.name}`, variable.label, [['', 'All'], ...fixedOptions(variable)]);
    choice.value = variable.selected ?? '';
    form.append(label(variable.label, choice));
    if (variable.optionsQuery !== undefined) void addQueriedOptions(choice, variable);
  }
  form.addEventListener('change', () => {
    const search = new URLSearchParams();
    for (const field of form.querySelectorAll('select')) if (field.value !== '') search.set(field.name, field.value);
    location.search = search.toString();
  });
  form.addEventListener('submit', (event) => event.preventDefault());
}

function fixedOptions(variable: VariableView): Array<[string, string]> {
  const values = [...(variable.options ?? [])];
  // A query variable's choice is kept even before (or without) its values arriving from Prometheus.
  if (variable.selected !== undefined && !values.includes(variable.selected)) values.push(variable.selected);
  return values.map((value): [string, string] => [value, value]);
}

/** A query variable's values, as Grafana's `label_values()` lists them; the select keeps "All" if Prometheus fails. */
async function addQueriedOptions(choice: HTMLSelectElement, variable: VariableView): Promise<void> {
  const query = variable.optionsQuery;
  if (query === undefined) return;
  try {
    const samples = await queryInstant(query.expr);
    const present = new Set([...choice.options].map((option) => option.value));
    const values = [...new Set(samples.map((sample) => sample.metric[query.label] ?? ''))]
      .filter((value) => value !== '' && !present.has(value))
      .sort();
    for (const value of values) choice.add(new Option(value, value));
  } catch {
    choice.title = `The values of ${variable.label} could not be read from Prometheus`;
  }
}

function select(name: string, title: string, options: ReadonlyArray<[string, string]>): HTMLSelectElement {
  const field = element('select');
  field.name = name;
  field.title = title;
  for (const [value, text] of options) field.add(new Option(text, value));
  return field;
}

function label(text: string, field: HTMLSelectElement): HTMLLabelElement {
  const wrapper = element('label');
  wrapper.append(text, field);
  return wrapper;
}
