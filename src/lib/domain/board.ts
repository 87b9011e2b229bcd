/**
 * The workshop board as a pure reducer, shared by server and browser. Clients send ops
 * with their own ids; the server checks them with `checkOp`, gives each accepted op the
 * board's next sequence number and time, and every client folds the sequenced ops with
 * `applyOp` in sequence order, so every view of a board converges on one state.
 */
import { z } from 'zod';
import { textFor, type Locale, type LocalizedText } from './locale';
import { isFilled } from './text';

export const NOTE_TEXT_MAX = 500;
export const NOTE_COLOURS = ['yellow', 'green', 'blue', 'pink', 'orange', 'purple'] as const;
export const PHASE_KINDS = ['warmup', 'ideate', 'cluster', 'vote', 'discuss', 'wrapup'] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];
/** Observers (the challenge's organisation, not invited to take part) only watch. */
export type BoardRole = 'facilitator' | 'participant' | 'observer';

const id = z.uuid();
const coordinate = z.number().int().min(0).max(10_000);
const noteText = z.string().trim().refine(isFilled).max(NOTE_TEXT_MAX);
const clusterName = z.string().trim().refine(isFilled).max(120);

/** Every op a client may send; anything else is refused before it reaches the reducer. */
export const opSchema = z.discriminatedUnion('type', [
	z.object({
		type: z.literal('note.add'),
		noteId: id,
		text: noteText,
		colour: z.enum(NOTE_COLOURS),
		x: coordinate,
		y: coordinate
	}),
	z.object({ type: z.literal('note.edit'), noteId: id, text: noteText }),
	z.object({ type: z.literal('note.move'), noteId: id, x: coordinate, y: coordinate }),
	z.object({ type: z.literal('note.delete'), noteId: id }),
	z.object({ type: z.literal('note.cluster'), noteId: id, clusterId: id.nullable() }),
	z.object({ type: z.literal('cluster.add'), clusterId: id, name: clusterName }),
	z.object({ type: z.literal('cluster.rename'), clusterId: id, name: clusterName }),
	z.object({ type: z.literal('cluster.delete'), clusterId: id }),
	z.object({ type: z.literal('vote.cast'), noteId: id }),
	z.object({ type: z.literal('vote.retract'), noteId: id }),
	z.object({ type: z.literal('phase.goto'), index: z.number().int().min(0).max(50) }),
	z.object({
		type: z.literal('timer.start'),
		seconds: z
			.number()
			.int()
			.min(1)
			.max(6 * 3600)
	}),
	z.object({ type: z.literal('timer.pause') }),
	z.object({ type: z.literal('timer.resume') }),
	z.object({ type: z.literal('timer.extend'), seconds: z.number().int().min(1).max(3600) }),
	z.object({ type: z.literal('board.lock'), locked: z.boolean() }),
	z.object({ type: z.literal('board.anonymous'), anonymous: z.boolean() }),
	// On: notes added from now on are seen only by their author and the facilitator.
	// Off: the reveal, every hidden note shown to all at once (issue 12).
	// `count` (how many were revealed) is set by the server (`withRevealCount`), whatever a
	// client sent: participants' copies do not hold the notes hidden from them.
	z.object({
		type: z.literal('board.private'),
		privateWriting: z.boolean(),
		count: z.number().int().min(0).max(100_000).optional()
	}),
	z.object({
		type: z.literal('votes.configure'),
		perParticipant: z.number().int().min(1).max(50),
		perNote: z.number().int().min(1).max(50).nullable()
	}),
	z.object({ type: z.literal('votes.reveal'), revealed: z.boolean() }),
	z.object({
		type: z.literal('spotlight'),
		target: z
			.object({ kind: z.enum(['note', 'cluster']), id })
			.strict()
			.nullable()
	})
]);
export type BoardOp = z.output<typeof opSchema>;
export type OpType = BoardOp['type'];

/**
 * An op as the server stored it: its place in the board's order, who sent it, when.
 * `op` is null when this viewer may not see it (another's dot before the reveal): the
 * place in the order still arrives, so no gap is left waiting.
 */
export interface SequencedOp {
	seq: number;
	opId: string;
	actorId: string | null;
	at: number;
	op: BoardOp | null;
}

/** What a (re)joining client is missing: the ops, or the board itself when far behind. */
export type CatchUp = { kind: 'ops'; ops: SequencedOp[] } | { kind: 'snapshot'; state: BoardState };

export interface Note {
	id: string;
	authorId: string | null;
	text: string;
	colour: (typeof NOTE_COLOURS)[number];
	x: number;
	y: number;
	clusterId: string | null;
	/** Added during private writing and not revealed yet: only its author and the facilitator see it. */
	hidden?: boolean;
}

