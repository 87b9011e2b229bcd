// What a submitted application's snapshot holds beyond the typed parts of submit.ts.

/** A work history entry as frozen in a submitted application. */
export interface SnapshotWorkEntry {
	id: string;
	memberId: string;
	area: string;
	organisation: string;
	role: string;
	start: string;
	end: string | null;
	description: string;
	evidenceUrl: string | null;
	evidenceFile: string | null;
}

/** A common project as frozen in a submitted application. */
export interface SnapshotProject {
	id: string;
	title: string;
	start: string;
	end: string | null;
	description: string;
	evidenceUrl: string | null;
	evidenceFile: string | null;
	memberIds: string[];
}
