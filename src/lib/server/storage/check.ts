import { randomUUID } from 'node:crypto';
import { detectFileType, KNOWN_EXTENSIONS } from './file-type';
import type { CheckedFile, CheckResult, PutOptions, PutResult, StoredFile } from './types';

// What every storage (local files, Supabase Storage) judges in the app, before and after
// the bytes are kept: the size and the type the bytes show, and the shape of keys.

/**
 * Only keys the storages generate: a lowercase v4 UUID and a known extension. Nothing else
 * (no slashes, dots or percent signs) reaches a file system or an object name. The key is
 * also the object's whole name in its Supabase bucket, so storage policies can match it
 * against the row that holds it (migration 20261209006100_supabase_auth_storage.sql).
 */
export const KEY_PATTERN = new RegExp(
	`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\\.(${KNOWN_EXTENSIONS.join('|')})$`
);

/**
 * Judges an upload without storing it: size, then the type its bytes show. On success the
 * key it will have is chosen, so the row that refers to it can be written first and the
 * file stored only once that row was allowed.
 */
export function checkUpload(bytes: Uint8Array, options: PutOptions): CheckResult {
	// Size first: cheap, and it keeps oversized bodies away from any further work.
	if (bytes.byteLength === 0) return { ok: false, reason: 'empty' };
	if (bytes.byteLength > options.maxBytes) return { ok: false, reason: 'too_large' };
	const type = detectFileType(bytes);
	if (!type || !options.allowed.includes(type.mime)) {
		return { ok: false, reason: 'type_not_allowed' };
	}
	const key = `${randomUUID()}.${type.ext}`;
	return { ok: true, key, mime: type.mime, size: bytes.byteLength, bytes };
}

/**
 * Stored bytes as a file to serve, with the type the bytes show (not one remembered from
 * upload time), or null when that type is not the one the key was issued for.
 */
export function typeOfStored(key: string, bytes: Uint8Array): StoredFile | null {
	const type = detectFileType(bytes);
	if (!type || !key.endsWith(`.${type.ext}`)) return null;
	return { bytes, mime: type.mime };
}

/**
 * `check` and `write` at once, for callers with nothing to authorise: the storage's own
 * judgement of the bytes, then the write; the refusal as it is, or the stored file's key,
 * MIME type and size in bytes.
 */
export async function checkAndWrite(
	storage: {
		check(bytes: Uint8Array, options: PutOptions): CheckResult;
		write(file: CheckedFile): Promise<void>;
	},
	bytes: Uint8Array,
	options: PutOptions
): Promise<PutResult> {
	const checked = storage.check(bytes, options);
	if (!checked.ok) return checked;
	await storage.write(checked);
	const { key, mime, size } = checked;
	return { ok: true, key, mime, size };
}
