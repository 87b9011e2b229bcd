import { categoryTexts } from '$lib/server/privacy/texts';
import { controller } from '$lib/server/privacy/notice';
import type { PageServerLoad } from './$types';

/** The privacy notice: the map's categories in the reader's language and the controller. */
export const load: PageServerLoad = () => ({
	categories: categoryTexts(),
	controller: controller()
});
