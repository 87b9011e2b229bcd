import { createSubscriber } from 'svelte/reactivity';

/**
 * One clock for every countdown and open/closed state on a page (issue 11, item 11):
 * reading `now()` inside a component or `$derived` makes it re-read every second, so a
 * deadline flips state at the deadline without a reload. One interval runs while anything
 * on the page reads it and stops with the last reader. Outside an effect (the server's
 * render) it is simply the current time. The database still decides every refusal; this
 * only keeps what the page says in step with it.
 */
const tick = createSubscriber((update) => {
	const timer = setInterval(update, 1000);
	return () => clearInterval(timer);
});

/** The current time, reactively: re-read once a second by whatever reads it. */
export function now(): Date {
	tick();
	// A fresh snapshot on every read, never mutated: reactivity comes from tick(), not the Date.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	return new Date();
}
