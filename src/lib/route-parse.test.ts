import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';
import { sourceFiles } from '$lib/source-files.testing';

/**
 * Bad input gets a 4xx in words at its field, never a 500. A zod schema's `.parse` throws
 * a ZodError on input it refuses, which a route answers with a 500: the concept standing
 * page's milestone forms did so for a 10,001-character title. Routes read what is posted
 * or in the address with `safeParse` (validateForm, parseForm) or a domain reader that
 * returns the refusal (readMilestoneForm); a `.parse` stays only where the schema cannot
 * refuse, said below.
 */
const PARSE_THAT_CANNOT_THROW: Record<string, string> = {
	'src/routes/challenges/+page.server.ts':
		'the list filters: every field catches what it refuses (`.catch`), and q is a string'
};

describe('routes never throw on the input they read', () => {
	it('no zod .parse in a route, unless its schema cannot refuse', () => {
		const throwing = sourceFiles('src/routes', /\.ts$/).filter((file) =>
			/\.parse\(/.test(readFileSync(file, 'utf8').replace(/JSON\.parse\(/g, ''))
		);
		expect(throwing.sort()).toEqual(Object.keys(PARSE_THAT_CANNOT_THROW).sort());
	});
});
