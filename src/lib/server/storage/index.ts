import { join, resolve } from 'node:path';
import { config } from '../config';
import { LocalStorage } from './local';

export { IMAGE_TYPES, LocalStorage, MAX_IMAGE_BYTES } from './local';
export { detectFileType, type FileType } from './file-type';
export { fileResponse } from './file-response';

export interface PutOptions {
	/** Accepted MIME types, as detected from the bytes. */
	allowed: readonly string[];
	maxBytes: number;
}

export type PutResult =
	| { ok: true; key: string; mime: string; size: number }
	| { ok: false; reason: 'too_large' | 'type_not_allowed' | 'empty' };

/** An upload judged acceptable and given its key, not yet stored. */
export interface CheckedFile {
	key: string;
	mime: string;
	size: number;
	bytes: Uint8Array;
}

export type CheckResult =
	({ ok: true } & CheckedFile) | { ok: false; reason: 'too_large' | 'type_not_allowed' | 'empty' };

export interface StoredFile {
	bytes: Uint8Array;
	mime: string;
}

/** Where uploads live; local disk today, Supabase Storage later behind the same shape. */
export interface Storage {
	check(bytes: Uint8Array, options: PutOptions): CheckResult;
	write(file: CheckedFile): Promise<void>;
	put(bytes: Uint8Array, options: PutOptions): Promise<PutResult>;
	/** Null for a missing file or any key this storage could not have issued. */
	get(key: string): Promise<StoredFile | null>;
	remove(key: string): Promise<void>;
}

const buckets = new Map<string, LocalStorage>();

/**
 * A bucket of uploads: `public` (cover images, served to anyone) or `private`
 * (evidence and application documents, served only after an RLS check). Keeping them
 * apart means no address of the public route can ever reach a private file.
 */
export function getStorage(bucket: 'public' | 'private' = 'public'): LocalStorage {
	let storage = buckets.get(bucket);
	if (!storage) {
		const dir = bucket === 'public' ? 'uploads' : 'private-uploads';
		storage = new LocalStorage(join(resolve(config.DATA_DIR), dir));
		buckets.set(bucket, storage);
	}
	return storage;
}
