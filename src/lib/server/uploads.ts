import { storedFileName } from '$lib/domain/text';
import type { Database, Principal, Queryable } from './db';
import { checkEvidence, MAX_EVIDENCE_BYTES } from './evidence';
import { log } from './log';
import { getStorage, type CheckedFile } from './storage';

/**
 * Whether any row still refers to a stored file: a work entry, a common project, an
 * application document, a challenge's cover, a concept's attachment, a milestone's evidence file, or the frozen snapshot
 * of a submitted application or final tender (the record keeps what was submitted, so its files stay). Run as the
 * service: the question is about every row, not those the caller may see.
 */
export async function fileInUse(tx: Queryable, key: string): Promise<boolean> {
	const [row] = await tx.query<{ used: boolean }>(
		`select exists (select 1 from public.work_entries where evidence_file = $1)
		   or exists (select 1 from public.team_projects where evidence_file = $1)
		   or exists (select 1 from public.application_documents where file_key = $1)
		   or exists (select 1 from public.challenges where cover_image = $1)
		   or exists (select 1 from public.concept_attachments where file_key = $1)
		   or exists (select 1 from public.poc_evidence_files where file_key = $1)
		   or exists (select 1 from public.final_tenders where strpos(snapshot::text, $1) > 0)
		   or exists (select 1 from public.applications
		              where snapshot is not null and strpos(snapshot::text, $1) > 0) as used`,
		[key]
	);
	return row.used;
}

/**
 * After a job's commit (account erasure, retention): removes from private storage each of
 * `keys` (stored file keys of rows the job deleted or emptied) that no row refers to any
 * more (fileInUse), and its public.stored_objects row; a key still in use stays. Answers
 * how many files went. A file that cannot be removed is logged with its key and `job`,
 * never thrown: the job itself is done.
 */
export async function removeUnusedFiles(db: Database, keys: Iterable<string>, job: string) {
	let removed = 0;
	for (const key of new Set(keys)) {
		try {
			const unused = await db.service(`${job}: file no longer used`, async (tx) => {
				if (await fileInUse(tx, key)) return false;
				await tx.query('delete from public.stored_objects where key = $1', [key]);
				return true;
			});
			if (!unused) continue;
			await getStorage('private').remove(key);
			removed++;
		} catch (err) {
			// No row names the file any more, so no later run will try it again: log the key.
			log.warn({ err, file: key, job }, 'could not remove a stored file');
		}
	}
	return removed;
}

/**
 * The files one change adds and drops. An upload is written (`write`) inside the
 * transaction, only after the row that refers to it was allowed and written; should the
 * transaction then fail, the new file is removed again (`failed`). Files the change
 * replaced or deleted (`drop`) are removed once it committed (`committed`), unless a row
 * still refers to them. So a refused upload leaves no file and a replaced one stays nowhere.
 */
export class FileChanges {
	readonly #bucket: 'public' | 'private';
	readonly #written: string[] = [];
	readonly #dropped = new Set<string>();

	constructor(bucket: 'public' | 'private') {
		this.#bucket = bucket;
	}

	/** Stores a checked upload; call it after the row naming `file.key` was written. */
	async write(file: CheckedFile): Promise<void> {
		this.#written.push(file.key);
		await getStorage(this.#bucket).write(file);
	}

	/** A file the change no longer refers to (null and undefined are ignored). */
	drop(key: string | null | undefined): void {
		if (key) this.#dropped.add(key);
	}

	/** After the commit: removes the dropped files that nothing refers to any more. */
	async committed(db: Database): Promise<void> {
		for (const key of this.#dropped) {
			if (this.#written.includes(key)) continue;
			try {
				const used = await db.service('upload: still in use', (tx) => fileInUse(tx, key));
				if (!used) await getStorage(this.#bucket).remove(key);
			} catch (err) {
				// The change itself is done; a file left behind is logged, not a failed request.
				log.warn({ err, key }, 'could not remove a replaced upload');
			}
		}
	}

	/** After a failed or refused transaction: removes what it wrote. */
	async failed(): Promise<void> {
		for (const key of this.#written) await getStorage(this.#bucket).remove(key);
	}
}

/**
 * Runs `change` (one transaction that may `write` and `drop` files) and then settles the
 * files: removes what was dropped after success, or what was written after a throw, which
 * is rethrown. SvelteKit's redirects and errors are throws too, so `change` must return
 * before redirecting.
 */
export async function withFileChanges<T>(
	db: Database,
	bucket: 'public' | 'private',
	change: (files: FileChanges) => Promise<T>
): Promise<T> {
	const files = new FileChanges(bucket);
	let result: T;
	try {
		result = await change(files);
	} catch (e) {
		await files.failed();
		throw e;
	}
	await files.committed(db);
	return result;
}

export type AttachResult = { ok: true } | { ok: false; status: 400 | 413 | 415; message: string };

/**
 * The one path of a posted file that a definer function attaches to a record (a concept's
 * attachments, a milestone's evidence files): the file is judged by the evidence checks
 * (checkEvidence: PDF or image by its bytes, at most 10 MB), then `record` writes the row
 * as `user` (the database refuses what is not allowed, thrown on unchanged) and only then
 * is the file stored; a refused row leaves no file. Answers a 4xx with the message key of
 * the words (error_upload_…) when the file itself does not pass.
 */
export async function attachUpload(
	db: Database,
	user: Principal,
	file: FormDataEntryValue | null,
	record: (tx: Queryable, file: CheckedFile & { name: string }) => Promise<unknown>
): Promise<AttachResult> {
	if (file instanceof File && file.size > MAX_EVIDENCE_BYTES)
		return { ok: false, status: 413, message: 'error_upload_too_large_10' };
	const stored = await checkEvidence(file);
	if (!stored) return { ok: false, status: 400, message: 'error_upload_empty' };
	if (!stored.ok) {
		return stored.reason === 'too_large'
			? { ok: false, status: 413, message: 'error_upload_too_large_10' }
			: { ok: false, status: 415, message: 'error_upload_type_evidence' };
	}
	const name = storedFileName(file instanceof File ? file.name : undefined, stored.key);
	await withFileChanges(db, 'private', (files) =>
		db.as(user, async (tx) => {
			await record(tx, { ...stored, name });
			await files.write(stored);
		})
	);
	return { ok: true };
}
