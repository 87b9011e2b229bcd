import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';

// Uploads go to a directory of this test's own (config reads DATA_DIR at import).
const dataDir = await vi.hoisted(async () => {
	const { mkdtempSync } = await import('node:fs');
	const { tmpdir } = await import('node:os');
	const { join } = await import('node:path');
	const dir = mkdtempSync(join(tmpdir(), 'talkoot-uploads-'));
	process.env.DATA_DIR = dir;
	return dir;
});

const { getStorage, IMAGE_TYPES } = await import('../../src/lib/server/storage');
const { fileInUse, withFileChanges } = await import('../../src/lib/server/uploads');
const { addWorkEntry, deleteWorkEntry, updateWorkEntry } =
	await import('../../src/lib/server/work-history');
const { describeEachDatabase } = await import('./databases');
const { createUser, workEntry: entry } = await import('./fixtures');

const PNG = Uint8Array.from([
	0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1,
	0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89
]);
const files = () => {
	try {
		return readdirSync(join(dataDir, 'private-uploads')).sort();
	} catch {
		return [];
	}
};
const checked = () => {
	const result = getStorage('private').check(PNG, { allowed: IMAGE_TYPES, maxBytes: 1000 });
	if (!result.ok) throw new Error(result.reason);
	return result;
};

describeEachDatabase('uploads and the rows that name them', (db) => {
	it('a refused change stores nothing; a failed transaction removes what it wrote', async () => {
		const owner = await createUser(db());
		const stranger = await createUser(db());
		const id = await db().as({ id: owner.id }, (tx) => addWorkEntry(tx, entry, null));
		const before = files();
		// Another person's entry: the update finds nothing, so the file is never written.
		const upload = checked();
		const saved = await withFileChanges(db(), 'private', (changes) =>
			db().as({ id: stranger.id }, async (tx) => {
				const result = await updateWorkEntry(tx, id, entry, upload.key);
				if (result) await changes.write(upload);
				return result;
			})
		);
		expect(saved).toBeNull();
		expect(files()).toEqual(before);
		// Written, and then the transaction fails: the file goes again.
		const late = checked();
		await expect(
			withFileChanges(db(), 'private', (changes) =>
				db().as({ id: owner.id }, async (tx) => {
					await updateWorkEntry(tx, id, entry, late.key);
					await changes.write(late);
					expect(files()).toContain(late.key);
					throw new Error('the commit fails');
				})
			)
		).rejects.toThrow('the commit fails');
		expect(files()).toEqual(before);
	});

	it('a replaced and a deleted file are removed after the commit', async () => {
		const owner = await createUser(db());
		const first = checked();
		const id = await withFileChanges(db(), 'private', (changes) =>
			db().as({ id: owner.id }, async (tx) => {
				const added = await addWorkEntry(tx, entry, first.key);
				await changes.write(first);
				return added;
			})
		);
		expect(files()).toContain(first.key);
		const second = checked();
		await withFileChanges(db(), 'private', (changes) =>
			db().as({ id: owner.id }, async (tx) => {
				const result = await updateWorkEntry(tx, id, entry, second.key);
				await changes.write(second);
				changes.drop(result?.replaced);
			})
		);
		expect(files()).not.toContain(first.key);
		expect(files()).toContain(second.key);
		await withFileChanges(db(), 'private', (changes) =>
			db().as({ id: owner.id }, async (tx) => {
				changes.drop((await deleteWorkEntry(tx, id))?.file);
			})
		);
		expect(files()).not.toContain(second.key);
	});

	it('a file another row or a submitted snapshot still names is kept', async () => {
		const owner = await createUser(db());
		const kept = checked();
		await getStorage('private').write(kept);
		const id = await db().as({ id: owner.id }, (tx) => addWorkEntry(tx, entry, kept.key));
		await db().as({ id: owner.id }, (tx) => addWorkEntry(tx, entry, kept.key));
		expect(await db().service('test', (tx) => fileInUse(tx, kept.key))).toBe(true);
		await withFileChanges(db(), 'private', (changes) =>
			db().as({ id: owner.id }, async (tx) => {
				changes.drop((await deleteWorkEntry(tx, id))?.file);
			})
		);
		expect(files()).toContain(kept.key);
		expect(await db().service('test', (tx) => fileInUse(tx, 'not-named-anywhere.png'))).toBe(false);
	});
});