export interface Cluster {
	id: string;
	name: string;
}

/**
 * A phase's title: in one or more of fi/sv/en, or (agendas planned before titles had
 * languages) one string whose language was not recorded.
 */
export type PhaseTitle = LocalizedText | string;

export interface Phase {
	kind: PhaseKind;
	title: PhaseTitle;
	minutes: number;
}

/**
 * A phase's title for a reader of `wanted`: the title in that language, else in another
 * (fi, sv, en in that order) with `attr` naming its language for the element's `lang`
 * (WCAG 3.1.2, through textFor). A plain string title's language is unknown, so it is
 * shown as it is and claims no language.
 */
export function phaseTitle(
	title: PhaseTitle,
	wanted: Locale
): { text: string; attr: Locale | undefined } {
	const picked = textFor(title, wanted, typeof title === 'string' ? wanted : 'fi');
	return { text: picked.text, attr: picked.attr };
}

export interface BoardState {
	seq: number;
	phases: Phase[];
	phaseIndex: number;
	locked: boolean;
	anonymous: boolean;
	/** Private writing: new notes are hidden from everyone but their author and the facilitator. */
	privateWriting: boolean;
	/** The last reveal of private notes: how many, when (server ms) and by whom. */
	lastReveal: { count: number; at: number; by: string | null } | null;
	notes: Record<string, Note>;
	clusters: Record<string, Cluster>;
	/** noteId → voterId → dots. */
	votes: Record<string, Record<string, number>>;
	budget: { perParticipant: number; perNote: number | null };
	revealed: boolean;
	/** The timer's end (server ms) while running; what was left while paused. */
	timer: { endsAt: number | null; remainingMs: number | null };
	spotlight: { kind: 'note' | 'cluster'; id: string } | null;
}

export const FACILITATOR_OPS: ReadonlySet<OpType> = new Set([
	'phase.goto',
	'timer.start',
	'timer.pause',
	'timer.resume',
	'timer.extend',
	'board.lock',
	'board.anonymous',
	'board.private',
	'votes.configure',
	'votes.reveal',
	'spotlight'
]);

const NOTE_OPS: OpType[] = ['note.add', 'note.edit', 'note.move', 'note.delete'];
const CLUSTER_OPS: OpType[] = [
	'note.move',
	'note.edit',
	'note.cluster',
	'cluster.add',
	'cluster.rename',
	'cluster.delete'
];

/** What participants may do in each kind of phase: no new notes while voting, and so on. */
export const PHASE_ALLOWS: Record<PhaseKind, ReadonlySet<OpType>> = {
	warmup: new Set(NOTE_OPS),
	ideate: new Set(NOTE_OPS),
	cluster: new Set(CLUSTER_OPS),
	vote: new Set(['vote.cast', 'vote.retract']),
	discuss: new Set(),
	wrapup: new Set()
};

/** The agenda a new workshop starts from, its titles in every language of the app. */
export const DEFAULT_AGENDA: Phase[] = [
	{ kind: 'warmup', title: { fi: 'Lämmittely', sv: 'Uppvärmning', en: 'Warm-up' }, minutes: 10 },
	{ kind: 'ideate', title: { fi: 'Ideointi', sv: 'Idéer', en: 'Ideate' }, minutes: 20 },
	{ kind: 'cluster', title: { fi: 'Ryhmittely', sv: 'Gruppering', en: 'Cluster' }, minutes: 15 },
	{
		kind: 'vote',
		title: { fi: 'Pisteäänestys', sv: 'Prickröstning', en: 'Dot-vote' },
		minutes: 10
	},
	{ kind: 'discuss', title: { fi: 'Keskustelu', sv: 'Diskussion', en: 'Discuss' }, minutes: 20 },
	{ kind: 'wrapup', title: { fi: 'Yhteenveto', sv: 'Avslutning', en: 'Wrap-up' }, minutes: 5 }
];

/** The planned length of an agenda in minutes (rows without a whole number of minutes count 0). */
export function agendaMinutes(phases: readonly { minutes: number | string }[]): number {
	return phases.reduce((sum, p) => {
		const n = typeof p.minutes === 'number' ? p.minutes : Number(p.minutes.trim() || NaN);
		return sum + (Number.isInteger(n) && n > 0 ? n : 0);
	}, 0);
}

