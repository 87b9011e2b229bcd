/**
 * What changed between two views of a board, as people would say it aloud: the page
 * announces these politely in a live region. Own changes are left out (the person knows).
 */
import type { BoardState } from './board';

export type BoardChange =
	| { kind: 'note_added'; authorId: string | null }
	| { kind: 'phase'; index: number }
	| { kind: 'locked'; locked: boolean }
	| { kind: 'timer'; running: boolean }
	| { kind: 'spotlight'; text: string }
	| { kind: 'revealed' };

export function boardChanges(before: BoardState, after: BoardState, selfId: string): BoardChange[] {
	const changes: BoardChange[] = [];
	for (const note of Object.values(after.notes)) {
		if (!before.notes[note.id] && note.authorId !== selfId)
			changes.push({ kind: 'note_added', authorId: note.authorId });
	}
	if (after.phaseIndex !== before.phaseIndex)
		changes.push({ kind: 'phase', index: after.phaseIndex });
	if (after.locked !== before.locked) changes.push({ kind: 'locked', locked: after.locked });
	const running = (s: BoardState) => s.timer.endsAt !== null;
	if (
		running(after) !== running(before) ||
		(running(after) && after.timer.endsAt !== before.timer.endsAt)
	)
		changes.push({ kind: 'timer', running: running(after) });
	const target = after.spotlight;
	if (target && (target.id !== before.spotlight?.id || target.kind !== before.spotlight?.kind)) {
		const text =
			target.kind === 'note' ? after.notes[target.id]?.text : after.clusters[target.id]?.name;
		if (text) changes.push({ kind: 'spotlight', text });
	}
	if (after.revealed && !before.revealed) changes.push({ kind: 'revealed' });
	return changes;
}
