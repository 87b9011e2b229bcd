// A submitted application's snapshot, as the database builds it inside
// public.submit_application (supabase/migrations/20261130000300_record_guards.sql):
// nothing in it comes from the client. Its digest is the SHA-256 of `snapshot::text`.
import type { Answer, Idea } from './application-schemas';
import type { Locale, LocalizedText } from './locale';
import { teamCoverage, type Coverage, type TeamRequirements } from './experience';
import type { TeamProject, WorkHistoryEntry } from './work-history';

/**
 * A work history entry as frozen in a submitted application, with whose it is; its
 * `lang` is absent in snapshots made before issue 12 (see snapshotLangs).
 */
export interface SnapshotWorkEntry extends Omit<WorkHistoryEntry, 'lang'> {
	memberId: string;
	lang?: Locale;
}

/** Everything the owners judge, frozen at submission. */
export interface Snapshot {
	application: string;
	/** The language of the application (absent in snapshots made before issue 12). */
	lang?: Locale;
	challenge: { id: string; slug: string };
	/** The applications deadline as it stood, ISO 8601 in UTC. */
	deadline: string | null;
	/** The challenge's team rules as they stood (absent in snapshots made before issue 10). */
	rules?: TeamRequirements;
	submittedAt?: string;
	submittedBy?: string;
	team: {
		id: string;
		name: string;
		description: string;
		/** The team's working language (absent in snapshots made before issue 12). */
		lang?: Locale;
		homeOrganisations: string[];
		members: { id: string; name: string }[];
	};
	workHistory: SnapshotWorkEntry[];
	commonProjects: TeamProject[];
	ideas: Idea[];
	answers: (Answer & { statement: LocalizedText })[];
	documents: { requirementId: string | null; fileKey: string; fileName: string; size: number }[];
	/** Stored only by snapshots made before issue 10; now derived by snapshotCoverage. */
	coverage?: Coverage | null;
	/**
	 * When retention purged its personal data (ISO 8601, UTC; issue 15): members, work
	 * history, common projects and documents are then empty
	 * (supabase/migrations/20261209004100_retention.sql).
	 */
	personalDataPurgedAt?: string;
}

/**
 * The team's coverage as the snapshot shows it: computed from the frozen members, work
 * history, common projects, rules and deadline (the same teamCoverage the draft uses), so
 * it is derived from what the digest covers. Older snapshots carried it; null without a
 * deadline, and once retention purged the work history it is computed from.
 */
export function snapshotCoverage(snapshot: Snapshot): Coverage | null {
	if (snapshot.personalDataPurgedAt) return null;
	if (!snapshot.rules) return snapshot.coverage ?? null;
	if (!snapshot.deadline) return null;
	return teamCoverage(
		snapshot.team.members.map((m) => m.id),
		snapshot.workHistory.map((e) => ({
			memberId: e.memberId,
			area: e.area,
			start: e.start,
			end: e.end
		})),
		snapshot.commonProjects.map((p) => ({ memberIds: p.memberIds, start: p.start, end: p.end })),
		snapshot.rules,
		new Date(snapshot.deadline)
	);
}

/** The snapshot with its coverage filled in, for the owner's pages and the CSV. */
export function withCoverage(snapshot: Snapshot): Snapshot & { coverage: Coverage | null } {
	return { ...snapshot, coverage: snapshotCoverage(snapshot) };
}

/** The languages of a snapshot's typed text (see snapshotLangs). */
export interface SnapshotLangs {
	/** Ideas, answers, common projects, and work entries that name none of their own. */
	application: Locale;
	/** The team's description. */
	team: Locale;
}

/**
 * The languages a snapshot's typed text is in, for marking it with `lang` (WCAG 3.1.2):
 * the application's and the team's as frozen at submission. A snapshot made before issue
 * 12 holds neither: both fall back to `stored`, the language on the application row.
 * A work entry's own `lang`, where the snapshot has it, goes before both.
 */
export function snapshotLangs(snapshot: Snapshot, stored: Locale): SnapshotLangs {
	const application = snapshot.lang ?? stored;
	return { application, team: snapshot.team.lang ?? application };
}
