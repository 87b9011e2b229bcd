import {
	PERSONAL_COLUMNS,
	categoriesInUse,
	type PersonalColumn,
	type PersonalDataCategory
} from './personal-data';

/**
 * THE DATA EXPORT'S PLAN (GDPR Art. 15 and 20, issue 15): which rows of which table go into
 * which file of "Download my data", derived from the personal data map so that a column
 * added to the map is exported without anyone remembering to. Pure: the server module
 * (src/lib/server/privacy/export.ts) runs the queries and packs the archive.
 */

/** One table's rows that refer to the person directly: by their id or their email address. */
export interface DirectTable {
	/** `schema.table` as in the map. */
	table: string;
	/** Columns holding the person's account id. */
	idColumns: string[];
	/** Columns holding an email address (compared case-insensitively). */
	emailColumns: string[];
}

/** One file of the archive: a category of the map and the tables read for it. */
export interface ExportFile {
	category: PersonalDataCategory;
	/** `<category>.json` */
	name: string;
	/** Tables the person may read as themselves (row-level security decides which rows). */
	direct: DirectTable[];
}

/**
 * Columns never written to the archive although the person may read the row:
 * - the frozen submission snapshots hold the whole team's work history and documents as
 *   submitted — a teammate's personal data, not the person's own; the archive names the
 *   digest, and the snapshot itself stays downloadable from the application's page;
 * - search vectors and other derived columns say nothing the other columns do not.
 */
export const OMITTED_COLUMNS: Readonly<Record<string, readonly string[]>> = {
	'public.applications': ['snapshot'],
	'public.final_tenders': ['snapshot']
};

/** Whether a column's name says it holds a secret (a token, a hash, a key): never exported. */
export function isSecretColumn(column: string): boolean {
	return /(token|secret|hash|password|recovery|api_?key)/i.test(column);
}

/**
 * The files of the archive for the map's categories, in the notice's order: one per
 * category that has columns, each with the tables in the `public` schema the person reads
 * as themselves. Tables in other schemas (sign-in sessions, the mail outbox) are not
 * readable by `authenticated`; the server reads those through a named job.
 */
export function exportPlan(columns: readonly PersonalColumn[] = PERSONAL_COLUMNS): ExportFile[] {
	return categoriesInUse(columns).map((category) => {
		const tables = new Map<string, DirectTable>();
		for (const c of columns) {
			if (c.category !== category || !c.table.startsWith('public.')) continue;
			if (c.refers !== 'id' && c.refers !== 'email') continue;
			const entry = tables.get(c.table) ?? { table: c.table, idColumns: [], emailColumns: [] };
			(c.refers === 'id' ? entry.idColumns : entry.emailColumns).push(c.column);
			tables.set(c.table, entry);
		}
		return { category, name: `${category}.json`, direct: [...tables.values()] };
	});
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** `schema.table` quoted for SQL. */
export function qualified(table: string): string {
	return table.split('.').map(ident).join('.');
}

/**
 * The condition that picks a table's rows about the person: `$1` is their id, `$2` their
 * email address. Only columns in `readable` are used (a column the role may not read
 * would refuse the whole query); id columns named in `textIds` hold the id as text (the
 * audit log's target_id) and compare as text; null when no column is left.
 */
export function directCondition(
	t: DirectTable,
	readable: ReadonlySet<string>,
	textIds: ReadonlySet<string> = new Set()
): string | null {
	const parts = [
		...t.idColumns
			.filter((c) => readable.has(c))
			.map((c) => `${ident(c)} = $1::${textIds.has(c) ? 'text' : 'uuid'}`),
		...t.emailColumns.filter((c) => readable.has(c)).map((c) => `lower(${ident(c)}) = lower($2)`)
	];
	return parts.length ? parts.join(' or ') : null;
}

/** The columns of a table the archive holds: readable ones, without secrets and omissions. */
export function exportedColumns(table: string, readable: readonly string[]): string[] {
	const omitted = OMITTED_COLUMNS[table] ?? [];
	return readable.filter((c) => !omitted.includes(c) && !isSecretColumn(c));
}

/** Every name in the archive apart from the person's files: README first, then the categories. */
export function archiveNames(plan: readonly ExportFile[] = exportPlan()): string[] {
	return ['README.txt', ...plan.map((f) => f.name)];
}

/** The texts of the README in the reader's language (the server passes its messages). */
export interface ReadmeTexts {
	title: string;
	intro: string;
	/** The generation time line, e.g. "Made 2026-12-02T03:00:00+02:00". */
	made: string;
	filesHeading: string;
	/** One line per category file: its name and what it holds. */
	categories: { name: string; what: string }[];
	/** The line about files/ (their own uploads). */
	files: string;
	formatHeading: string;
	format: string;
	rights: string;
}

/** The README.txt of the archive: plain text, CRLF-free, wrapped by the reader's viewer. */
export function readmeText(t: ReadmeTexts): string {
	const lines = [
		t.title,
		'='.repeat(t.title.length),
		'',
		t.intro,
		'',
		t.made,
		'',
		t.filesHeading,
		'',
		...t.categories.map((c) => `- ${c.name}: ${c.what}`),
		`- files/: ${t.files}`,
		'',
		t.formatHeading,
		'',
		t.format,
		'',
		t.rights,
		''
	];
	return lines.join('\n');
}
