import type { ClientInit } from '@sveltejs/kit';
import { noteEarlyInput } from '$lib/components/early-input';

/** Before the page hydrates: note what was typed or chosen while its scripts loaded. */
export const init: ClientInit = () => noteEarlyInput();
