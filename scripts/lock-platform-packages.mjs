// The npm registry reachable here serves only some platforms' builds of packages such
// as @rollup/rollup-<platform>. `npm install` then leaves the other platforms' optional
// packages out of package-lock.json, and `npm ci` refuses the lock as out of sync.
// This adds them as optional entries with their os/cpu, so npm skips them on this
// machine and fetches the right one elsewhere. Run after changing dependencies.
import { readFileSync, writeFileSync } from 'node:fs';

const PLATFORM =
	/-(android|darwin|freebsd|linux|openbsd|openharmony|win32)-([a-z0-9]+)(?:-(gnu|musl|msvc|eabi|gnueabihf|musleabihf))?$/;

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const packages = lock.packages;
let added = 0;
for (const [path, info] of Object.entries(packages)) {
	for (const [name, version] of Object.entries(info.optionalDependencies ?? {})) {
		const nested = `${path ? `${path}/` : ''}node_modules/${name}`;
		if (packages[nested] || packages[`node_modules/${name}`]) continue;
		const match = PLATFORM.exec(name);
		if (!match) continue;
		const [, os, cpu, abi] = match;
		const entry = { version: version.replace(/^[\^~]/, ''), optional: true, os: [os], cpu: [cpu] };
		if (abi === 'gnu' || abi === 'musl' || abi?.startsWith('gnu') || abi?.startsWith('musl')) {
			entry.libc = [abi.startsWith('musl') ? 'musl' : 'glibc'];
		}
		packages[`node_modules/${name}`] = entry;
		added++;
	}
}
lock.packages = Object.fromEntries(
	Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b)))
);
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, '\t')}\n`);
console.log(`lock: ${added} platform packages recorded`);
