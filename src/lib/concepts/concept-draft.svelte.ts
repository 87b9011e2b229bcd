import { type ConceptContent } from '$lib/domain/concept';
import { readEuros } from '$lib/domain/decimal';
import { isBlank } from '$lib/domain/text';
import { canSave, saveAnswer, type SaveStatus } from '$lib/applications/save-status';
import { LocalCopy } from '$lib/drafts/local-copy';

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
		if (isBlank(row.item) && !row.euros.trim()) continue;
		const cents = readEuros(row.euros);
		if (cents === null) return { ok: false, row: i };
		budget.push({ item: row.item, cents });
	}
	const { title, summary, description, plan } = typed;
	return { ok: true, content: { title, summary, description, plan, budget } };
}

const sameFields = (a: TypedConcept, b: TypedConcept) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The concept editor in the browser, saved like the application draft: a moment after the
 * person stops typing, over the version the page read, and kept in this browser's
 * localStorage (LocalCopy, the application draft's store) until the server has it. A
 * teammate's save in between is a conflict: nothing is overwritten and the text stays on
 * screen to copy.
 */
export class ConceptDraft {
	fields: TypedConcept = $state({ title: '', summary: '', description: '', plan: '', budget: [] });
	status: SaveStatus = $state({ kind: 'idle' });
	version = $state(0);
	/** Text this browser kept over the version the page read, now in the fields unsaved. */
	restored = $state(false);
	/** Text this browser kept over an older version (someone saved since): shown to copy. */
	orphan: TypedConcept | null = $state(null);

	#copy: LocalCopy<TypedConcept>;
	/** The fields the page was rendered with (JSON): what typing before hydration changed. */
	#rendered: string;
	/** What the server had when the copy was restored: what discarding goes back to. */
	#server: TypedConcept | null = null;
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
		this.#copy = new LocalCopy(`talkoot:concept:${conceptId}`);
		this.version = version;
		this.#rendered = JSON.stringify(fields);
		this.fields = fields;
		this.#fallback = messages.fallback;
		this.#badAmount = messages.badAmount;
	}

	/**
	 * Picks up what this browser typed and the server did not get (call once in the
	 * browser): over the same version it goes back in the fields, unsaved until the next
	 * change or Save now; over an older one it is only shown (`orphan`), nothing replaced.
	 * Text typed before the page came alive (Svelte's bind:value takes it into the fields at
	 * hydration, but no input event reached `changed`) is the newest: it is kept and saved.
	 */
	restore() {
		if (JSON.stringify($state.snapshot(this.fields)) !== this.#rendered) return this.changed();
		const kept = this.#copy.read();
		if (!kept) return;
		const { version, ...typed } = kept;
		const fields: TypedConcept = {
			title: String(typed.title ?? ''),
			summary: String(typed.summary ?? ''),
			description: String(typed.description ?? ''),
			plan: String(typed.plan ?? ''),
			budget: Array.isArray(typed.budget)
				? typed.budget.map((r) => ({ item: String(r?.item ?? ''), euros: String(r?.euros ?? '') }))
				: []
		};
		const server = $state.snapshot(this.fields);
		if (sameFields(fields, server)) return this.#copy.clear();
		if (version !== this.version) {
			this.orphan = fields;
			return;
		}
		this.#server = server;
		this.fields = fields;
		this.restored = true;
		this.#dirty = true;
	}

	/** Back to what the server has; the kept copy is forgotten. */
	discardRestored() {
		if (this.#server) this.fields = this.#server;
		this.#server = null;
		this.restored = false;
		this.#dirty = false;
		clearTimeout(this.#timer);
		if (this.status.kind === 'pending') this.status = { kind: 'idle' };
		this.#copy.clear();
	}

	/** Forgets the copy kept over an older version. */
	discardOrphan() {
		this.orphan = null;
		this.#copy.clear();
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

	/** Call after every edit: keeps a copy in this browser and saves a moment later. */
	changed() {
		this.#dirty = true;
		this.#copy.write(this.version, $state.snapshot(this.fields));
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
			this.restored = false;
			this.#server = null;
			if (this.#dirty) this.changed();
			else this.#copy.clear();
			return;
		}
		this.#dirty = true;
		this.status = answer;
		if (answer.kind === 'offline') {
			window.addEventListener('online', () => void this.flush(), { once: true });
		}
	}
}
