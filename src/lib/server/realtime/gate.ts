/**
 * The one per-viewer gate. Whatever a socket sends — answers (a repeat's too), ops told
 * to a room, catch-ups and snapshots, presence, announcements, status, refusals and
 * errors — is built as a `Held` message and becomes what goes on the wire only through
 * `gate`, for the viewer it goes to (src/lib/server/realtime/say.ts is the only caller,
 * and the only code that emits). Held messages carry ops and boards whole; the wire
 * types (`ServerMessages` in the protocol) are what a viewer may see of them.
 */
import {
	gateCatchUp,
	gateOp,
	type HeldCatchUp,
	type HeldOp,
	type Viewer
} from '$lib/domain/board-gate';
import { ASK, TELL, type Answers, type Refused, type ServerMessages } from '$lib/realtime/protocol';

/** Everything the server may send, before the gate: as on the wire, but with ops and boards held whole. */
export interface Held extends Omit<
	ServerMessages,
	typeof TELL.ops | typeof ASK.join | typeof ASK.op
> {
	[TELL.ops]: { boardId: string; ops: HeldOp[] };
	[ASK.join]:
		| (Omit<Extract<Answers[typeof ASK.join], { ok: true }>, 'catchUp'> & {
				catchUp: HeldCatchUp;
		  })
		| Refused;
	[ASK.op]: { ok: true; op: HeldOp } | Refused;
}
export type MessageKind = keyof Held;

/** Messages with nothing private in them pass as they are: who is present, refusals, words said to all. */
const open = <T>(_viewer: Viewer, message: T): T => message;

const GATES: { [K in MessageKind]: (viewer: Viewer, message: Held[K]) => ServerMessages[K] } = {
	[TELL.ops]: (viewer, m) => ({ boardId: m.boardId, ops: m.ops.map((op) => gateOp(viewer, op)) }),
	[TELL.refresh]: open,
	// Who is on the board, by name: never who wrote or voted what.
	[TELL.presence]: open,
	[TELL.error]: open,
	[TELL.announcement]: open,
	[TELL.status]: open,
	// Only that a board changed, told to the workshop's facilitators alone.
	[TELL.activity]: open,
	[TELL.ended]: open,
	[ASK.join]: (viewer, a) => (a.ok ? { ...a, catchUp: gateCatchUp(viewer, a.catchUp) } : a),
	[ASK.op]: (viewer, a) => (a.ok ? { ok: true, op: gateOp(viewer, a.op) } : a),
	[ASK.leave]: open,
	[ASK.announce]: open,
	[ASK.ping]: open
};

/**
 * A held message as `viewer` may receive it: ops redacted for them (`redactOp`), boards
 * as they may see them (`viewFor`). The viewer is the socket's person in their board
 * role, or for a room everyone of one view (`ANYONE`, `ANY_PARTICIPANT`, `FACILITATOR`).
 */
export function gate<K extends MessageKind>(
	viewer: Viewer,
	kind: K,
	message: Held[K]
): ServerMessages[K] {
	return GATES[kind](viewer, message);
}
