// Proof of experience as the teams pages show it and a submitted application freezes it.
import type { Locale } from './locale';

/** A person's work history entry; months as 'YYYY-MM', `end` null while it goes on. */
export interface WorkHistoryEntry {
	id: string;
	area: string;
	organisation: string;
	role: string;
	start: string;
	end: string | null;
	description: string;
	evidenceUrl: string | null;
	evidenceFile: string | null;
	/** The language it is written in (WCAG 3.1.2: shown with it). */
	lang: Locale;
}

/** A project a team's members did together. */
export interface TeamProject {
	id: string;
	title: string;
	start: string;
	end: string | null;
	description: string;
	evidenceUrl: string | null;
	evidenceFile: string | null;
	memberIds: string[];
}
