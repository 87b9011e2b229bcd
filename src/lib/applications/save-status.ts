/** What the editor tells the person about their draft: saved, saving or why not. */
export type SaveStatus =
	| { kind: 'idle' }
	| { kind: 'pending' }
	| { kind: 'saving' }
	| { kind: 'saved'; at: Date }
	/** A teammate saved meanwhile: never retried, the person reloads. */
	| { kind: 'conflict' }
	/** No connection: retried when the browser is back online. */
	| { kind: 'offline' }
	| { kind: 'error'; message: string };

export type SaveAnswer =
	| { kind: 'saved'; version: number; at: Date }
	| Exclude<SaveStatus, { kind: 'idle' | 'pending' | 'saving' | 'saved' }>;

/** The status a reply of `PUT /applications/<id>/draft` means; `null` status: no reply at all. */
export function saveAnswer(status: number | null, body: unknown, fallback: string): SaveAnswer {
	if (status === null) return { kind: 'offline' };
	const b = (body ?? {}) as {
		version?: unknown;
		savedAt?: unknown;
		reason?: unknown;
		message?: unknown;
	};
	if (status === 200 && typeof b.version === 'number' && typeof b.savedAt === 'string') {
		return { kind: 'saved', version: b.version, at: new Date(b.savedAt) };
	}
	if (status === 409 && b.reason === 'conflict') return { kind: 'conflict' };
	return { kind: 'error', message: typeof b.message === 'string' ? b.message : fallback };
}

/** Whether a save may be attempted now (a conflict waits for a reload). */
export const canSave = (s: SaveStatus) => s.kind !== 'conflict';
