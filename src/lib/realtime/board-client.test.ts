import { describe, expect, it } from 'vitest';
import type { SequencedOp } from '$lib/domain/board';
import { BoardClient, type ClientSocket } from './board-client';
import { TELL, type Told } from './protocol';

const BOARD = '00000000-0000-4000-8000-000000000001';

/** A socket that never connects: the test tells the client what the server would. */
function fakeSocket() {
	const handlers = new Map<string, (m: unknown) => void>();
	const socket = {
		connected: false,
		on(event: string, fn: (m: unknown) => void) {
			handlers.set(event, fn);
			return socket;
		}
	};
	const tell = (ops: SequencedOp[]) =>
		handlers.get(TELL.ops)!({ boardId: BOARD, ops } satisfies Told[typeof TELL.ops]);
	return { socket: socket as unknown as ClientSocket, tell };
}

const op = (seq: number, x: number): SequencedOp => ({
	seq,
	opId: `00000000-0000-4000-8000-00000000010${seq}`,
	actorId: 'someone',
	at: 1000 + seq,
	op:
		seq === 1
			? { type: 'note.add', noteId: 'n1', text: 'Idea', colour: 'yellow', x: 1, y: 1 }
			: { type: 'note.move', noteId: 'n1', x, y: 1 }
});

describe('ops told together (one message per batch)', () => {
	const ops = [op(1, 0), op(2, 50), op(3, 99)];

	it('are applied as the same ops told one by one, in sequence order', () => {
		const one = fakeSocket();
		const apart = new BoardClient(one.socket, BOARD, 'me');
		for (const o of ops) one.tell([o]);
		const all = fakeSocket();
		const together = new BoardClient(all.socket, BOARD, 'me');
		all.tell(ops);
		expect(together.replica.state).toEqual(apart.replica.state);
		expect(together.replica.state.seq).toBe(3);
		// The last move wins: applied in order, not as they happened to be listed.
		expect(together.replica.state.notes.n1).toMatchObject({ x: 99 });
	});

	it('wait for an earlier op that has not arrived, whichever message brings it', () => {
		const s = fakeSocket();
		const client = new BoardClient(s.socket, BOARD, 'me');
		s.tell([ops[2]]);
		expect(client.replica.state.seq).toBe(0);
		s.tell([ops[0], ops[1]]);
		expect(client.replica.state.seq).toBe(3);
		expect(client.replica.state.notes.n1).toMatchObject({ x: 99 });
		// A repeat, alone or in a later batch, changes nothing.
		const before = client.replica.state;
		s.tell([ops[1], ops[2]]);
		expect(client.replica.state).toBe(before);
	});
});
