/**
 * How far the command's heap may grow beyond what is live. A build allocates
 * a lot of short-lived memory (chart.js laying out every chart, each PDF read
 * back for its metadata); left to its defaults, V8 lets the heap grow to
 * three or four times what is live before it collects, so the process's
 * peak grows with the size of the organisation much faster than its data
 * does (240 reps: 287 MB of heap for 65–98 MB live). Growing by half at most
 * keeps the peak near the live size, for about a second of collection per
 * 250 reports.
 *
 * The commands that print (`build`, `preview`) set this for their process;
 * the short ones (`validate`, `figures`, `status`, `log`…) keep V8's
 * defaults, which collect less often: bounded, `revue validate` of 3,801
 * files spent 5–15 % longer collecting. The library (`build()`) leaves the
 * embedding program's heap as it is.
 */
import { setFlagsFromString } from 'node:v8';

export function boundHeapGrowth(): void {
  setFlagsFromString('--heap-growing-percent=50');
}
