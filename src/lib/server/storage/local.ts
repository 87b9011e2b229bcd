import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { checkAndWrite, checkUpload, KEY_PATTERN, typeOfStored } from './check';
import type { CheckResult, PutOptions, PutResult, Storage, StoredFile } from './types';

export { MAX_IMAGE_BYTES } from '$lib/domain/upload-limits';
export const IMAGE_TYPES: readonly string[] = [
	'image/png',
	'image/jpeg',
	'image/webp',
	'image/gif'
];

function isNotFound(error: unknown): boolean {
	return (error as NodeJS.ErrnoException)?.code === 'ENOENT';
}

/** Uploads kept as files in one directory on the server's disk. */
export class LocalStorage implements Storage {
	readonly root: string;

	constructor(root: string) {
		this.root = resolve(root);
	}

	/**
	 * Judges an upload without storing it: size, then the type its bytes show. On success the
	 * key it will have is chosen, so the row that refers to it can be written first and the
	 * file stored (`write`) only once that row was allowed.
	 */
	check(bytes: Uint8Array, options: PutOptions): CheckResult {
		return checkUpload(bytes, options);
	}

	/** Stores a checked upload under its key. */
	async write(file: { key: string; bytes: Uint8Array }): Promise<void> {
		if (!KEY_PATTERN.test(file.key)) throw new Error('not a key this storage issues');
		await mkdir(this.root, { recursive: true });
		// 'wx' refuses to overwrite, should a UUID ever repeat.
		await writeFile(join(this.root, file.key), file.bytes, { flag: 'wx' });
	}

	/** `check` and `write` at once, for callers with nothing to authorise. */
	async put(bytes: Uint8Array, options: PutOptions): Promise<PutResult> {
		return checkAndWrite(this, bytes, options);
	}

	async get(key: string): Promise<StoredFile | null> {
		if (!KEY_PATTERN.test(key)) return null;
		let buffer: Buffer;
		try {
			buffer = await readFile(join(this.root, key));
		} catch (error) {
			if (isNotFound(error)) return null;
			throw error;
		}
		const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
		return typeOfStored(key, bytes);
	}

	async remove(key: string): Promise<void> {
		if (!KEY_PATTERN.test(key)) return;
		await rm(join(this.root, key), { force: true });
	}

	/** None: local files are served by the app's own routes. */
	async signedUrl(): Promise<string | null> {
		return null;
	}
}
