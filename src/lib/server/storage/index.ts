import { config, dataPath } from '../config';
import { supabaseAdmin } from '../auth/supabase';
import { LocalStorage } from './local';
import { SUPABASE_BUCKETS, SupabaseStorage } from './supabase';
import type { Storage } from './types';

export { IMAGE_TYPES, LocalStorage, MAX_IMAGE_BYTES } from './local';
export { SupabaseStorage, SUPABASE_BUCKETS, SIGNED_URL_SECONDS } from './supabase';
export { detectFileType, type FileType } from './file-type';
export { fileResponse } from './file-response';

export type { CheckedFile, CheckResult, PutOptions, PutResult, Storage, StoredFile } from './types';

const buckets = new Map<string, Storage>();

/**
 * A bucket of uploads: `public` (cover images, served to anyone) or `private`
 * (evidence and application documents, served only after an RLS check). Keeping them
 * apart means no address of the public route can ever reach a private file. Local files
 * under DATA_DIR, or Supabase Storage in Supabase mode (config.supabase).
 */
export function getStorage(bucket: 'public' | 'private' = 'public'): Storage {
	let storage = buckets.get(bucket);
	if (!storage) {
		if (config.supabase) {
			storage = new SupabaseStorage(supabaseAdmin(config.supabase), SUPABASE_BUCKETS[bucket]);
		} else {
			const dir = bucket === 'public' ? 'uploads' : 'private-uploads';
			storage = new LocalStorage(dataPath(dir));
		}
		buckets.set(bucket, storage);
	}
	return storage;
}