export function emptyBoard(phases: Phase[] = DEFAULT_AGENDA): BoardState {
	return {
		seq: 0,
		phases,
		phaseIndex: 0,
		locked: false,
		anonymous: false,
		privateWriting: false,
		lastReveal: null,
		notes: {},
		clusters: {},
		votes: {},
		budget: { perParticipant: 3, perNote: null },
		revealed: false,
		timer: { endsAt: null, remainingMs: null },
		spotlight: null
	};
}

/** Why the reducer refuses an op (`checkOp`); the socket protocol adds its own to these. */
export const BOARD_REFUSALS = [
	'forbidden',
	'phase_forbids',
	'board_locked',
	'not_found',
	'not_author',
	'exists',
	'budget_exhausted',
	'note_limit',
	'no_vote',
	'timer_state',
	'workshop_ended',
	// The op id is already on the board as another person's op (see answerAgain).
	'duplicate_op'
] as const;
export type RefusalCode = (typeof BOARD_REFUSALS)[number];

export const votesOf = (state: BoardState, voterId: string) =>
	Object.values(state.votes).reduce((sum, byVoter) => sum + (byVoter[voterId] ?? 0), 0);

/**
 * Whether this role may send this kind of op at all now: observers only watch, the
 * facilitator controls and arranges but stays neutral (never votes), and participants
 * act within what the current phase allows on an unlocked board.
 */
export function mayNow(state: BoardState, type: OpType, role: BoardRole): RefusalCode | null {
	if (role === 'observer') return 'forbidden';
	if (FACILITATOR_OPS.has(type)) return role === 'facilitator' ? null : 'forbidden';
	if (role === 'facilitator') return type.startsWith('vote.') ? 'forbidden' : null;
	if (state.locked) return 'board_locked';
	const phase = state.phases[state.phaseIndex];
	return phase && PHASE_ALLOWS[phase.kind].has(type) ? null : 'phase_forbids';
}

/**
 * Why an op may not be applied now by this actor, or null when it may. The server asks
 * this inside the transaction that stores the op, against the board as stored, so two
 * votes racing for the last dot cannot both pass.
 */
export function checkOp(
	state: BoardState,
	op: BoardOp,
	actor: { id: string; role: BoardRole }
): RefusalCode | null {
	const refusal = mayNow(state, op.type, actor.role);
	if (refusal) return refusal;
	if (FACILITATOR_OPS.has(op.type)) {
		switch (op.type) {
			case 'phase.goto':
				return op.index < state.phases.length ? null : 'not_found';
			case 'timer.pause':
				return state.timer.endsAt !== null ? null : 'timer_state';
			case 'timer.resume':
				return state.timer.remainingMs !== null ? null : 'timer_state';
			case 'timer.extend':
				return state.timer.endsAt !== null || state.timer.remainingMs !== null
					? null
					: 'timer_state';
			case 'spotlight':
				if (!op.target) return null;
				// A hidden note is not put before everyone: it would show its text.
				if (op.target.kind === 'note') return shown(state.notes[op.target.id]) ? null : 'not_found';
				return state.clusters[op.target.id] ? null : 'not_found';
			default:
				return null;
		}
	}
	// Another's hidden note is as if it were not there (for the facilitator too when voting).
	if ('noteId' in op && op.type !== 'note.add') {
		const note = state.notes[op.noteId];
		if (note?.hidden && (op.type.startsWith('vote.') || !seesNote(note, actor))) return 'not_found';
	}
	switch (op.type) {
		case 'note.add':
			if (state.notes[op.noteId]) return 'exists';
			return Object.keys(state.notes).length >= 2000 ? 'note_limit' : null;
		case 'note.edit':
		case 'note.delete': {
			const note = state.notes[op.noteId];
			if (!note) return 'not_found';
			return note.authorId === actor.id || actor.role === 'facilitator' ? null : 'not_author';
		}
		case 'note.move':
			return state.notes[op.noteId] ? null : 'not_found';
		case 'note.cluster':
			if (!state.notes[op.noteId]) return 'not_found';
			return op.clusterId === null || state.clusters[op.clusterId] ? null : 'not_found';
		case 'cluster.add':
			return state.clusters[op.clusterId] ? 'exists' : null;
		case 'cluster.rename':
		case 'cluster.delete':
			return state.clusters[op.clusterId] ? null : 'not_found';
		case 'vote.cast': {
			if (!state.notes[op.noteId]) return 'not_found';
			if (votesOf(state, actor.id) >= state.budget.perParticipant) return 'budget_exhausted';
			const onNote = state.votes[op.noteId]?.[actor.id] ?? 0;
			return state.budget.perNote !== null && onNote >= state.budget.perNote
				? 'budget_exhausted'
				: null;
		}
		case 'vote.retract':
			return (state.votes[op.noteId]?.[actor.id] ?? 0) > 0 ? null : 'no_vote';
	}
	return 'forbidden';
}

