import { getContext, setContext } from 'svelte';
import { io } from 'socket.io-client';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { Locale } from '$lib/domain/locale';
import { ask, BoardClient, type ClientSocket } from '$lib/realtime/board-client';
import { ASK, TELL, type Person, type Refusal } from '$lib/realtime/protocol';
import {
	emptyBoard,
	mayNow,
	phaseTitle,
	timerRemaining,
	votesOf,
	type BoardOp,
	type BoardRole,
	type BoardState,
	type Note,
	type OpType
} from '$lib/domain/board';
import {
	boardChanges,
	summarizeChanges,
	type BoardChange,
	type TimerAction
} from '$lib/domain/board-changes';

/** An announcement as the page shows it: its words, their language, when and from whom. */
export interface Announcement {
	id: string;
	body: string;
	at: number;
	lang: Locale | null;
	by: string | null;
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
	/** A board of the workshop changed (told to its facilitators only): their overview is stale. */
	activity?: (boardId: string) => void;
}

/** Live announcements wait this long and are said together, so a busy board does not flood. */
const LIVE_EVERY_MS = 2000;

/**
 * The live workshop page: one board over socket.io (BoardClient), the clock corrected to
 * the server's, who is present, announcements, and what to say in the live region.
 */
export class WorkshopLive {
	state: BoardState = $state.raw(emptyBoard());
	people: Person[] = $state.raw([]);
	/** Who is on the workshop's other boards, by board id (told to its facilitators only). */
	elsewhere: Record<string, Person[]> = $state.raw({});
	role: BoardRole | null = $state(null);
	connected = $state(false);
	now = $state(Date.now());
	boardId = $state('');
	announcements: Announcement[] = $state.raw([]);
	/** Why the last own change was refused (shown next to the board in words), or ''. */
	refusal: Refusal | '' = $state('');
	/** What the live region says now. */
	live = $state('');
	/** The timer of this board reached zero while it ran (cleared when it is set again). */
	timeUp = $state(false);
	/** Play a short sound when the timer reaches zero (off unless the person turns it on). */
	sound = $state(false);

