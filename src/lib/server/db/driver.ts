/** The one small interface both database drivers offer. */
export type Row = Record<string, unknown>;

export interface Queryable {
	/** One statement with $1… parameters; returns the rows. */
	query<T = Row>(text: string, params?: unknown[]): Promise<T[]>;
	/** Several statements, no parameters (migrations, seed). */
	exec(script: string): Promise<void>;
}

export interface TransactionOptions {
	/**
	 * The most statements fn sends (its caller refuses more). A driver may send COMMIT right
	 * after the last of them, in the same round trip; Postgres answers a COMMIT of a failed
	 * transaction with a rollback.
	 */
	statements?: number;
}

export interface Driver extends Queryable {
	readonly kind: 'pglite' | 'postgres';
	transaction<T>(fn: (tx: Queryable) => Promise<T>, options?: TransactionOptions): Promise<T>;
	close(): Promise<void>;
}

/**
 * Parameters as Postgres can store them: every string, also inside arrays and plain
 * objects (jsonb parameters), without U+0000. Postgres text and jsonb cannot hold that
 * character (SQLSTATE 22021 / 22P05), so a NUL typed into any form, address or JSON
 * body would otherwise end as a 500; no text a person writes means it. Other values
 * (numbers, dates, bytes) pass unchanged. Both drivers call this on every query.
 */
export function storableParams(params: unknown[]): unknown[] {
	return params.map(storable);
}

function storable(value: unknown): unknown {
	if (typeof value === 'string') return value.includes('\0') ? value.replaceAll('\0', '') : value;
	if (Array.isArray(value)) return value.map(storable);
	if (value && Object.getPrototypeOf(value) === Object.prototype)
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [storable(k), storable(v)]));
	return value;
}