/** Whether a note exists and everyone may see it (it is not hidden by private writing). */
const shown = (note: Note | undefined) => !!note && !note.hidden;

/**
 * Whether this viewer may see this note: any note not hidden by private writing; a hidden
 * one only its author and the facilitator (who keeps the board's record).
 */
export const seesNote = (note: Note, viewer: { id: string; role: BoardRole }) =>
	!note.hidden || viewer.role === 'facilitator' || (!!viewer.id && note.authorId === viewer.id);

/**
 * The op as the server stores it: a reveal carries how many notes it shows (counted on
 * the whole board `before`), so every copy, however little it held, says the same.
 */
export function withRevealCount(before: BoardState, op: BoardOp): BoardOp {
	if (op.type !== 'board.private') return op;
	const { count: _sent, ...rest } = op;
	return before.privateWriting && !op.privateWriting
		? { ...rest, count: hiddenCount(before) }
		: rest;
}

/** How many notes private writing still hides. */
export const hiddenCount = (state: Pick<BoardState, 'notes'>) =>
	Object.values(state.notes).filter((n) => n.hidden).length;

const without = <T>(record: Record<string, T>, key: string) => {
	const { [key]: _gone, ...rest } = record;
	return rest;
};

/** The board after a sequenced op. An op at or below the board's sequence changes nothing. */
export function applyOp(state: BoardState, s: SequencedOp): BoardState {
	if (s.seq <= state.seq) return state;
	const next = { ...state, seq: s.seq };
	const op = s.op;
	if (!op) return next;
	switch (op.type) {
		case 'note.add':
			next.notes = {
				...state.notes,
				[op.noteId]: {
					id: op.noteId,
					authorId: s.actorId,
					text: op.text,
					colour: op.colour,
					x: op.x,
					y: op.y,
					clusterId: null,
					...(state.privateWriting ? { hidden: true } : {})
				}
			};
			break;
		case 'note.edit':
		case 'note.move':
		case 'note.cluster': {
			const note = state.notes[op.noteId];
			if (!note) break;
			const change =
				op.type === 'note.edit'
					? { text: op.text }
					: op.type === 'note.move'
						? { x: op.x, y: op.y }
						: { clusterId: op.clusterId };
			next.notes = { ...state.notes, [op.noteId]: { ...note, ...change } };
			break;
		}
		case 'note.delete':
			next.notes = without(state.notes, op.noteId);
			next.votes = without(state.votes, op.noteId);
			if (state.spotlight?.id === op.noteId) next.spotlight = null;
			break;
		case 'cluster.add':
		case 'cluster.rename':
			next.clusters = { ...state.clusters, [op.clusterId]: { id: op.clusterId, name: op.name } };
			break;
		case 'cluster.delete':
			next.clusters = without(state.clusters, op.clusterId);
			next.notes = Object.fromEntries(
				Object.entries(state.notes).map(([k, n]) => [
					k,
					n.clusterId === op.clusterId ? { ...n, clusterId: null } : n
				])
			);
			if (state.spotlight?.id === op.clusterId) next.spotlight = null;
			break;
		case 'vote.cast':
		case 'vote.retract': {
			// Only the facilitator's copy and the voter's own get dots (redactOp): never null here.
			const voter = s.actorId ?? '';
			const byVoter = state.votes[op.noteId] ?? {};
			const count = (byVoter[voter] ?? 0) + (op.type === 'vote.cast' ? 1 : -1);
			const updated = count > 0 ? { ...byVoter, [voter]: count } : without(byVoter, voter);
			next.votes = Object.keys(updated).length
				? { ...state.votes, [op.noteId]: updated }
				: without(state.votes, op.noteId);
			break;
		}
		case 'phase.goto':
			next.phaseIndex = op.index;
			break;
		case 'timer.start':
			next.timer = { endsAt: s.at + op.seconds * 1000, remainingMs: null };
			break;
		case 'timer.pause':
			if (state.timer.endsAt !== null)
				next.timer = { endsAt: null, remainingMs: Math.max(0, state.timer.endsAt - s.at) };
			break;
		case 'timer.resume':
			if (state.timer.remainingMs !== null)
				next.timer = { endsAt: s.at + state.timer.remainingMs, remainingMs: null };
			break;
		case 'timer.extend': {
			const ms = op.seconds * 1000;
			const { endsAt, remainingMs } = state.timer;
			next.timer = {
				endsAt: endsAt === null ? null : endsAt + ms,
				remainingMs: remainingMs === null ? null : remainingMs + ms
			};
			break;
		}
		case 'board.lock':
			next.locked = op.locked;
			break;
		case 'board.anonymous':
			next.anonymous = op.anonymous;
			break;
		case 'board.private':
			next.privateWriting = op.privateWriting;
			// The reveal: every hidden note shown at once, and on record how many, when, by whom.
			if (state.privateWriting && !op.privateWriting) {
				next.lastReveal = { count: op.count ?? hiddenCount(state), at: s.at, by: s.actorId };
				next.notes = Object.fromEntries(
					Object.entries(state.notes).map(([k, n]) => {
						if (!n.hidden) return [k, n];
						const { hidden: _hidden, ...shownNote } = n;
						return [k, shownNote];
					})
				);
			}
			break;
		case 'votes.configure':
			next.budget = { perParticipant: op.perParticipant, perNote: op.perNote };
			break;
		case 'votes.reveal':
			next.revealed = op.revealed;
			break;
		case 'spotlight':
			next.spotlight = op.target;
			break;
	}
	return next;
}

