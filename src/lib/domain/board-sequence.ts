import { applyOp, type BoardState, type SequencedOp } from './board';

/** How many applied ops a replica keeps to lay again over an older snapshot. */
export const REPLAYED_OPS = 500;

/**
 * A client's copy of a board: ops may arrive out of order or twice (a broadcast racing a
 * catch-up after a reconnect). They are applied strictly in sequence order; a gap is
 * held until the missing ops arrive; a repeat is ignored.
 */
export class BoardReplica {
	#pending = new Map<number, SequencedOp>();
	/** The last ops applied (at most REPLAYED_OPS), oldest first. */
	#applied: SequencedOp[] = [];

	constructor(public state: BoardState) {}

	/** Takes one op; returns those applied now, in order (none while a gap is open). */
	receive(op: SequencedOp): SequencedOp[] {
		if (op.seq <= this.state.seq) return [];
		this.#pending.set(op.seq, op);
		const applied: SequencedOp[] = [];
		for (let next = this.#pending.get(this.state.seq + 1); next;) {
			this.#pending.delete(next.seq);
			this.state = applyOp(this.state, next);
			applied.push(next);
			this.#applied.push(next);
			next = this.#pending.get(this.state.seq + 1);
		}
		if (this.#applied.length > REPLAYED_OPS)
			this.#applied.splice(0, this.#applied.length - REPLAYED_OPS);
		return applied;
	}

	/** Whether ops after `state.seq` are known to exist but have not arrived. */
	get waiting(): boolean {
		return this.#pending.size > 0;
	}

	/**
	 * Replaces the state with a snapshot (after a change of who may see what, or when too
	 * far behind). Ops beyond the snapshot still apply: those held in a gap, and those
	 * already applied that arrived while the snapshot was on its way (a snapshot read
	 * before they were stored must not take them away again).
	 */
	reset(snapshot: BoardState) {
		const later = [...this.#applied, ...this.#pending.values()].filter(
			(op) => op.seq > snapshot.seq
		);
		this.state = snapshot;
		this.#pending.clear();
		this.#applied = [];
		for (const op of later) this.receive(op);
	}
}