	#setup: LiveSetup;
	#socket: ClientSocket | null = null;
	#client: BoardClient | null = null;
	#tick: ReturnType<typeof setInterval> | undefined;
	#queue: BoardChange[] = [];
	#flush: ReturnType<typeof setTimeout> | undefined;
	/** The timer end already told as expired, so expiry is said once per run. */
	#expiredAt: number | null = null;

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
	/** Seconds left, or null: no timer, or the workshop has ended (its timer stops with it). */
	get remaining() {
		if (!this.open) return null;
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
		this.#tick = setInterval(() => {
			this.now = this.#client?.now() ?? Date.now();
			this.#checkExpiry();
		}, 1000);
		this.#open(this.boardId);
	}

	/** Says once, in words, that the running timer reached zero (and chimes if asked to). */
	#checkExpiry() {
		const endsAt = this.state.timer.endsAt;
		this.timeUp = endsAt !== null && this.open && this.now >= endsAt;
		if (!this.timeUp || this.#expiredAt === endsAt) return;
		this.#expiredAt = endsAt;
		const phase = this.phase ? phaseTitle(this.phase.title, getLocale()).text : '';
		this.#say(phase ? m.board_time_up_phase({ phase }) : m.board_time_up());
		if (this.sound) beep();
	}

	/** Says something the person's own action caused (focus stays where they are). */
	tell(text: string) {
		this.#say(text);
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
		this.elsewhere = {};
		this.#queue = [];
		this.#open(boardId);
	}

	#open(boardId: string) {
		const socket: ClientSocket = io({ forceNew: true, transports: ['websocket', 'polling'] });
		this.#socket = socket;
		socket.on('connect', () => (this.connected = true));
		socket.on('disconnect', () => (this.connected = false));
		socket.on('connect_error', (err: Error) => {
			if (err.message === 'too_many_sockets') this.refusal = 'too_many_sockets';
		});
		// The server closed the socket: the session ended (the page loads again and is sent
		// to sign in), or the user's rights changed (the page loads again and reconnects to
		// the board if it may still be seen).
		socket.on(TELL.ended, (e) => {
			if (e.reason === 'session_ended') this.refusal = 'session_ended';
			this.#setup.refresh();
			if (e.reason === 'access_changed') setTimeout(() => this.#reopen(socket), 500);
		});
		socket.on(TELL.announcement, (a) => {
			if (a.workshopId !== this.#setup.workshopId) return;
			if (this.announcements.some((x) => x.id === a.id)) return;
			const { workshopId: _workshop, ...said } = a;
			this.announcements = [...this.announcements, said];
			this.#say(m.live_announcement({ text: a.body }));
		});
		// The facilitator's overview: who is on the other boards, and that one changed.
		socket.on(TELL.presence, (p) => {
			if (p.boardId !== this.boardId) this.elsewhere = { ...this.elsewhere, [p.boardId]: p.people };
		});
		socket.on(TELL.activity, (a) => {
			if (a.workshopId === this.#setup.workshopId) this.#setup.activity?.(a.boardId);
		});
		// Whoever made the change is already being taken there by their own form.
		socket.on(TELL.status, (e) => {
			if (e.workshopId === this.#setup.workshopId && e.by !== this.userId) this.#setup.refresh();
		});
		let confirmed: BoardState | null = null;
		this.#client = new BoardClient(socket, boardId, this.userId, {
			change: (next, server) => {
				this.state = next;
				this.role = this.#client?.role ?? this.role;
				this.now = this.#client?.now() ?? Date.now();
				// Only the server's confirmed states are compared: an own op shown at once and
				// confirmed later is one change. The first state is the board as found.
				const before = confirmed;
				if (before === server) return;
				confirmed = server;
				if (before && before.seq < server.seq)
					this.#announce(boardChanges(before, server, this.userId, this.now));
				// A timer found already run out when joining is shown, not announced as news.
				if (!before && server.timer.endsAt !== null && server.timer.endsAt <= this.now)
					this.#expiredAt = server.timer.endsAt;
			},
			presence: (people) => (this.people = people),
			refused: (_op, error) => (this.refusal = error),
			error: (error) => {
				if (error === 'rate_limited') this.refusal = error;
			}
		});
	}

	/** Opens the board again on a new socket, unless the page has moved on since. */
	#reopen(closed: ClientSocket) {
		if (this.#socket !== closed) return;
		this.#open(this.boardId);
	}

	/** Sends one op; a refusal comes back through `refused` and is shown in words. */
	send(op: BoardOp) {
		this.refusal = '';
		void this.#client?.send(op);
	}

	/** Tells every team at once (facilitator). Resolves with a refusal, or null. */
	async announce(body: string): Promise<Refusal | null> {
		const socket = this.#socket;
		if (!socket?.connected) return 'unavailable';
		const answer = await ask(socket, ASK.announce, {
			workshopId: this.#setup.workshopId,
			body,
			lang: getLocale()
		});
		if (!answer.ok) return answer.error;
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
			const text = this.#words(queue);
			if (text) this.#say(text);
		}, LIVE_EVERY_MS);
	}

	/** A batch of changes in words: each kind once (its latest), new notes with their authors. */
	#words(queue: BoardChange[]): string {
		const { notes, rest } = summarizeChanges(queue);
		const said: string[] = [];
		if (notes.count) {
			const names = notes.authors
				.map(
					(a) => (a && (this.#setup.names[a] ?? this.people.find((p) => p.id === a)?.name)) || null
				)
				.filter((n): n is string => !!n);
			said.push(
				names.length
					? m.board_notes_added({ count: notes.count, names: listWords(names) })
					: m.board_notes_added_anonymous({ count: notes.count })
			);
		}
		for (const c of rest) said.push(this.#change(c));
		return said.join('. ');
	}

	#change(c: Exclude<BoardChange, { kind: 'note_added' }>): string {
		switch (c.kind) {
			case 'phase':
				return m.live_phase({
					phase: phaseTitle(this.state.phases[c.index]?.title ?? '', getLocale()).text
				});
			case 'locked':
				return c.locked ? m.live_locked() : m.live_unlocked();
			case 'anonymous':
				return c.anonymous ? m.board_anonymous_on() : m.board_anonymous_off();
			case 'private':
				return c.on ? m.private_started() : m.private_ended({ count: c.revealed });
			case 'timer':
				return timerWords(c.action, c.seconds);
			case 'spotlight':
				return m.live_spotlight({ text: c.text.slice(0, 120) });
			case 'revealed':
				return c.revealed ? m.live_results() : m.board_results_hidden();
		}
	}

	#say(text: string) {
		// The same words twice in a row must still be read: clear, then set.
		this.live = '';
		queueMicrotask(() => (this.live = text));
	}
}

/** "Anna", "Anna and Ben", "Anna, Ben and Cecilia": names as a sentence lists them. */
function listWords(names: string[]): string {
	if (names.length < 2) return names.join('');
	return m.board_and({ first: names.slice(0, -1).join(', '), last: names[names.length - 1] });
}

/** A duration in words: whole minutes as minutes, under a minute as seconds. */
export function durationWords(seconds: number): string {
	if (seconds >= 60 && seconds % 60 === 0) return m.board_time_minutes({ count: seconds / 60 });
	if (seconds >= 60) return m.board_time_minutes({ count: Math.round(seconds / 60) });
	return m.board_time_seconds({ count: seconds });
}

function timerWords(action: TimerAction, seconds: number): string {
	const time = durationWords(seconds);
	switch (action) {
		case 'started':
			return m.board_timer_started({ time });
		case 'paused':
			return m.board_timer_paused({ time });
		case 'resumed':
			return m.board_timer_resumed({ time });
		case 'extended':
			return m.board_timer_extended({ time });
		case 'stopped':
			return m.board_timer_stopped();
	}
}

/** A short, soft two-tone chime (Web Audio); silent where audio is not allowed. */
function beep() {
	try {
		const ctx = new AudioContext();
		for (const [i, hz] of [880, 660].entries()) {
			const osc = ctx.createOscillator();
			const gain = ctx.createGain();
			osc.frequency.value = hz;
			gain.gain.setValueAtTime(0.15, ctx.currentTime + i * 0.25);
			gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + i * 0.25 + 0.22);
			osc.connect(gain).connect(ctx.destination);
			osc.start(ctx.currentTime + i * 0.25);
			osc.stop(ctx.currentTime + i * 0.25 + 0.25);
		}
		setTimeout(() => void ctx.close(), 1000);
	} catch {
		// No audio here: the words in the live region are what counts.
	}
}

const KEY = Symbol('workshop-live');
export const setWorkshopLive = (live: WorkshopLive) => setContext(KEY, live);
export const useWorkshopLive = () => getContext<WorkshopLive>(KEY);
