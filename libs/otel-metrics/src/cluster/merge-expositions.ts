interface Family {
  help?: string;
  unit?: string;
  type?: string;
  readonly samples: string[];
}

const HEADER = /^# (HELP|UNIT|TYPE) (\S+)(?: (.*))?$/;

/**
 * Merges the expositions of several workers into one: one `# HELP` / `# UNIT` / `# TYPE` per family,
 * followed by the samples of every worker. Repeating a family's header, as a plain concatenation would,
 * is invalid in the text format (Prometheus rejects the scrape), and so are identical series: each
 * worker's series must differ by a label, here `service_instance_id`, which every worker's exporter
 * adds from its resource (see RESOURCE_CONSTANT_LABELS).
 *
 * The input is the OpenTelemetry exporter's output: every sample follows the header of its family.
 * Other comments (`# no registered metrics`) and blank lines are dropped.
 */
export function mergeExpositions(expositions: readonly string[]): string {
  const families = new Map<string, Family>();
  const familyOf = (name: string): Family => {
    let family = families.get(name);
    if (!family) {
      family = { samples: [] };
      families.set(name, family);
    }
    return family;
  };
  for (const exposition of expositions) {
    let current: Family | undefined;
    for (const line of exposition.split('\n')) {
      if (line.trim() === '') continue;
      const header = HEADER.exec(line);
      if (header) {
        const [, kind, name, text = ''] = header;
        current = familyOf(name);
        // The first worker's header stands: every worker runs the same code, so they agree.
        if (kind === 'HELP') current.help ??= text;
        else if (kind === 'UNIT') current.unit ??= text;
        else current.type ??= text;
      } else if (!line.startsWith('#')) {
        if (!current) throw new Error(`sample before any family header: ${line}`);
        current.samples.push(line);
      }
    }
  }
  const lines: string[] = [];
  for (const [name, family] of families) {
    if (family.help !== undefined) lines.push(`# HELP ${name} ${family.help}`);
    if (family.unit !== undefined) lines.push(`# UNIT ${name} ${family.unit}`);
    if (family.type !== undefined) lines.push(`# TYPE ${name} ${family.type}`);
    lines.push(...family.samples);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
