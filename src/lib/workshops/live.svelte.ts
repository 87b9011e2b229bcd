import { getContext, setContext } from 'svelte';
import { io, type Socket } from 'socket.io-client';
import { m } from '$lib/paraglide/messages';
import { BoardClient } from '$lib/realtime/board-client';
import {
	emptyBoard,
	mayNow,
	timerRemaining,
	votesOf,
	type BoardOp,
	type BoardRole,
	type BoardState,
	type Note,
	type OpType
} from '$lib/domain/board';
import { boardChanges, type BoardChange } from '$lib/domain/board-changes';

export interface Announcement {
	id: string;
	body: string;
	at: number;
}

export interface LiveSetup {
	workshopId: string;
	userId: string;
	boardId: string;
	/** userId → name, for note authors. */
	names: Record<string, string>;
	announcements: Announcement[];
	/** Whether the boards still take changes (until the workshop ends); asked each time, so it follows the page's data. */
	open: () => boolean;
	/** The workshop itself changed (started, ended): load the page's data again. */
	refresh: () => void;
}

/** Refusals with their own words; anything else is "not saved, try again". */
const REFUSALS = new Set([
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
	'invalid_payload',
	'rate_limited',
	// The op path refuses with this once the workshop has ended (the board is read-only).
	'workshop_ended',
	// The session behind the socket has ended (signed out elsewhere, password reset).
	'session_ended',
	// The handshake refused: too many sockets of this user at once.
	'too_many_sockets'
]);
/** A refusal code the page has words for, else 'other'. */
export const refusalKey = (code: string) => (REFUSALS.has(code) ? code : 'other');

/** Live announcements wait this long and are said together, so a busy board does not flood. */
const LIVE_EVERY_MS = 2000;

/**
 * The live workshop page: one board over socket.io (BoardClient), the clock corrected to
 * the server's, who is present, announcements, and what to say in the live region.
 */
export class WorkshopLive {
	state: BoardState = $state.raw(emptyBoard());
	people: { id: string; name: string }[] = $state.raw([]);
	role: BoardRole | null = $state(null);
	connected = $state(false);
	now = $state(Date.now());
	boardId = $state('');
	announcements: Announcement[] = $state.raw([]);
	/** Message key of the last refused own change, shown next to the board. */
	refusal = $state('');
	/** What the live region says now. */
	live = $state('');

	#setup: LiveSetup;
	#socket: Socket | null = null;
	#client: BoardClient | null = null;
	#tick: ReturnType<typeof setInterval> | undefined;
	#queue: BoardChange[] = [];
	#flush: ReturnType<typeof setTimeout> | undefined;

	constructor(setup: LiveSetup) {
		this.#setup = setup;
		this.boardId = setup.boardId;
		this.announcements = setup.announcements;
	}

	get userId() {
		return this.#setup.userId;
	}
	get phase() {
		return this.state.phases[this.state.phaseIndex];
	}
	get remaining() {
		return timerRemaining(this.state, this.now);
	}
	get myVotes() {
		return votesOf(this.state, this.userId);
	}
	get isFacilitator() {
		return this.role === 'facilitator';
	}
	get open() {
		return this.#setup.open();
	}

	/** Whether the caller may do this now (the server decides; this only hides what would fail). */
	can(type: OpType): boolean {
		return !!this.role && this.open && mayNow(this.state, type, this.role) === null;
	}

	canChange(note: Note): boolean {
		return this.isFacilitator || note.authorId === this.userId;
	}

	authorName(note: Note): string | null {
		if (!note.authorId) return null;
		return (
			this.#setup.names[note.authorId] ??
			this.people.find((p) => p.id === note.authorId)?.name ??
			null
		);
	}

	/** Opens the connection (in the browser, after mount) and joins the board. */
	start() {
		this.#tick = setInterval(() => (this.now = this.#client?.now() ?? Date.now()), 1000);
		this.#open(this.boardId);
	}

