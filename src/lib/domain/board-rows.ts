/**
 * The board as the database keeps it: the settings on the board row, and a row for each
 * note, cluster and voter's dots on a note. `boardDelta` says which rows one op changed;
 * the reducer never rewrites what it did not change, so comparing references is enough.
 */
import type { BoardState, Cluster, Note } from './board';

export type BoardSettings = Omit<BoardState, 'seq' | 'notes' | 'clusters' | 'votes'>;
export interface VoteRow {
	noteId: string;
	voterId: string;
	dots: number;
}

export interface BoardRows {
	seq: number;
	settings: BoardSettings;
	/** In the order they were added. */
	notes: Note[];
	clusters: Cluster[];
	votes: VoteRow[];
}

const SETTINGS_KEYS = [
	'phases',
	'phaseIndex',
	'locked',
	'anonymous',
	'privateWriting',
	'lastReveal',
	'budget',
	'revealed',
	'timer',
	'spotlight'
] as const satisfies readonly (keyof BoardSettings)[];

export function settingsOf(state: BoardState): BoardSettings {
	return Object.fromEntries(SETTINGS_KEYS.map((k) => [k, state[k]])) as BoardSettings;
}

export function boardFromRows(rows: BoardRows): BoardState {
	const votes: BoardState['votes'] = {};
	for (const v of rows.votes) (votes[v.noteId] ??= {})[v.voterId] = v.dots;
	return {
		...rows.settings,
		// Boards stored before private writing (issue 12) have no such settings yet.
		privateWriting: rows.settings.privateWriting ?? false,
		lastReveal: rows.settings.lastReveal ?? null,
		seq: rows.seq,
		// A note carries `hidden` only while it is hidden, as the reducer makes it.
		notes: Object.fromEntries(
			rows.notes.map(({ hidden, ...n }) => [n.id, hidden ? { ...n, hidden: true } : n])
		),
		clusters: Object.fromEntries(rows.clusters.map((c) => [c.id, c])),
		votes
	};
}

export interface BoardDelta {
	/** Null when no setting changed. */
	settings: BoardSettings | null;
	notes: Note[];
	removedNotes: string[];
	clusters: Cluster[];
	removedClusters: string[];
	votes: VoteRow[];
	removedVotes: Omit<VoteRow, 'dots'>[];
}

/** Entries of `after` that are new or replaced, and keys of `before` that are gone. */
function recordDelta<T>(before: Record<string, T>, after: Record<string, T>) {
	if (before === after) return { changed: [] as T[], removed: [] as string[] };
	return {
		changed: Object.keys(after)
			.filter((k) => after[k] !== before[k])
			.map((k) => after[k]),
		removed: Object.keys(before).filter((k) => !(k in after))
	};
}

export function boardDelta(before: BoardState, after: BoardState): BoardDelta {
	const notes = recordDelta(before.notes, after.notes);
	const clusters = recordDelta(before.clusters, after.clusters);
	const votes: VoteRow[] = [];
	const removedVotes: Omit<VoteRow, 'dots'>[] = [];
	if (before.votes !== after.votes) {
		for (const noteId of new Set([...Object.keys(before.votes), ...Object.keys(after.votes)])) {
			const was = before.votes[noteId] ?? {};
			const now = after.votes[noteId] ?? {};
			if (was === now) continue;
			for (const voterId of new Set([...Object.keys(was), ...Object.keys(now)])) {
				if (now[voterId] === was[voterId]) continue;
				if (now[voterId]) votes.push({ noteId, voterId, dots: now[voterId] });
				else removedVotes.push({ noteId, voterId });
			}
		}
	}
	return {
		settings: SETTINGS_KEYS.some((k) => before[k] !== after[k]) ? settingsOf(after) : null,
		notes: notes.changed,
		removedNotes: notes.removed,
		clusters: clusters.changed,
		removedClusters: clusters.removed,
		votes,
		removedVotes
	};
}
