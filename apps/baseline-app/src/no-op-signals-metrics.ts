import { Injectable } from '@nestjs/common';
import { SignalsMetrics, type WorkTimer } from '@app/metrics';

/** One shared timer: ending it does nothing, so there is nothing to allocate per request either. */
const NO_OP_TIMER: WorkTimer = { end: () => undefined };

/**
 * The metrics port bound to nothing: the signals run exactly as in the other apps, and record nothing.
 * The benchmark's reference point, against which each metric path's cost is measured.
 */
@Injectable()
export class NoOpSignalsMetrics extends SignalsMetrics {
  override startWork(): WorkTimer {
    return NO_OP_TIMER;
  }
}
