import type { SupabaseClient } from '@supabase/supabase-js';
import { checkAndWrite, checkUpload, KEY_PATTERN, typeOfStored } from './check';
import type { CheckedFile, CheckResult, PutOptions, PutResult, Storage, StoredFile } from './types';

/**
 * The Supabase bucket of each of the app's buckets (created, with their policies, by
 * migration 20261209006100_supabase_auth_storage.sql): `covers` is public (challenges'
 * cover images), `files` private (evidence and documents).
 */
export const SUPABASE_BUCKETS = { public: 'covers', private: 'files' } as const;

/** How long a signed address for a private file lives when the caller names no time. */
export const SIGNED_URL_SECONDS = 60;

// Keys are never reused, so a stored object never changes (CDN may keep it an hour).
const CACHE_SECONDS = '3600';

/** Whether a Storage error says the object is not there (older servers answer 400 with 404). */
function isNotFound(error: { status?: number; statusCode?: string; message?: string }): boolean {
	return (
		error.status === 404 ||
		error.statusCode === '404' ||
		/not[_ ]?found|NoSuchKey/i.test(error.message ?? '')
	);
}

/**
 * Uploads in a Supabase Storage bucket, written and read with the service-role client
 * after the app's own checks: the size and the type the bytes show (checkUpload) before,
 * the type again after download (typeOfStored), and only keys the app issues. The object's
 * name is the key itself, which the row naming it holds, so the bucket's policies can
 * follow the table's (see SUPABASE_BUCKETS).
 */
export class SupabaseStorage implements Storage {
	constructor(
		private readonly client: SupabaseClient,
		readonly bucket: string
	) {}

	private get objects() {
		return this.client.storage.from(this.bucket);
	}

	check(bytes: Uint8Array, options: PutOptions): CheckResult {
		return checkUpload(bytes, options);
	}

	/** Stores a checked upload under its key; never overwrites. Throws when Storage refuses. */
	async write(file: CheckedFile): Promise<void> {
		if (!KEY_PATTERN.test(file.key)) throw new Error('not a key this storage issues');
		const { error } = await this.objects.upload(file.key, file.bytes, {
			contentType: file.mime,
			cacheControl: CACHE_SECONDS,
			upsert: false
		});
		if (error) throw new Error(`storage upload refused: ${error.message}`);
	}

	async put(bytes: Uint8Array, options: PutOptions): Promise<PutResult> {
		return checkAndWrite(this, bytes, options);
	}

	/** Downloads the object; null when it is missing, the key malformed or the type changed. */
	async get(key: string): Promise<StoredFile | null> {
		if (!KEY_PATTERN.test(key)) return null;
		const { data, error } = await this.objects.download(key);
		if (error) {
			if (isNotFound(error)) return null;
			throw new Error(`storage download failed: ${error.message}`);
		}
		return typeOfStored(key, new Uint8Array(await data.arrayBuffer()));
	}

	/** Removes the object; a missing one is no error. Throws when Storage refuses. */
	async remove(key: string): Promise<void> {
		if (!KEY_PATTERN.test(key)) return;
		const { error } = await this.objects.remove([key]);
		if (error && !isNotFound(error)) throw new Error(`storage remove failed: ${error.message}`);
	}

	/**
	 * A signed address valid for `seconds` (SIGNED_URL_SECONDS by default), offering the
	 * file as a download named `download` when given; null for a key the app never issued.
	 */
	async signedUrl(
		key: string,
		options: { seconds?: number; download?: string } = {}
	): Promise<string | null> {
		if (!KEY_PATTERN.test(key)) return null;
		const { data, error } = await this.objects.createSignedUrl(
			key,
			options.seconds ?? SIGNED_URL_SECONDS,
			options.download ? { download: options.download } : undefined
		);
		if (error) {
			if (isNotFound(error)) return null;
			throw new Error(`storage signed URL failed: ${error.message}`);
		}
		return data.signedUrl;
	}
}
