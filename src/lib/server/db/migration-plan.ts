/** Pure planning of which migration files to apply, and in which order. */
export interface MigrationFile {
	/** The leading digits of the file name, as the Supabase CLI records it. */
	version: string;
	/** The rest of the file name without `.sql`. */
	name: string;
	sql: string;
}

const FILE_NAME = /^(\d+)_([\w-]+)\.sql$/;

/** Turns `{ path: sql }` into migrations sorted by version; refuses malformed or duplicate names. */
export function parseMigrationFiles(files: Record<string, string>): MigrationFile[] {
	const migrations = Object.entries(files).map(([path, sql]) => {
		const fileName = path.split('/').pop() ?? path;
		const match = FILE_NAME.exec(fileName);
		if (!match) throw new Error(`Migration file name must be <digits>_<name>.sql: ${fileName}`);
		return { version: match[1], name: match[2], sql };
	});
	// Versions are compared as numbers of any length, so 9 < 10 even without zero padding.
	migrations.sort((a, b) => compareVersions(a.version, b.version));
	for (let i = 1; i < migrations.length; i++) {
		if (compareVersions(migrations[i].version, migrations[i - 1].version) === 0) {
			throw new Error(`Two migrations share version ${migrations[i].version}`);
		}
	}
	return migrations;
}

export function compareVersions(a: string, b: string): number {
	const x = BigInt(a);
	const y = BigInt(b);
	return x < y ? -1 : x > y ? 1 : 0;
}

/** The migrations not yet applied, in order. An applied version missing from disk is an error. */
export function pendingMigrations(
	all: MigrationFile[],
	applied: Iterable<string>
): MigrationFile[] {
	const known = new Set(all.map((m) => m.version));
	const done = new Set(applied);
	for (const version of done) {
		if (!known.has(version)) {
			throw new Error(`The database has migration ${version}, which this code does not know`);
		}
	}
	return all.filter((m) => !done.has(m.version));
}
