// The shapes of the storage interface, apart from index.ts so that the implementations
// (local.ts) and helpers (file-response.ts) index.ts re-exports do not import it back
// (scripts/import-cycles.ts).

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

/** Where uploads live: local disk (local.ts) or Supabase Storage (supabase.ts). */
export interface Storage {
	check(bytes: Uint8Array, options: PutOptions): CheckResult;
	write(file: CheckedFile): Promise<void>;
	put(bytes: Uint8Array, options: PutOptions): Promise<PutResult>;
	/** Null for a missing file or any key this storage could not have issued. */
	get(key: string): Promise<StoredFile | null>;
	remove(key: string): Promise<void>;
	/**
	 * A short-lived address the browser may fetch the file from directly (Supabase Storage's
	 * signed URL), or null where the storage has none (local files are served by the app).
	 * Only after the caller's own check that the reader may see the row naming the file.
	 */
	signedUrl(key: string, options: { seconds: number; download?: string }): Promise<string | null>;
}
