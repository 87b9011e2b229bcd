import type { ParamMatcher } from '@sveltejs/kit';
import { isToken } from '$lib/domain/route-params';

/** `[x=token]`: the segment is a token; anything else matches no route (404). */
export const match: ParamMatcher = (param) => isToken(param);
