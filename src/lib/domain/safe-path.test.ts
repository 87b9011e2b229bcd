import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './safe-path';

describe('safeRedirectPath', () => {
	it('keeps paths on this site, with their query', () => {
		expect(safeRedirectPath('/account')).toBe('/account');
		expect(safeRedirectPath('/challenges?q=lumi&page=2')).toBe('/challenges?q=lumi&page=2');
	});

	it('refuses anything that could lead to another origin', () => {
		for (const value of [
			'https://evil.example',
			'//evil.example',
			'/\\evil.example',
			'javascript:alert(1)',
			'account',
			'/\tevil',
			null,
			42
		]) {
			expect(safeRedirectPath(value, '/home')).toBe('/home');
		}
	});
});
