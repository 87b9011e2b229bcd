// Shared by the tests that read the message files: every pattern the inlang project lists
// (messages are split by capability, one folder each), merged per locale.
import { readFileSync } from 'node:fs';

const settings = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8'));

/** The message files' paths for `locale`, in the project's order. */
export const messageFiles = (locale: string): string[] =>
	[settings['plugin.inlang.messageFormat'].pathPattern]
		.flat()
		.map((p: string) => p.replace('{locale}', locale));

/** Every message of `locale` by key: a string, or the variants of a plural message. */
export function loadMessages<T = unknown>(locale: string): Record<string, T> {
	const all: Record<string, T> = {};
	for (const file of messageFiles(locale)) {
		const { $schema: _schema, ...messages } = JSON.parse(readFileSync(file, 'utf8')) as Record<
			string,
			T
		>;
		Object.assign(all, messages);
	}
	return all;
}
