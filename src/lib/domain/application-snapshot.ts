// What a submitted application's snapshot holds beyond the typed parts of submit.ts.
import type { WorkHistoryEntry } from './work-history';

/** A work history entry as frozen in a submitted application, with whose it is. */
export interface SnapshotWorkEntry extends WorkHistoryEntry {
	memberId: string;
}
