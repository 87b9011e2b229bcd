import { dataPath } from '../config';
import { LocalStorage } from './local';

export { IMAGE_TYPES, LocalStorage, MAX_IMAGE_BYTES } from './local';
export { detectFileType, type FileType } from './file-type';
export { fileResponse } from './file-response';

export type { CheckedFile, CheckResult, PutOptions, PutResult, Storage, StoredFile } from './types';

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
		storage = new LocalStorage(dataPath(dir));
		buckets.set(bucket, storage);
	}
	return storage;
}
