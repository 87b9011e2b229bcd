-- Issue 16 (the owner's list of applications): public.screening_decisions read the
-- decisions twice under row-level security, once for the decision and once for the
-- not-exists test of a published correction replacing it, and each read built every
-- decision id the reader may see (private.my_decision_ids, 2 ms on the benchmark's
-- challenge). Whether a decision is replaced is a fact of the record, as
-- private.current_decision already reads it: asked of the decision's own row, which the
-- reader's policies have already let through, it is one index lookup. It tells only
-- whether some published decision replaces the given one, nothing of that decision.

create function private.decision_replaced(decision uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  return exists (select 1 from public.decisions r
                 where r.replaces = decision and r.published_at is not null);
end
$$;
revoke execute on function private.decision_replaced(uuid) from public, anon;
grant execute on function private.decision_replaced(uuid) to authenticated;

create or replace view public.screening_decisions with (security_invoker = true) as
select i.application_id, i.chosen as eligible, i.reason as justification,
  d.prepared_by as decided_by, d.prepared_by_name as decided_by_name,
  d.published_at as decided_at, d.lang
from public.decisions d
join public.decision_items i on i.decision_id = d.id
where d.stage = 'screening' and d.published_at is not null and d.kind <> 'void'
  and not private.decision_replaced(d.id);
