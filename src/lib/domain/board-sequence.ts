import { applyOp, type BoardState, type SequencedOp } from './board';

/**
 * A client's copy of a board: ops may arrive out of order or twice (a broadcast racing a
 * catch-up after a reconnect). They are applied strictly in sequence order; a gap is
 * held until the missing ops arrive; a repeat is ignored.
 */
export class BoardReplica {
	#pending = new Map<number, SequencedOp>();

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
			next = this.#pending.get(this.state.seq + 1);
		}
		return applied;
	}

	/** Whether ops after `state.seq` are known to exist but have not arrived. */
	get waiting(): boolean {
		return this.#pending.size > 0;
	}

	/** Replaces the state with a snapshot (when too far behind); held ops beyond it still apply. */
	reset(snapshot: BoardState) {
		this.state = snapshot;
		for (const seq of [...this.#pending.keys()]) if (seq <= snapshot.seq) this.#pending.delete(seq);
		const held = [...this.#pending.values()];
		this.#pending.clear();
		for (const op of held) this.receive(op);
	}
}
