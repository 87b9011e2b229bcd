import { describe, expect, it } from 'vitest';
import { compareNames } from './names';

describe('compareNames', () => {
	it('sorts in the reader’s alphabet, case-insensitive', () => {
		const names = ['Örebro', 'Zeta', 'Ähtäri', 'Åbo', 'aava'];
		expect(names.toSorted(compareNames('fi'))).toEqual(['aava', 'Zeta', 'Åbo', 'Ähtäri', 'Örebro']);
		expect(names.toSorted(compareNames('sv'))).toEqual(['aava', 'Zeta', 'Åbo', 'Ähtäri', 'Örebro']);
		expect(names.toSorted(compareNames('en'))).toEqual(['aava', 'Åbo', 'Ähtäri', 'Örebro', 'Zeta']);
	});
});
