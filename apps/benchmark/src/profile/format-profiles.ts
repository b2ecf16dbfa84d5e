import { renderTextTable } from '@app/traffic';
import type { VariantProfile } from './profile-variants.js';

const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

/** Per variant: its sampled CPU per request, where it comes from by package, and the frames with most self time. */
export function formatProfiles(profiles: readonly VariantProfile[], frames = 12, origins = 8): string {
  return profiles
    .map(({ variant, path, requests, summary, file }) => {
      const perRequest = requests === 0 ? 0 : (summary.sampledMs * 1000) / requests;
      return [
        `${variant} on ${path}: ${summary.sampledMs.toFixed(0)} ms sampled over ${String(requests)} requests, ` +
          `${perRequest.toFixed(1)} µs per request (${file})`,
        renderTextTable(
          [
            { header: 'self time by origin', align: 'left' },
            { header: 'share', align: 'right' },
          ],
          summary.byOrigin.slice(0, origins).map(({ origin, selfShare }) => [origin, percent(selfShare)]),
        ),
        renderTextTable(
          [
            { header: 'top frames (self time)', align: 'left' },
            { header: 'share', align: 'right' },
          ],
          summary.topFrames.slice(0, frames).map(({ frame, selfShare }) => [frame, percent(selfShare)]),
        ),
      ].join('\n');
    })
    .join('\n\n');
}
