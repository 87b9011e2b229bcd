import { eurosToCents, type ConceptContent } from '$lib/domain/concept';
import { canSave, saveAnswer, type SaveStatus } from '$lib/applications/save-status';

/** A budget row as typed: euros as a string until it is saved. */
export interface TypedRow {
	item: string;
	euros: string;
}

/** The editor's fields as typed. */
export interface TypedConcept {
	title: string;
	summary: string;
	description: string;
	plan: string;
	budget: TypedRow[];
}

const DEBOUNCE_MS = 800;

/** Cents as the editor shows them: "1234.50" → "1234,50" style with the locale's comma. */
export const centsTyped = (cents: number, locale: string) =>
	new Intl.NumberFormat(locale, { minimumFractionDigits: 2, useGrouping: false }).format(
		cents / 100
	);

/** The typed content as it is saved, or the row whose amount is not one. */
export function typedToContent(
	typed: TypedConcept
): { ok: true; content: ConceptContent } | { ok: false; row: number } {
	const budget = [];
	for (const [i, row] of typed.budget.entries()) {
		if (!row.item.trim() && !row.euros.trim()) continue;
		const cents = eurosToCents(row.euros);
		if (cents === null) return { ok: false, row: i };
		budget.push({ item: row.item, cents });
	}
	const { title, summary, description, plan } = typed;
	return { ok: true, content: { title, summary, description, plan, budget } };
}

/**
 * The concept editor in the browser, saved like the application draft: a moment after the
 * person stops typing, over the version the page read. A teammate's save in between is a
 * conflict: nothing is overwritten and the text stays on screen to copy.
 */
export class ConceptDraft {
	fields: TypedConcept = $state({ title: '', summary: '', description: '', plan: '', budget: [] });
	status: SaveStatus = $state({ kind: 'idle' });
	version = $state(0);

	#url: string;
	#fallback: string;
	#badAmount: string;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#saving: Promise<void> | null = null;
	#dirty = false;

	constructor(
		conceptId: string,
		version: number,
		fields: TypedConcept,
		messages: { fallback: string; badAmount: string }
	) {
		this.#url = `/concepts/${conceptId}/draft`;
		this.version = version;
		this.fields = fields;
		this.#fallback = messages.fallback;
		this.#badAmount = messages.badAmount;
	}

	/** Takes the server's newer version when nothing here is unsaved. */
	adopt(version: number, fields: TypedConcept) {
		if (version <= this.version || this.#dirty || this.#saving) return;
		this.version = version;
		this.fields = fields;
		if (this.status.kind === 'conflict') this.status = { kind: 'idle' };
	}

	get unsaved() {
		return this.#dirty;
	}

	/** Call after every edit: saves a moment later. */
	changed() {
		this.#dirty = true;
		if (!canSave(this.status)) return;
		this.status = { kind: 'pending' };
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.flush(), DEBOUNCE_MS);
	}

	/** Saves now if anything is unsaved; resolves when the server has answered. */
	async flush(): Promise<void> {
		clearTimeout(this.#timer);
		if (this.#saving) await this.#saving;
		if (!this.#dirty || !canSave(this.status)) return;
		this.#saving = this.#save().finally(() => (this.#saving = null));
		await this.#saving;
	}

	async #save() {
		const typed = typedToContent($state.snapshot(this.fields));
		if (!typed.ok) {
			this.status = { kind: 'error', message: this.#badAmount };
			return;
		}
		this.#dirty = false;
		this.status = { kind: 'saving' };
		let answer;
		try {
			const res = await fetch(this.#url, {
				method: 'PUT',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ version: this.version, content: typed.content })
			});
			answer = saveAnswer(res.status, await res.json().catch(() => null), this.#fallback);
		} catch {
			answer = saveAnswer(null, null, this.#fallback);
		}
		if (answer.kind === 'saved') {
			this.version = answer.version;
			this.status = { kind: 'saved', at: answer.at };
			if (this.#dirty) this.changed();
			return;
		}
		this.#dirty = true;
		this.status = answer;
		if (answer.kind === 'offline') {
			window.addEventListener('online', () => void this.flush(), { once: true });
		}
	}
}
