/** The one small interface both database drivers offer. */
export type Row = Record<string, unknown>;

export interface Queryable {
	/** One statement with $1… parameters; returns the rows. */
	query<T = Row>(text: string, params?: unknown[]): Promise<T[]>;
	/** Several statements, no parameters (migrations, seed). */
	exec(script: string): Promise<void>;
}

export interface Driver extends Queryable {
	readonly kind: 'pglite' | 'postgres';
	transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
	close(): Promise<void>;
}
