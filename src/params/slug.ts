import type { ParamMatcher } from '@sveltejs/kit';
import { isSlug } from '$lib/domain/route-params';

/** `[x=slug]`: the segment is a slug; anything else matches no route (404). */
export const match: ParamMatcher = (param) => isSlug(param);
