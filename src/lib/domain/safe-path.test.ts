import { describe, expect, it } from 'vitest';
import { safeRedirectPath, withRedirect } from './safe-path';

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

describe('withRedirect', () => {
	it('adds a safe way back, and nothing otherwise', () => {
		expect(withRedirect('/auth/sign-in', '/invitations/abc')).toBe(
			'/auth/sign-in?redirectTo=%2Finvitations%2Fabc'
		);
		expect(withRedirect('/auth/check-email?email=a%40b', '/teams')).toBe(
			'/auth/check-email?email=a%40b&redirectTo=%2Fteams'
		);
		expect(withRedirect('/auth/sign-in', '//evil.example')).toBe('/auth/sign-in');
		expect(withRedirect('/auth/sign-in', null)).toBe('/auth/sign-in');
	});
});
