/**
 * A copy of what a person typed and the server does not have yet, kept in this browser's
 * localStorage under `key` with the version of the record it was typed over, so a reload,
 * a crashed tab or a lost connection loses nothing. The one store of the app's editors
 * (the application draft, the concept); what to do with a copy found is the editor's.
 * Private mode or a full quota: nothing is kept and nothing is thrown (the server save
 * still runs).
 */
export class LocalCopy<T extends object> {
	constructor(readonly key: string) {}

	/** The copy kept here, with the version it was typed over, or null (none, or unreadable). */
	read(): (T & { version: number }) | null {
		try {
			const copy = JSON.parse(localStorage.getItem(this.key) ?? 'null');
			return copy && typeof copy === 'object' && typeof copy.version === 'number' ? copy : null;
		} catch {
			return null;
		}
	}

	/** Keeps `content` as typed over `version`, replacing any copy before. */
	write(version: number, content: T) {
		try {
			localStorage.setItem(this.key, JSON.stringify({ ...content, version }));
		} catch {
			// Private mode or a full quota.
		}
	}

	/** Forgets the copy: the server has the text, or the person discarded it. */
	clear() {
		try {
			localStorage.removeItem(this.key);
		} catch {
			// Storage not available: nothing was kept.
		}
	}
}