/** Seconds left on the timer at `now` (server-corrected ms), the same for every client. */
export function timerRemaining(state: BoardState, now: number): number | null {
	const { endsAt, remainingMs } = state.timer;
	if (endsAt !== null) return Math.max(0, Math.ceil((endsAt - now) / 1000));
	if (remainingMs !== null) return Math.ceil(remainingMs / 1000);
	return null;
}

/**
 * What one viewer may see: in anonymous mode participants do not see authors (their own
 * notes excepted), notes hidden by private writing only their author sees, and until
 * results are revealed they see only their own dots. The facilitator sees everything.
 */
export function viewFor(state: BoardState, viewer: { id: string; role: BoardRole }): BoardState {
	if (viewer.role === 'facilitator') return state;
	const visible = Object.values(state.notes).every((n) => !n.hidden)
		? state.notes
		: Object.fromEntries(Object.entries(state.notes).filter(([, n]) => seesNote(n, viewer)));
	const notes = state.anonymous
		? Object.fromEntries(
				Object.entries(visible).map(([k, n]) => [
					k,
					n.authorId === viewer.id ? n : { ...n, authorId: null }
				])
			)
		: visible;
	const votes = state.revealed
		? state.votes
		: Object.fromEntries(
				Object.entries(state.votes)
					.filter(([, byVoter]) => byVoter[viewer.id])
					.map(([noteId, byVoter]) => [noteId, { [viewer.id]: byVoter[viewer.id] }])
			);
	return { ...state, notes, votes };
}

/** Notes ranked by dots, then by when they were added (stable for exports). */
export function rankedNotes(state: BoardState): (Note & { dots: number })[] {
	const order = Object.keys(state.notes);
	return order
		.map((k) => ({
			...state.notes[k],
			dots: Object.values(state.votes[k] ?? {}).reduce((a, b) => a + b, 0)
		}))
		.sort((a, b) => b.dots - a.dots || order.indexOf(a.id) - order.indexOf(b.id));
}

/**
 * The note an op adds or changes that private writing hides, with its author; null when
 * the op touches no hidden note. `before` is the board the op is applied to.
 */
export function hiddenNoteOf(
	before: Pick<BoardState, 'privateWriting' | 'notes'>,
	op: BoardOp,
	actorId: string | null
): { authorId: string | null } | null {
	if (op.type === 'note.add') return before.privateWriting ? { authorId: actorId } : null;
	if (!('noteId' in op)) return null;
	const note = before.notes[op.noteId];
	return note?.hidden ? { authorId: note.authorId } : null;
}

/**
 * A stored op as one viewer receives it, matching `viewFor`: in anonymous mode others'
 * names are left out, an op on a note private writing hides reaches only its author (and
 * the facilitator) and others get a bare place in the order, as they do for others' dots
 * before the reveal. `before` is the board's secrecy when the op was applied.
 */
export function redactOp(
	s: SequencedOp,
	before: Pick<BoardState, 'anonymous' | 'revealed'> & {
		hiddenNote?: { authorId: string | null } | null;
	},
	viewer: { id: string; role: BoardRole }
): SequencedOp {
	// An actor may act only on hidden notes of their own: their ops are always theirs to see.
	if (viewer.role === 'facilitator' || s.actorId === viewer.id || !s.op) return s;
	if (before.hiddenNote && (!viewer.id || before.hiddenNote.authorId !== viewer.id))
		return { ...s, actorId: null, op: null };
	if (s.op.type.startsWith('vote.') && !before.revealed) return { ...s, actorId: null, op: null };
	return before.anonymous ? { ...s, actorId: null } : s;
}
