// `npm start`: build when the build is missing or older than the sources, then serve.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = [
	'src',
	'supabase',
	'messages',
	'static',
	'package.json',
	'svelte.config.js',
	'vite.config.ts'
];

function newest(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return readdirSync(path)
		.filter((name) => name !== 'paraglide')
		.reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

const built = existsSync('build/handler.js') ? statSync('build/handler.js').mtimeMs : 0;
if (built < Math.max(...SOURCES.map(newest))) {
	console.log('Building Talkoot…');
	execSync('npx vite build', { stdio: 'inherit' });
}
process.env.NODE_ENV ??= 'production';
await import('../server.js');
