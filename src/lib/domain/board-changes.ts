/**
 * What changed between two views of a board, as people would say it aloud: the page
 * announces these politely in a live region (WCAG 4.1.3). Compared on the server's
 * confirmed states only, so an own change shown at once and then confirmed is told once.
 * Others' new notes are told; one's own are told by the form that added them.
 */
import type { BoardState } from './board';

export type TimerAction = 'started' | 'paused' | 'resumed' | 'extended' | 'stopped';

export type BoardChange =
	| { kind: 'note_added'; authorId: string | null }
	| { kind: 'phase'; index: number }
	| { kind: 'locked'; locked: boolean }
	| { kind: 'anonymous'; anonymous: boolean }
	/** Private writing started, or ended with `revealed` notes shown to everyone. */
	| { kind: 'private'; on: boolean; revealed: number }
	| { kind: 'timer'; action: TimerAction; seconds: number }
	| { kind: 'spotlight'; text: string }
	| { kind: 'revealed'; revealed: boolean };

/** Seconds the timer holds in `s` at `now`: running or paused; null when there is none. */
function timerSeconds(s: BoardState, now: number): number | null {
	if (s.timer.endsAt !== null) return Math.max(0, Math.ceil((s.timer.endsAt - now) / 1000));
	if (s.timer.remainingMs !== null) return Math.ceil(s.timer.remainingMs / 1000);
	return null;
}

/** How the timer changed from `a` to `b`, in the words a person would use, or null. */
function timerAction(a: BoardState, b: BoardState): TimerAction | null {
	const run = (s: BoardState) => s.timer.endsAt !== null;
	const held = (s: BoardState) => s.timer.remainingMs !== null;
	if (run(b)) {
		if (held(a)) return 'resumed';
		if (!run(a)) return 'started';
		if (a.timer.endsAt === b.timer.endsAt) return null;
		return (b.timer.endsAt ?? 0) > (a.timer.endsAt ?? 0) ? 'extended' : 'started';
	}
	if (held(b)) {
		if (run(a)) return 'paused';
		if (!held(a)) return 'started';
		return a.timer.remainingMs === b.timer.remainingMs ? null : 'extended';
	}
	return run(a) || held(a) ? 'stopped' : null;
}

/**
 * Takes two confirmed states of one board, the viewer's id and the server-corrected time;
 * returns what changed that people notice, in board order (notes, phase, lock, anonymity,
 * timer, spotlight, results). Moves, edits and votes are not told: they are seen.
 */
export function boardChanges(
	before: BoardState,
	after: BoardState,
	selfId: string,
	now = Date.now()
): BoardChange[] {
	const changes: BoardChange[] = [];
	// The notes a reveal brings are told as its count, not one by one as new.
	const ended = before.privateWriting && !after.privateWriting;
	for (const note of Object.values(after.notes)) {
		if (!ended && !before.notes[note.id] && note.authorId !== selfId)
			changes.push({ kind: 'note_added', authorId: note.authorId });
	}
	if (after.phaseIndex !== before.phaseIndex)
		changes.push({ kind: 'phase', index: after.phaseIndex });
	if (after.locked !== before.locked) changes.push({ kind: 'locked', locked: after.locked });
	if (after.anonymous !== before.anonymous)
		changes.push({ kind: 'anonymous', anonymous: after.anonymous });
	if (after.privateWriting !== before.privateWriting)
		changes.push({
			kind: 'private',
			on: after.privateWriting,
			revealed: ended ? (after.lastReveal?.count ?? 0) : 0
		});
	const action = timerAction(before, after);
	if (action) changes.push({ kind: 'timer', action, seconds: timerSeconds(after, now) ?? 0 });
	const target = after.spotlight;
	if (target && (target.id !== before.spotlight?.id || target.kind !== before.spotlight?.kind)) {
		const text =
			target.kind === 'note' ? after.notes[target.id]?.text : after.clusters[target.id]?.name;
		if (text) changes.push({ kind: 'spotlight', text });
	}
	if (after.revealed !== before.revealed)
		changes.push({ kind: 'revealed', revealed: after.revealed });
	return changes;
}

/** A batch of changes as it is said: new notes counted with their authors, the rest once each. */
export interface ChangeSummary {
	/** New notes by others in the batch, and who wrote them (null: anonymous), first seen first. */
	notes: { count: number; authors: (string | null)[] };
	/** Every other change, only its latest per kind (a lock then an unlock is said as unlocked). */
	rest: Exclude<BoardChange, { kind: 'note_added' }>[];
}

/**
 * Takes the changes gathered over a short while; returns them as they are to be said, so
 * nothing is said twice ("Timer started. Timer started") and nothing is only counted
 * ("4 changes on the board"): notes as a count with names, each other kind once, latest wins.
 */
export function summarizeChanges(changes: BoardChange[]): ChangeSummary {
	const authors: (string | null)[] = [];
	let count = 0;
	const latest = new Map<string, Exclude<BoardChange, { kind: 'note_added' }>>();
	for (const c of changes) {
		if (c.kind === 'note_added') {
			count++;
			if (!authors.includes(c.authorId)) authors.push(c.authorId);
		} else {
			latest.delete(c.kind);
			latest.set(c.kind, c);
		}
	}
	return { notes: { count, authors }, rest: [...latest.values()] };
}
