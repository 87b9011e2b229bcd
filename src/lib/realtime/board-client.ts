import type { Socket } from 'socket.io-client';
import type { DefaultEventsMap } from '@socket.io/component-emitter';
import { BoardReplica } from '$lib/domain/board-sequence';
import {
	applyOp,
	emptyBoard,
	type BoardOp,
	type BoardRole,
	type BoardState
} from '$lib/domain/board';
import {
	ASK,
	FINAL_JOIN_REFUSALS,
	RETRIED_REFUSALS,
	TELL,
	type Answers,
	type AskEvent,
	type AskPayload,
	type Person,
	type Refusal,
	type ServerToClient
} from './protocol';

/** A browser's socket: what it hears typed by the protocol; what it asks goes through `ask`. */
export type ClientSocket = Socket<ServerToClient, DefaultEventsMap>;

/**
 * Asks the server one question of the protocol and resolves with its answer (typed by
 * the protocol's `Answers`), or with the refusal `timeout` when none comes within `ms`
 * (disconnected, or the server is gone).
 */
export async function ask<E extends AskEvent>(
	socket: ClientSocket,
	event: E,
	payload: AskPayload<E>,
	ms = 10_000
): Promise<Answers[E] | { ok: false; error: 'timeout' }> {
	try {
		return await socket.timeout(ms).emitWithAck(event, payload);
	} catch {
		return { ok: false, error: 'timeout' };
	}
}

export type OpAnswer = Answers[typeof ASK.op] | { ok: false; error: 'timeout' };

interface Pending {
	opId: string;
	op: BoardOp;
	resolve: (answer: OpAnswer) => void;
}

export interface BoardClientEvents {
	/**
	 * The board changed (ops applied, snapshot, an own op shown optimistically or rolled
	 * back): `state` is what to show, `confirmed` the server's ordered ops alone (what to
	 * announce, so an own op shown at once and then confirmed is told once).
	 */
	change?: (state: BoardState, confirmed: BoardState) => void;
	presence?: (people: Person[]) => void;
	/** An own op the server refused, with its reason: the optimistic change was rolled back. */
	refused?: (op: BoardOp, error: Refusal) => void;
	/** A flood warning or a connection problem. */
	error?: (error: Refusal) => void;
}

/**
 * One board as a browser (or a test, or the benchmark) holds it over socket.io: the
 * replica of the server's ordered ops, own ops shown at once and kept until acknowledged,
 * resent with the same ids after a reconnect (the server acknowledges a repeat without
 * applying it twice), and a fresh join with the last sequence seen after every reconnect.
 */
export class BoardClient {
	readonly replica = new BoardReplica(emptyBoard());
	role: BoardRole | null = null;
	/** Server time minus local time, so every client shows the same timer. */
	clockOffset = 0;
	#outbox = new Map<string, Pending>();

	constructor(
		readonly socket: ClientSocket,
		readonly boardId: string,
		readonly userId: string,
		readonly events: BoardClientEvents = {}
	) {
		socket.on('connect', () => void this.join());
		socket.on(TELL.ops, (m) => {
			if (m.boardId !== boardId) return;
			for (const op of m.ops) this.replica.receive(op);
			this.#changed();
			this.#watchGap();
		});
		socket.on(TELL.refresh, (m) => {
			if (m.boardId === boardId) void this.join(0);
		});
		socket.on(TELL.presence, (m) => {
			if (m.boardId === boardId) events.presence?.(m.people);
		});
		socket.on(TELL.error, (m) => events.error?.(m.error));
		if (socket.connected) void this.join();
	}

	/** What to show: the replica with own unacknowledged ops laid over it. */
	get view(): BoardState {
		let state = this.replica.state;
		for (const p of this.#outbox.values()) {
			state = applyOp(state, {
				seq: state.seq + 1,
				opId: p.opId,
				actorId: this.userId,
				at: this.now(),
				op: p.op
			});
		}
		return state;
	}

	get unacknowledged(): number {
		return this.#outbox.size;
	}

	now(): number {
		return Date.now() + this.clockOffset;
	}

	async join(lastSeq = this.replica.state.seq): Promise<boolean> {
		const answer = await ask(this.socket, ASK.join, { boardId: this.boardId, lastSeq });
		if (!answer.ok) {
			this.events.error?.(answer.error);
			// A passing failure is tried again: the outbox would otherwise wait for a reconnect.
			if (!FINAL_JOIN_REFUSALS.has(answer.error))
				setTimeout(() => this.socket.connected && void this.join(), 1000);
			return false;
		}
		this.role = answer.role;
		this.clockOffset = answer.serverTime - Date.now();
		if (answer.catchUp.kind === 'snapshot') this.replica.reset(answer.catchUp.state);
		else for (const op of answer.catchUp.ops) this.replica.receive(op);
		this.#changed();
		// Whatever was sent but not acknowledged goes again, with the same ids.
		for (const p of this.#outbox.values()) void this.#send(p);
		return true;
	}

	/** Sends an op; resolves with the server's answer (retrying across reconnects). */
	send(op: BoardOp, opId: string = crypto.randomUUID()): Promise<OpAnswer> {
		return new Promise((resolve) => {
			const pending = { opId, op, resolve };
			this.#outbox.set(opId, pending);
			this.#changed();
			if (this.socket.connected) void this.#send(pending);
		});
	}

	async #send(p: Pending) {
		const answer = await ask(this.socket, ASK.op, {
			boardId: this.boardId,
			opId: p.opId,
			op: p.op
		});
		// No answer (disconnected): sent again after the next join.
		if (!answer.ok && answer.error === 'timeout') return;
		if (!this.#outbox.has(p.opId)) return;
		if (!answer.ok && RETRIED_REFUSALS.has(answer.error)) {
			// Not refused on its merits: try again shortly.
			setTimeout(() => this.socket.connected && void this.#send(p), 500);
			return;
		}
		this.#outbox.delete(p.opId);
		if (answer.ok) this.replica.receive(answer.op);
		else this.events.refused?.(p.op, answer.error);
		this.#changed();
		p.resolve(answer);
	}

	#gapTimer: ReturnType<typeof setTimeout> | null = null;

	/** A gap that does not close by itself within a second is fetched by joining again. */
	#watchGap() {
		if (!this.replica.waiting || this.#gapTimer) return;
		this.#gapTimer = setTimeout(() => {
			this.#gapTimer = null;
			if (this.replica.waiting && this.socket.connected) void this.join();
		}, 1000);
	}

	#changed() {
		this.events.change?.(this.view, this.replica.state);
	}
}