	stop() {
		clearInterval(this.#tick);
		clearTimeout(this.#flush);
		this.#socket?.close();
		this.#socket = null;
	}

	/** Shows another board of the workshop (negotiation mode: facilitator and owners). */
	switchBoard(boardId: string) {
		if (boardId === this.boardId) return;
		this.#socket?.close();
		this.boardId = boardId;
		this.state = emptyBoard();
		this.people = [];
		this.#queue = [];
		this.#open(boardId);
	}

	#open(boardId: string) {
		const socket = io({ forceNew: true, transports: ['websocket', 'polling'] });
		this.#socket = socket;
		socket.on('connect', () => (this.connected = true));
		socket.on('disconnect', () => (this.connected = false));
		socket.on('connect_error', (err: Error) => {
			if (err.message === 'too_many_sockets') this.refusal = refusalKey(err.message);
		});
		// The server closed the socket: the session ended (the page loads again and is sent
		// to sign in), or the user's rights changed (the page loads again and reconnects to
		// the board if it may still be seen).
		socket.on('realtime:ended', (e: { reason: string }) => {
			if (e.reason === 'session_ended') this.refusal = refusalKey('session_ended');
			this.#setup.refresh();
			if (e.reason === 'access_changed') setTimeout(() => this.#reopen(socket), 500);
		});
		socket.on('workshop:announcement', (a: Announcement & { workshopId: string }) => {
			if (a.workshopId !== this.#setup.workshopId) return;
			if (this.announcements.some((x) => x.id === a.id)) return;
			this.announcements = [...this.announcements, { id: a.id, body: a.body, at: a.at }];
			this.#say(m.live_announcement({ text: a.body }));
		});
		// Whoever made the change is already being taken there by their own form.
		socket.on('workshop:status', (e: { workshopId: string; by: string }) => {
			if (e.workshopId === this.#setup.workshopId && e.by !== this.userId) this.#setup.refresh();
		});
		let first = true;
		this.#client = new BoardClient(socket, boardId, this.userId, {
			change: (next) => {
				const before = this.state;
				this.state = next;
				this.role = this.#client?.role ?? this.role;
				this.now = this.#client?.now() ?? Date.now();
				// The first snapshot is the board as found, not a change anyone made.
				if (first) first = false;
				else this.#announce(boardChanges(before, next, this.userId));
			},
			presence: (people) => (this.people = people),
			refused: (_op, error) => (this.refusal = refusalKey(error)),
			error: (error) => {
				if (error === 'rate_limited') this.refusal = refusalKey(error);
			}
		});
	}

	/** Opens the board again on a new socket, unless the page has moved on since. */
	#reopen(closed: Socket) {
		if (this.#socket !== closed) return;
		this.#open(this.boardId);
	}

	/** Sends one op; a refusal comes back through `refused` and is shown in words. */
	send(op: BoardOp) {
		this.refusal = '';
		void this.#client?.send(op);
	}

	/** Tells every team at once (facilitator). Resolves with a refusal code, or null. */
	async announce(body: string): Promise<string | null> {
		const socket = this.#socket;
		if (!socket?.connected) return 'other';
		const answer = (await socket
			.timeout(10_000)
			.emitWithAck('workshop:announce', { workshopId: this.#setup.workshopId, body })
			.catch(() => ({ ok: false, error: 'timeout' }))) as
			{ ok: true; announcement: Announcement } | { ok: false; error: string };
		if (!answer.ok) return refusalKey(answer.error);
		if (!this.announcements.some((x) => x.id === answer.announcement.id))
			this.announcements = [...this.announcements, answer.announcement];
		return null;
	}

	#announce(changes: BoardChange[]) {
		if (!changes.length) return;
		this.#queue.push(...changes);
		this.#flush ??= setTimeout(() => {
			this.#flush = undefined;
			const queue = this.#queue;
			this.#queue = [];
			const words = queue.map((c) => this.#words(c));
			// Phases and spotlights matter most; a burst of notes is counted, not read out.
			this.#say(words.length <= 3 ? words.join('. ') : m.live_changes({ count: words.length }));
		}, LIVE_EVERY_MS);
	}

	#words(c: BoardChange): string {
		switch (c.kind) {
			case 'note_added':
				return m.live_note_added({
					name: (c.authorId && this.#setup.names[c.authorId]) || m.live_someone()
				});
			case 'phase':
				return m.live_phase({ phase: this.state.phases[c.index]?.title ?? '' });
			case 'locked':
				return c.locked ? m.live_locked() : m.live_unlocked();
			case 'timer':
				return c.running ? m.live_timer_started() : m.live_timer_paused();
			case 'spotlight':
				return m.live_spotlight({ text: c.text.slice(0, 120) });
			case 'revealed':
				return m.live_results();
		}
	}

	#say(text: string) {
		// The same words twice in a row must still be read: clear, then set.
		this.live = '';
		queueMicrotask(() => (this.live = text));
	}
}

const KEY = Symbol('workshop-live');
export const setWorkshopLive = (live: WorkshopLive) => setContext(KEY, live);
export const useWorkshopLive = () => getContext<WorkshopLive>(KEY);
