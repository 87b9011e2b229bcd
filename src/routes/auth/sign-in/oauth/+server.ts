import { supabaseOAuthRoute } from '$lib/server/http/supabase-sign-in';
import type { RequestHandler } from './$types';

// Supabase mode only (404 otherwise): starts a sign-in with the configured OAuth provider.
export const POST: RequestHandler = (event) => supabaseOAuthRoute(event);
