import type { Answer, Idea } from '$lib/domain/application-schemas';
import type { Locale } from '$lib/domain/locale';
import { LocalCopy } from '$lib/drafts/local-copy';
import { canSave, saveAnswer, type SaveStatus } from './save-status';

export interface DraftContent {
	ideas: Idea[];
	answers: Answer[];
	/** The language of the application (absent in copies stored before issue 12). */
	lang?: Locale;
}

const DEBOUNCE_MS = 800;

/**
 * The editor's draft in the browser: what the person types, saved to the server a
 * moment after they stop (and a copy in localStorage until the server has it), so a
 * reload, a closed tab or a lost connection loses nothing. A teammate's save in between
 * is a conflict: nothing is overwritten and the text stays on screen.
 */
export class DraftState {
	ideas: Idea[] = $state([]);
	answers: Answer[] = $state([]);
	/** The language the ideas and answers are written in; undefined keeps the server's. */
	lang: Locale | undefined = $state();
	status: SaveStatus = $state({ kind: 'idle' });
	version = $state(1);
	/** A copy left in this browser from an older version, shown so it can be copied over. */
	orphan: DraftContent | null = $state(null);

	#url: string;
	#copy: LocalCopy<DraftContent>;
	/** The content the page was rendered with (JSON): what typing before hydration changed. */
	#rendered: string;
	#fallback: string;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#saving: Promise<void> | null = null;
	#dirty = false;

	constructor(
		applicationId: string,
		version: number,
		content: DraftContent,
		fallbackMessage: string
	) {
		this.#url = `/applications/${applicationId}/draft`;
		this.#copy = new LocalCopy(`talkoot:draft:${applicationId}`);
		this.#fallback = fallbackMessage;
		this.version = version;
		this.ideas = content.ideas;
		this.answers = content.answers;
		this.lang = content.lang;
		this.#rendered = this.#typed();
	}

	/** The ideas, answers and language as they stand now, as JSON. */
	#typed() {
		return JSON.stringify(
			$state.snapshot({ ideas: this.ideas, answers: this.answers, lang: this.lang })
		);
	}

	/**
	 * Picks up what this browser had not yet saved; call once in the browser. Text typed
	 * before the page came alive (Svelte's bind:value takes it at hydration, but no input
	 * event reached `changed`) is the newest: it is kept and saved instead.
	 */
	restore() {
		if (this.#typed() !== this.#rendered) return this.changed();
		const copy = this.#copy.read();
		if (!copy) return;
		if (copy.version === this.version) {
			this.ideas = copy.ideas;
			this.answers = copy.answers;
			this.lang = copy.lang ?? this.lang;
			this.changed();
		} else {
			this.orphan = { ideas: copy.ideas, answers: copy.answers };
		}
	}

	/** Takes the server's newer version (a teammate's save, a withdrawal) when nothing here is unsaved. */
	adopt(version: number, content: DraftContent) {
		if (version <= this.version || this.#dirty || this.#saving) return;
		this.version = version;
		this.ideas = content.ideas;
		this.answers = content.answers;
		this.lang = content.lang;
		if (this.status.kind === 'conflict') this.status = { kind: 'idle' };
	}

	discardOrphan() {
		this.orphan = null;
		this.#copy.clear();
	}

	/** Call after every edit: keeps a local copy and saves a moment later. */
	changed() {
		this.#dirty = true;
		this.#copy.write(this.version, { ideas: this.ideas, answers: this.answers, lang: this.lang });
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

	get unsaved() {
		return this.#dirty;
	}

	async #save() {
		this.#dirty = false;
		this.status = { kind: 'saving' };
		const body = JSON.stringify({
			version: this.version,
			ideas: $state.snapshot(this.ideas),
			answers: $state.snapshot(this.answers),
			lang: this.lang
		});
		let answer;
		try {
			const res = await fetch(this.#url, {
				method: 'PUT',
				headers: { 'content-type': 'application/json' },
				body
			});
			answer = saveAnswer(res.status, await res.json().catch(() => null), this.#fallback);
		} catch {
			answer = saveAnswer(null, null, this.#fallback);
		}
		if (answer.kind === 'saved') {
			this.version = answer.version;
			this.status = { kind: 'saved', at: answer.at };
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
