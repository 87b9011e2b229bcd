import { describe, expect, it } from 'vitest';
import { cycles, sourceGraph, specifiers } from '../../scripts/import-cycles';

describe('import cycles, type-only imports included (scripts/import-cycles.ts)', () => {
	it('src/ has none', () => {
		expect(cycles(sourceGraph())).toEqual([]);
	});

	it('sees `import type`, `export … from` and import() as imports', () => {
		expect(
			specifiers(
				`import type { A } from './a';\nimport { type B } from './b';\nexport * from './c';\nconst d = import('./d');`
			)
		).toEqual(['./a', './b', './c', './d']);
	});

	it('finds a loop closed by a type import, and only loops', () => {
		const graph = {
			'challenge.ts': ['stages.ts', 'locale.ts'],
			'stages.ts': ['challenge.ts'],
			'locale.ts': [],
			'self.ts': ['self.ts']
		};
		expect(cycles(graph)).toEqual([['challenge.ts', 'stages.ts'], ['self.ts']]);
	});
});
