-- Demo data with fixed ids: the organisations and challenges of the source documents,
-- and one account for each role. Applied once, to an empty database, when SEED_DEMO
-- is not 'false'. Passwords are set by the server (local accounts) at seeding time.

insert into auth.users (id, email, email_confirmed_at, raw_user_meta_data) values
  ('00000000-0000-4000-8000-000000000001', 'admin@talkoot.example', now(), '{"display_name": "Aino Admin", "locale": "fi"}'),
  ('00000000-0000-4000-8000-000000000002', 'owner@hel.example', now(), '{"display_name": "Olli Omistaja", "locale": "fi"}'),
  ('00000000-0000-4000-8000-000000000003', 'owner@aalto.example', now(), '{"display_name": "Alva Aalto", "locale": "sv"}'),
  ('00000000-0000-4000-8000-000000000004', 'solver@team.example', now(), '{"display_name": "Sanna Solver", "locale": "en"}'),
  ('00000000-0000-4000-8000-000000000005', 'facilitator@talkoot.example', now(), '{"display_name": "Fiia Fasilitaattori", "locale": "fi"}'),
  ('00000000-0000-4000-8000-000000000006', 'juror@talkoot.example', now(), '{"display_name": "Juho Juror", "locale": "fi"}'),
  ('00000000-0000-4000-8000-000000000007', 'member@hel.example', now(), '{"display_name": "Minna Member", "locale": "fi"}');

insert into public.platform_admins (user_id) values ('00000000-0000-4000-8000-000000000001');

insert into public.organisations (id, slug, name, kind, website) values
  ('10000000-0000-4000-8000-000000000001', 'city-of-helsinki', 'City of Helsinki', 'public_body', 'https://www.hel.fi'),
  ('10000000-0000-4000-8000-000000000002', 'aalto-university', 'Aalto University', 'university', 'https://www.aalto.fi'),
  ('10000000-0000-4000-8000-000000000003', 'national-land-survey', 'National Land Survey of Finland', 'agency', 'https://www.maanmittauslaitos.fi'),
  ('10000000-0000-4000-8000-000000000004', 'metsahallitus', 'Metsähallitus', 'agency', 'https://www.metsa.fi');

insert into public.organisation_members (organisation_id, user_id, role) values
  ('10000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', 'owner'),
  ('10000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000007', 'member'),
  ('10000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003', 'owner');

insert into public.challenges (id, organisation_id, slug, primary_locale, title, summary, procedure, status, published_at, created_by) values
  ('20000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 'ai-goes-to-work', 'en',
   '{"en": "AI Goes to Work", "fi": "Tekoäly töihin", "sv": "AI går till jobbet"}',
   '{"en": "How could AI help job seekers and offerers find each other better and easier than currently?",
     "fi": "Miten tekoäly voisi auttaa työnhakijoita ja työnantajia löytämään toisensa nykyistä paremmin ja helpommin?",
     "sv": "Hur kunde AI hjälpa arbetssökande och arbetsgivare att hitta varandra bättre och enklare än i dag?"}',
   'open_challenge', 'published', now() - interval '5 days', '00000000-0000-4000-8000-000000000002'),
  ('20000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', 'snow-problem', 'en',
   '{"en": "Snow Problem", "fi": "Lumiongelma", "sv": "Snöproblemet"}',
   '{"en": "Can you innovate a more convenient, safe and environmentally friendly way of treating snow?",
     "fi": "Keksitkö kätevämmän, turvallisemman ja ympäristöystävällisemmän tavan käsitellä lunta?",
     "sv": "Kan du hitta på ett smidigare, säkrare och miljövänligare sätt att hantera snö?"}',
   'open_challenge', 'published', now() - interval '4 days', '00000000-0000-4000-8000-000000000002'),
  ('20000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000003', 'address-fix-up', 'en',
   '{"en": "Address fix up", "fi": "Osoitekorjaamo", "sv": "Adressfixaren"}',
   '{"en": "How to upgrade the quality of the municipal address database in Finland?",
     "fi": "Miten Suomen kuntien osoitetietokannan laatua voisi parantaa?",
     "sv": "Hur kan kvaliteten på kommunernas adressdatabas i Finland förbättras?"}',
   'open_challenge', 'published', now() - interval '3 days', null),
  ('20000000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-000000000004', 'hiking-compass', 'en',
   '{"en": "Hiking Compass", "fi": "Retkikompassi", "sv": "Vandringskompassen"}',
   '{"en": "How to improve customer interaction and use data with a digital service platform for hiking areas?",
     "fi": "Miten retkeilyalueiden asiakasvuorovaikutusta ja datan hyödyntämistä voisi parantaa digitaalisella palvelualustalla?",
     "sv": "Hur kan kundkontakten och användningen av data i vandringsområden förbättras med en digital tjänsteplattform?"}',
   'open_challenge', 'published', now() - interval '2 days', null),
  ('20000000-0000-4000-8000-000000000005', '10000000-0000-4000-8000-000000000002', 'aalto-university-sdg', 'en',
   '{"en": "Aalto University SDG", "fi": "Aalto-yliopisto ja kestävän kehityksen tavoitteet", "sv": "Aalto-universitetet och målen för hållbar utveckling"}',
   '{"en": "How to engage, motivate and communicate with Aalto community members about the Sustainable Development Goals?",
     "fi": "Miten Aalto-yhteisön jäsenet saadaan innostumaan ja sitoutumaan kestävän kehityksen tavoitteisiin?",
     "sv": "Hur kan Aalto-gemenskapens medlemmar engageras och motiveras kring målen för hållbar utveckling?"}',
   'open_challenge', 'published', now() - interval '1 day', '00000000-0000-4000-8000-000000000003'),
  ('20000000-0000-4000-8000-000000000006', '10000000-0000-4000-8000-000000000001', 'employment-training-partnership', 'fi',
   '{"fi": "Työllistymistä tukeva valmennus – innovaatiokumppanuus", "en": "Employment training together – innovation partnership", "sv": "Sysselsättningsträning tillsammans – innovationspartnerskap"}',
   '{"fi": "Kehitetään yhdessä valmennuspalvelu asiakkaille, jotka tarvitsevat tehostettua monialaista tukea työllistyäkseen.",
     "en": "Developing together a training service for clients who need intensified multidisciplinary support to find work.",
     "sv": "Vi utvecklar tillsammans en träningstjänst för klienter som behöver intensifierat sektorsövergripande stöd för att få arbete."}',
   'innovation_partnership', 'published', now() - interval '6 days', '00000000-0000-4000-8000-000000000002');
