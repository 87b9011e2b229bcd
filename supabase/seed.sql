-- Demo data with fixed ids: the organisations and challenges of the source documents,
-- and one account for each role. Applied once, to an empty database, when SEED_DEMO
-- is not 'false'. Passwords are set by the server (local accounts) at seeding time.
--
-- Written directly (the seed's one service job, src/lib/server/seed.ts) because it is the
-- world as it stood before the demo begins: accounts, organisations and teams, challenges
-- published weeks ago and a question answered days ago, with those times (the definer
-- functions, public.publish_challenge and public.answer_question, stamp the database's
-- clock). Everything people do with it afterwards (applying, screening, juries and
-- decisions, workshops, concepts and final tenders, milestones, production reports) the
-- server seeds through the same definer functions their actions call, in their names
-- (src/lib/server/seed-*.ts).

insert into auth.users (id, email, email_confirmed_at, raw_user_meta_data) values
  ('00000000-0000-4000-8000-000000000001', 'admin@talkoot.example', now(), '{"display_name": "Aino Admin", "locale": "fi"}'),
  ('00000000-0000-4000-8000-000000000002', 'owner@hel.example', now(), '{"display_name": "Olli Omistaja", "locale": "fi"}'),
  ('00000000-0000-4000-8000-000000000003', 'owner@aalto.example', now(), '{"display_name": "Alva Aalto", "locale": "sv"}'),
  ('00000000-0000-4000-8000-000000000004', 'solver@team.example', now(), '{"display_name": "Sanna Solver", "locale": "en"}'),
  ('00000000-0000-4000-8000-000000000005', 'facilitator@talkoot.example', now(), '{"display_name": "Fiia Fasilitaattori", "locale": "fi"}'),
  ('00000000-0000-4000-8000-000000000006', 'juror@talkoot.example', now(), '{"display_name": "Juho Juror", "locale": "fi"}'),
  ('00000000-0000-4000-8000-000000000007', 'member@hel.example', now(), '{"display_name": "Minna Member", "locale": "fi"}'),
  ('00000000-0000-4000-8000-000000000008', 'designer@team.example', now(), '{"display_name": "Daniel Designer", "locale": "en"}'),
  ('00000000-0000-4000-8000-000000000009', 'lead@osaamissilta.example', now(), '{"display_name": "Oona Osaaja", "locale": "fi"}'),
  ('00000000-0000-4000-8000-000000000010', 'coach@osaamissilta.example', now(), '{"display_name": "Vera Vägledare", "locale": "sv"}'),
  ('00000000-0000-4000-8000-000000000011', 'new-admin@talkoot.example', now(), '{"display_name": "Niko Uusi", "locale": "en"}');

-- Platform admins: Aino has a second factor (enrolled by the server at seeding); Niko has
-- none yet, so his first visit to /admin or /organisations sends him to enrol, and until
-- he has given a code in his session he has no admin powers in the database (aal1).
insert into public.platform_admins (user_id) values
  ('00000000-0000-4000-8000-000000000001'),
  ('00000000-0000-4000-8000-000000000011');

insert into public.organisations (id, slug, name, kind, website) values
  ('10000000-0000-4000-8000-000000000001', 'city-of-helsinki', 'City of Helsinki', 'public_body', 'https://www.hel.fi'),
  ('10000000-0000-4000-8000-000000000002', 'aalto-university', 'Aalto University', 'university', 'https://www.aalto.fi'),
  ('10000000-0000-4000-8000-000000000003', 'national-land-survey', 'National Land Survey of Finland', 'agency', 'https://www.maanmittauslaitos.fi'),
  ('10000000-0000-4000-8000-000000000004', 'metsahallitus', 'Metsähallitus', 'agency', 'https://www.metsa.fi');

-- Their names in Finnish, Swedish and English (issue 12); `name` becomes the Finnish one.
update public.organisations o set primary_locale = 'fi', names = v.names::jsonb
from (values
  ('10000000-0000-4000-8000-000000000001', '{"fi": "Helsingin kaupunki", "sv": "Helsingfors stad", "en": "City of Helsinki"}'),
  ('10000000-0000-4000-8000-000000000002', '{"fi": "Aalto-yliopisto", "sv": "Aalto-universitetet", "en": "Aalto University"}'),
  ('10000000-0000-4000-8000-000000000003', '{"fi": "Maanmittauslaitos", "sv": "Lantmäteriverket", "en": "National Land Survey of Finland"}'),
  ('10000000-0000-4000-8000-000000000004', '{"fi": "Metsähallitus", "sv": "Forststyrelsen", "en": "Metsähallitus"}')
) as v(id, names)
where o.id = v.id::uuid;

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

-- The substance, timetable, criteria and requirements of two demo challenges, with
-- dates around the day the demo is seeded so the pages show a live challenge.
update public.challenges set
  body = '{"en": "## Goal\nJob seekers and employers miss each other: vacancies go unfilled while people with the right skills look elsewhere. We want to try how AI could match people and work **better and more fairly** than keyword search.\n\n## What has been tried\n- Keyword-based job boards\n- Career guidance sessions\n\n## End users\nJob seekers served by the City of Helsinki''s employment services, and the employers who recruit them.",
           "fi": "## Tavoite\nTyönhakijat ja työnantajat eivät kohtaa: paikkoja jää täyttämättä, vaikka osaajia olisi. Haluamme kokeilla, miten tekoäly voisi yhdistää ihmiset ja työn **paremmin ja reilummin** kuin hakusanat.\n\n## Mitä on kokeiltu\n- Hakusanapohjaiset työpaikkapalvelut\n- Uraohjaus\n\n## Loppukäyttäjät\nHelsingin kaupungin työllisyyspalvelujen asiakkaat ja heitä rekrytoivat työnantajat."}',
  contact_name = 'Olli Omistaja', contact_email = 'owner@hel.example',
  shortlist_count = 5, partner_count = 2,
  -- An open challenge that opts out of sealing: its team screens as applications arrive.
  applications_unsealed = true,
  rewards = '{"en": "Proof of concept budget up to 30 000 € for up to two teams.", "fi": "Kokeilubudjetti enintään 30 000 € enintään kahdelle tiimille."}'
where id = '20000000-0000-4000-8000-000000000001';

insert into public.challenge_stages (challenge_id, stage, starts_at, ends_at, decision_on, signatory) values
  ('20000000-0000-4000-8000-000000000001', 'market_dialogue', date_trunc('day', now()) - interval '10 days', date_trunc('day', now()) + interval '10 days', null, null),
  ('20000000-0000-4000-8000-000000000001', 'applications', date_trunc('day', now()) - interval '5 days', date_trunc('day', now()) + interval '25 days', null, null),
  ('20000000-0000-4000-8000-000000000001', 'screening', date_trunc('day', now()) + interval '26 days', date_trunc('day', now()) + interval '33 days', date_trunc('day', now()) + interval '34 days', 'Head of Employment Services'),
  ('20000000-0000-4000-8000-000000000001', 'shortlisting', date_trunc('day', now()) + interval '35 days', date_trunc('day', now()) + interval '45 days', date_trunc('day', now()) + interval '46 days', 'Head of Employment Services'),
  ('20000000-0000-4000-8000-000000000001', 'workshops', date_trunc('day', now()) + interval '50 days', date_trunc('day', now()) + interval '52 days', null, null),
  ('20000000-0000-4000-8000-000000000001', 'concepts', date_trunc('day', now()) + interval '53 days', date_trunc('day', now()) + interval '80 days', null, null),
  ('20000000-0000-4000-8000-000000000001', 'selection', date_trunc('day', now()) + interval '81 days', date_trunc('day', now()) + interval '95 days', date_trunc('day', now()) + interval '96 days', 'Deputy Mayor'),
  ('20000000-0000-4000-8000-000000000001', 'proof_of_concept', date_trunc('day', now()) + interval '100 days', date_trunc('day', now()) + interval '190 days', null, null),
  ('20000000-0000-4000-8000-000000000003', 'market_dialogue', date_trunc('day', now()) - interval '90 days', date_trunc('day', now()) - interval '60 days', null, null),
  ('20000000-0000-4000-8000-000000000003', 'applications', date_trunc('day', now()) - interval '70 days', date_trunc('day', now()) - interval '40 days', null, null),
  ('20000000-0000-4000-8000-000000000003', 'screening', date_trunc('day', now()) - interval '39 days', date_trunc('day', now()) - interval '30 days', date_trunc('day', now()) - interval '30 days', 'Director General'),
  ('20000000-0000-4000-8000-000000000006', 'market_dialogue', date_trunc('day', now()) - interval '20 days', date_trunc('day', now()) + interval '5 days', null, null),
  ('20000000-0000-4000-8000-000000000006', 'applications', date_trunc('day', now()) + interval '6 days', date_trunc('day', now()) + interval '40 days', null, null),
  ('20000000-0000-4000-8000-000000000006', 'screening', date_trunc('day', now()) + interval '41 days', date_trunc('day', now()) + interval '50 days', date_trunc('day', now()) + interval '51 days', 'Työllisyyspalvelujen päällikkö'),
  ('20000000-0000-4000-8000-000000000006', 'shortlisting', date_trunc('day', now()) + interval '52 days', date_trunc('day', now()) + interval '70 days', date_trunc('day', now()) + interval '71 days', 'Työllisyyspalvelujen päällikkö'),
  ('20000000-0000-4000-8000-000000000006', 'workshops', date_trunc('day', now()) + interval '80 days', date_trunc('day', now()) + interval '81 days', null, null),
  ('20000000-0000-4000-8000-000000000006', 'concepts', date_trunc('day', now()) + interval '82 days', date_trunc('day', now()) + interval '120 days', null, null),
  ('20000000-0000-4000-8000-000000000006', 'selection', date_trunc('day', now()) + interval '121 days', date_trunc('day', now()) + interval '150 days', date_trunc('day', now()) + interval '151 days', 'Apulaispormestari'),
  ('20000000-0000-4000-8000-000000000006', 'proof_of_concept', date_trunc('day', now()) + interval '160 days', date_trunc('day', now()) + interval '340 days', null, null),
  ('20000000-0000-4000-8000-000000000006', 'production', date_trunc('day', now()) + interval '341 days', date_trunc('day', now()) + interval '610 days', null, null),
  -- Every published demo challenge has a full timetable, as a real one would (issue 11).
  ('20000000-0000-4000-8000-000000000002', 'market_dialogue', date_trunc('day', now()) - interval '4 days', date_trunc('day', now()) - interval '1 days', null, null),
  ('20000000-0000-4000-8000-000000000002', 'applications', date_trunc('day', now()) + interval '6 days', date_trunc('day', now()) + interval '40 days', null, null),
  ('20000000-0000-4000-8000-000000000002', 'screening', date_trunc('day', now()) + interval '41 days', date_trunc('day', now()) + interval '48 days', date_trunc('day', now()) + interval '49 days', 'Executive Director, Urban Environment Division'),
  ('20000000-0000-4000-8000-000000000002', 'shortlisting', date_trunc('day', now()) + interval '50 days', date_trunc('day', now()) + interval '57 days', date_trunc('day', now()) + interval '58 days', 'Executive Director, Urban Environment Division'),
  ('20000000-0000-4000-8000-000000000002', 'workshops', date_trunc('day', now()) + interval '62 days', date_trunc('day', now()) + interval '63 days', null, null),
  ('20000000-0000-4000-8000-000000000002', 'concepts', date_trunc('day', now()) + interval '64 days', date_trunc('day', now()) + interval '90 days', null, null),
  ('20000000-0000-4000-8000-000000000002', 'selection', date_trunc('day', now()) + interval '91 days', date_trunc('day', now()) + interval '100 days', date_trunc('day', now()) + interval '101 days', 'Deputy Mayor for Urban Environment'),
  ('20000000-0000-4000-8000-000000000002', 'proof_of_concept', date_trunc('day', now()) + interval '110 days', date_trunc('day', now()) + interval '200 days', date_trunc('day', now()) + interval '201 days', 'Executive Director, Urban Environment Division'),
  ('20000000-0000-4000-8000-000000000003', 'shortlisting', date_trunc('day', now()) - interval '29 days', date_trunc('day', now()) - interval '22 days', date_trunc('day', now()) - interval '21 days', 'Director General'),
  ('20000000-0000-4000-8000-000000000003', 'workshops', date_trunc('day', now()) - interval '18 days', date_trunc('day', now()) - interval '17 days', null, null),
  ('20000000-0000-4000-8000-000000000003', 'concepts', date_trunc('day', now()) - interval '16 days', date_trunc('day', now()) - interval '3 days', null, null),
  ('20000000-0000-4000-8000-000000000003', 'selection', date_trunc('day', now()) - interval '2 days', date_trunc('day', now()) + interval '12 days', date_trunc('day', now()) + interval '13 days', 'Director General'),
  ('20000000-0000-4000-8000-000000000003', 'proof_of_concept', date_trunc('day', now()) + interval '20 days', date_trunc('day', now()) + interval '110 days', date_trunc('day', now()) + interval '111 days', 'Director, Location Information Services'),
  ('20000000-0000-4000-8000-000000000004', 'market_dialogue', date_trunc('day', now()) - interval '2 days', date_trunc('day', now()) + interval '12 days', null, null),
  ('20000000-0000-4000-8000-000000000004', 'applications', date_trunc('day', now()) + interval '14 days', date_trunc('day', now()) + interval '45 days', null, null),
  ('20000000-0000-4000-8000-000000000004', 'screening', date_trunc('day', now()) + interval '46 days', date_trunc('day', now()) + interval '52 days', date_trunc('day', now()) + interval '53 days', 'Director, Parks & Wildlife Finland'),
  ('20000000-0000-4000-8000-000000000004', 'shortlisting', date_trunc('day', now()) + interval '54 days', date_trunc('day', now()) + interval '60 days', date_trunc('day', now()) + interval '61 days', 'Director, Parks & Wildlife Finland'),
  ('20000000-0000-4000-8000-000000000004', 'workshops', date_trunc('day', now()) + interval '66 days', date_trunc('day', now()) + interval '67 days', null, null),
  ('20000000-0000-4000-8000-000000000004', 'concepts', date_trunc('day', now()) + interval '68 days', date_trunc('day', now()) + interval '95 days', null, null),
  ('20000000-0000-4000-8000-000000000004', 'selection', date_trunc('day', now()) + interval '96 days', date_trunc('day', now()) + interval '105 days', date_trunc('day', now()) + interval '106 days', 'Director, Parks & Wildlife Finland'),
  ('20000000-0000-4000-8000-000000000004', 'proof_of_concept', date_trunc('day', now()) + interval '115 days', date_trunc('day', now()) + interval '205 days', date_trunc('day', now()) + interval '206 days', 'Director, Parks & Wildlife Finland'),
  ('20000000-0000-4000-8000-000000000005', 'market_dialogue', date_trunc('day', now()) - interval '1 days', date_trunc('day', now()) + interval '20 days', null, null),
  ('20000000-0000-4000-8000-000000000005', 'applications', date_trunc('day', now()) + interval '21 days', date_trunc('day', now()) + interval '50 days', null, null),
  ('20000000-0000-4000-8000-000000000005', 'screening', date_trunc('day', now()) + interval '51 days', date_trunc('day', now()) + interval '55 days', date_trunc('day', now()) + interval '56 days', 'Vice President for Sustainability'),
  ('20000000-0000-4000-8000-000000000005', 'shortlisting', date_trunc('day', now()) + interval '57 days', date_trunc('day', now()) + interval '63 days', date_trunc('day', now()) + interval '64 days', 'Vice President for Sustainability'),
  ('20000000-0000-4000-8000-000000000005', 'workshops', date_trunc('day', now()) + interval '70 days', date_trunc('day', now()) + interval '71 days', null, null),
  ('20000000-0000-4000-8000-000000000005', 'concepts', date_trunc('day', now()) + interval '72 days', date_trunc('day', now()) + interval '100 days', null, null),
  ('20000000-0000-4000-8000-000000000005', 'selection', date_trunc('day', now()) + interval '101 days', date_trunc('day', now()) + interval '110 days', date_trunc('day', now()) + interval '111 days', 'President of Aalto University'),
  ('20000000-0000-4000-8000-000000000005', 'proof_of_concept', date_trunc('day', now()) + interval '120 days', date_trunc('day', now()) + interval '210 days', date_trunc('day', now()) + interval '211 days', 'Vice President for Sustainability');

-- Office hours in Helsinki: stages open at 9:00 and close at 16:00, decisions at noon.
update public.challenge_stages set
  starts_at = (date_trunc('day', starts_at at time zone 'Europe/Helsinki') + interval '9 hours') at time zone 'Europe/Helsinki',
  ends_at = (date_trunc('day', ends_at at time zone 'Europe/Helsinki') + interval '16 hours') at time zone 'Europe/Helsinki',
  decision_on = (date_trunc('day', decision_on at time zone 'Europe/Helsinki') + interval '12 hours') at time zone 'Europe/Helsinki';

update public.challenges set
  body = '{"fi": "## Tausta\nTyöllistymistä tukevien valmennusten vaikuttavuus on jäänyt matalaksi (noin 10 %). Asiakkaat tarvitsevat tehostettua monialaista tukea.\n\n## Tavoite\nTyöpaikalla tapahtuva valmennus ja tuki, joka integroituu kaupungin omiin prosesseihin.\n\n## Miksi innovaatiokumppanuus?\nMarkkinoilla ei ole valmista palvelua, joka vastaisi tarpeeseen.", "en": "## Background\nThe employment impact of performance-based training has remained low (about 10 %). Our clients need intensified multidisciplinary support.\n\n## Aim\nOn-the-job training and support at the workplace, integrated into the city''s own service processes.\n\n## Why an innovation partnership?\nNo service on the market meets the need as it is."}',
  contact_name = 'Olli Omistaja', contact_email = 'owner@hel.example',
  shortlist_count = 5, partner_count = 2, price_share = 30, min_team_size = 3,
  -- Written in the challenge's primary language, Finnish, as its signatories (issue 12).
  competence_areas = array['service_design', 'project_management', 'Työllisyyspalvelut'],
  rewards = '{"fi": "Kehitysvaiheen budjetti ja tulosperusteinen bonus tuotantovaiheessa.", "en": "Development phase budget and a result-based bonus in the production phase."}'
where id = '20000000-0000-4000-8000-000000000006';

insert into public.challenge_criteria (challenge_id, stage, position, name, max_points) values
  ('20000000-0000-4000-8000-000000000006', 'selection', 1, '{"fi": "Ratkaisun tavoitteiden mukaisuus ja innovatiivisuus", "en": "Compliance of the solution with the objectives and innovativeness"}', 30),
  ('20000000-0000-4000-8000-000000000006', 'selection', 2, '{"fi": "Ratkaisun integroitavuus", "en": "Integrability of the solution"}', 10),
  ('20000000-0000-4000-8000-000000000006', 'selection', 3, '{"fi": "Tiimin jäsenten ammatillinen osaaminen", "en": "Professional expertise of team members"}', 10),
  ('20000000-0000-4000-8000-000000000006', 'selection', 4, '{"fi": "Projektinhallinta monituottajaympäristössä", "en": "Project management in a multi-producer environment"}', 10),
  ('20000000-0000-4000-8000-000000000006', 'selection', 5, '{"fi": "Tuotekehitysosaaminen ja yhteiskuntavastuu", "en": "Product development expertise and social responsibility"}', 10),
  ('20000000-0000-4000-8000-000000000006', 'shortlisting', 1, '{"fi": "Alustavan tarjouksen laatu", "en": "Quality of the preliminary tender"}', 20),
  ('20000000-0000-4000-8000-000000000001', 'shortlisting', 1, '{"en": "Relevance of the three preliminary ideas", "fi": "Alustavien ideoiden osuvuus"}', 20),
  ('20000000-0000-4000-8000-000000000001', 'shortlisting', 2, '{"en": "Complementary competences of the team", "fi": "Tiimin toisiaan täydentävä osaaminen"}', 10),
  ('20000000-0000-4000-8000-000000000001', 'selection', 1, '{"en": "Impact for job seekers and employers", "fi": "Vaikuttavuus työnhakijoille ja työnantajille"}', 40),
  ('20000000-0000-4000-8000-000000000001', 'selection', 2, '{"en": "Feasibility of the proof of concept", "fi": "Kokeilun toteutettavuus"}', 30);

insert into public.challenge_requirements (challenge_id, position, statement) values
  ('20000000-0000-4000-8000-000000000006', 1, '{"fi": "Tarjoajalla on kokemusta työllisyyspalveluista viimeisen kolmen vuoden ajalta.", "en": "The tenderer has experience of employment services from the last three years."}'),
  ('20000000-0000-4000-8000-000000000006', 2, '{"fi": "Tarjoaja on merkitty ennakkoperintärekisteriin.", "en": "The tenderer is entered in the prepayment register."}'),
  ('20000000-0000-4000-8000-000000000001', 1, '{"en": "The team processes personal data in line with the GDPR.", "fi": "Tiimi käsittelee henkilötietoja tietosuoja-asetuksen mukaisesti."}');

-- The other published demo challenges: substance, weighted criteria (selection quality
-- points plus the price share make 100) and minimum requirements, in fi, sv and en.
update public.challenges set
  body = '{"en": "## Goal\nEvery winter the city ploughs, loads and hauls hundreds of thousands of truckloads of snow to snow dumps. We look for a way to treat snow that is **more convenient for residents, safer in traffic and kinder to the environment**: less hauling, less noise, cleaner melt water.\n\n## End users\nResidents, pedestrians and cyclists, the city''s street maintenance and its contractors.",
           "fi": "## Tavoite\nKaupunki auraa, lastaa ja kuljettaa joka talvi satojatuhansia kuormia lunta lumenvastaanottopaikoille. Etsimme tapaa käsitellä lunta **asukkaille kätevämmin, liikenteessä turvallisemmin ja ympäristöä säästäen**: vähemmän kuljetuksia ja melua, puhtaampia sulamisvesiä.\n\n## Loppukäyttäjät\nAsukkaat, jalankulkijat ja pyöräilijät, kaupungin katujen kunnossapito ja sen urakoitsijat.",
           "sv": "## Mål\nVarje vinter plogar, lastar och kör staden hundratusentals lass snö till snötippar. Vi söker ett sätt att hantera snö som är **smidigare för invånarna, säkrare i trafiken och skonsammare mot miljön**: färre transporter, mindre buller, renare smältvatten.\n\n## Slutanvändare\nInvånare, fotgängare och cyklister, stadens gatuunderhåll och dess entreprenörer."}',
  contact_name = 'Olli Omistaja', contact_email = 'owner@hel.example',
  shortlist_count = 5, partner_count = 2, price_share = 20,
  rewards = '{"en": "A winter-long pilot on city streets with a budget of up to 50 000 €.", "fi": "Talven mittainen kokeilu kaupungin kaduilla, budjetti enintään 50 000 €.", "sv": "Ett vinterlångt pilotprojekt på stadens gator med en budget på högst 50 000 €."}'
where id = '20000000-0000-4000-8000-000000000002';

update public.challenges set
  body = '{"en": "## Goal\nMunicipal addresses feed emergency services, deliveries and navigation. Errors in the address database send ambulances to the wrong door. We look for ways to **find, fix and prevent** address errors together with the municipalities.\n\n## End users\nMunicipal address officials, emergency response centres and everyone who looks up an address.",
           "fi": "## Tavoite\nKuntien osoitetiedot ohjaavat hätäpalveluja, jakelua ja navigointia. Osoitetietokannan virheet vievät ambulanssin väärälle ovelle. Etsimme tapoja **löytää, korjata ja ehkäistä** osoitevirheitä yhdessä kuntien kanssa.\n\n## Loppukäyttäjät\nKuntien osoitevastaavat, hätäkeskukset ja kaikki, jotka hakevat osoitetta.",
           "sv": "## Mål\nKommunernas adressuppgifter styr räddningstjänst, leveranser och navigering. Fel i adressdatabasen skickar ambulansen till fel dörr. Vi söker sätt att **hitta, rätta och förebygga** adressfel tillsammans med kommunerna.\n\n## Slutanvändare\nKommunernas adressansvariga, nödcentralerna och alla som söker en adress."}',
  contact_name = 'Address Services', contact_email = 'addresses@nls.example',
  shortlist_count = 4, partner_count = 1, price_share = 30,
  rewards = '{"en": "A proof of concept with three municipalities, up to 40 000 €.", "fi": "Kokeilu kolmen kunnan kanssa, enintään 40 000 €.", "sv": "Ett pilotprojekt med tre kommuner, högst 40 000 €."}'
where id = '20000000-0000-4000-8000-000000000003';

update public.challenges set
  body = '{"en": "## Goal\nMillions of visits are made to Finland''s national parks and hiking areas each year. We want to **serve hikers better before and during their trip** and to use visitor data to steer crowds, plan maintenance and protect nature.\n\n## End users\nHikers and nature tourism companies, and the staff who run the hiking areas.",
           "fi": "## Tavoite\nSuomen kansallispuistoissa ja retkeilyalueilla tehdään vuosittain miljoonia käyntejä. Haluamme **palvella retkeilijöitä paremmin ennen retkeä ja sen aikana** ja hyödyntää kävijätietoa ruuhkien ohjaamiseen, kunnossapidon suunnitteluun ja luonnon suojeluun.\n\n## Loppukäyttäjät\nRetkeilijät ja luontomatkailuyritykset sekä retkeilyalueiden henkilöstö.",
           "sv": "## Mål\nFinlands nationalparker och friluftsområden har miljontals besök varje år. Vi vill **betjäna vandrare bättre före och under turen** och använda besöksdata för att styra folkmassor, planera underhåll och skydda naturen.\n\n## Slutanvändare\nVandrare och naturturismföretag samt personalen som sköter friluftsområdena."}',
  contact_name = 'Parks & Wildlife Finland', contact_email = 'retkikompassi@metsa.example',
  shortlist_count = 5, partner_count = 2, price_share = 25,
  rewards = '{"en": "A pilot season in two national parks, up to 60 000 €.", "fi": "Kokeilukausi kahdessa kansallispuistossa, enintään 60 000 €.", "sv": "En pilotsäsong i två nationalparker, högst 60 000 €."}'
where id = '20000000-0000-4000-8000-000000000004';

update public.challenges set
  body = '{"en": "## Goal\nAalto University has committed to the UN Sustainable Development Goals. Most students and staff know of them but do not see what they could do. We look for ways to **engage, motivate and communicate** so that the goals show in everyday choices on campus.\n\n## End users\nStudents, teachers, researchers and other staff of the Aalto community.",
           "fi": "## Tavoite\nAalto-yliopisto on sitoutunut YK:n kestävän kehityksen tavoitteisiin. Useimmat opiskelijat ja työntekijät tuntevat ne, mutta eivät näe, mitä voisivat itse tehdä. Etsimme tapoja **innostaa, motivoida ja viestiä** niin, että tavoitteet näkyvät kampuksen arjen valinnoissa.\n\n## Loppukäyttäjät\nAalto-yhteisön opiskelijat, opettajat, tutkijat ja muu henkilöstö.",
           "sv": "## Mål\nAalto-universitetet har förbundit sig till FN:s mål för hållbar utveckling. De flesta studerande och anställda känner till dem men ser inte vad de själva kunde göra. Vi söker sätt att **engagera, motivera och kommunicera** så att målen syns i vardagens val på campus.\n\n## Slutanvändare\nStuderande, lärare, forskare och övrig personal i Aalto-gemenskapen."}',
  contact_name = 'Alva Aalto', contact_email = 'owner@aalto.example',
  shortlist_count = 4, partner_count = 2, price_share = 20,
  rewards = '{"en": "A pilot during one academic term, up to 25 000 €.", "fi": "Yhden lukukauden kokeilu, enintään 25 000 €.", "sv": "Ett pilotprojekt under en termin, högst 25 000 €."}'
where id = '20000000-0000-4000-8000-000000000005';

-- AI Goes to Work: price counts for 30 % in selection, beside its 70 quality points.
update public.challenges set price_share = 30 where id = '20000000-0000-4000-8000-000000000001';

insert into public.challenge_criteria (challenge_id, stage, position, name, max_points) values
  ('20000000-0000-4000-8000-000000000002', 'shortlisting', 1, '{"en": "Relevance of the three preliminary ideas", "fi": "Alustavien ideoiden osuvuus", "sv": "De tre preliminära idéernas relevans"}', 30),
  ('20000000-0000-4000-8000-000000000002', 'shortlisting', 2, '{"en": "Complementary competences and common work history of the team", "fi": "Tiimin toisiaan täydentävä osaaminen ja yhteinen työhistoria", "sv": "Teamets kompletterande kompetenser och gemensamma arbetshistorik"}', 20),
  ('20000000-0000-4000-8000-000000000002', 'selection', 1, '{"en": "Environmental impact: less hauling, noise and emissions", "fi": "Ympäristövaikutus: vähemmän kuljetuksia, melua ja päästöjä", "sv": "Miljöpåverkan: färre transporter, mindre buller och utsläpp"}', 40),
  ('20000000-0000-4000-8000-000000000002', 'selection', 2, '{"en": "Safety and convenience for residents", "fi": "Turvallisuus ja kätevyys asukkaille", "sv": "Säkerhet och smidighet för invånarna"}', 25),
  ('20000000-0000-4000-8000-000000000002', 'selection', 3, '{"en": "Feasibility of the winter pilot", "fi": "Talvikokeilun toteutettavuus", "sv": "Vinterpilotens genomförbarhet"}', 15),
  ('20000000-0000-4000-8000-000000000003', 'shortlisting', 1, '{"en": "Understanding of how municipalities maintain addresses", "fi": "Ymmärrys kuntien osoitetietojen ylläpidosta", "sv": "Förståelse för hur kommunerna upprätthåller adresser"}', 30),
  ('20000000-0000-4000-8000-000000000003', 'shortlisting', 2, '{"en": "Relevance of the preliminary ideas", "fi": "Alustavien ideoiden osuvuus", "sv": "De preliminära idéernas relevans"}', 20),
  ('20000000-0000-4000-8000-000000000003', 'selection', 1, '{"en": "Share of address errors found and fixed in the proof of concept", "fi": "Kokeilussa löydettyjen ja korjattujen osoitevirheiden osuus", "sv": "Andel adressfel som hittas och rättas i pilotprojektet"}', 40),
  ('20000000-0000-4000-8000-000000000003', 'selection', 2, '{"en": "Fit with the municipalities'' work and systems", "fi": "Sopivuus kuntien työhön ja järjestelmiin", "sv": "Passform med kommunernas arbete och system"}', 30),
  ('20000000-0000-4000-8000-000000000004', 'shortlisting', 1, '{"en": "Relevance of the preliminary ideas for hikers", "fi": "Alustavien ideoiden osuvuus retkeilijöille", "sv": "De preliminära idéernas relevans för vandrare"}', 30),
  ('20000000-0000-4000-8000-000000000004', 'shortlisting', 2, '{"en": "Experience of digital services and visitor data", "fi": "Kokemus digitaalisista palveluista ja kävijätiedosta", "sv": "Erfarenhet av digitala tjänster och besöksdata"}', 20),
  ('20000000-0000-4000-8000-000000000004', 'selection', 1, '{"en": "Value for hikers before and during the trip", "fi": "Hyöty retkeilijöille ennen retkeä ja sen aikana", "sv": "Nytta för vandrare före och under turen"}', 35),
  ('20000000-0000-4000-8000-000000000004', 'selection', 2, '{"en": "Use of data to steer visitors and protect nature", "fi": "Datan käyttö kävijöiden ohjaamiseen ja luonnon suojeluun", "sv": "Användning av data för att styra besökare och skydda naturen"}', 25),
  ('20000000-0000-4000-8000-000000000004', 'selection', 3, '{"en": "Feasibility of the pilot season", "fi": "Kokeilukauden toteutettavuus", "sv": "Pilotsäsongens genomförbarhet"}', 15),
  ('20000000-0000-4000-8000-000000000005', 'shortlisting', 1, '{"en": "Relevance of the preliminary ideas for the Aalto community", "fi": "Alustavien ideoiden osuvuus Aalto-yhteisölle", "sv": "De preliminära idéernas relevans för Aalto-gemenskapen"}', 30),
  ('20000000-0000-4000-8000-000000000005', 'shortlisting', 2, '{"en": "Experience of engagement and communication", "fi": "Kokemus osallistamisesta ja viestinnästä", "sv": "Erfarenhet av engagemang och kommunikation"}', 20),
  ('20000000-0000-4000-8000-000000000005', 'selection', 1, '{"en": "Reach and engagement in the pilot term", "fi": "Tavoittavuus ja osallistuminen kokeilulukukaudella", "sv": "Räckvidd och engagemang under pilotterminen"}', 45),
  ('20000000-0000-4000-8000-000000000005', 'selection', 2, '{"en": "Measurable change in everyday choices", "fi": "Mitattava muutos arjen valinnoissa", "sv": "Mätbar förändring i vardagens val"}', 35);

insert into public.challenge_requirements (challenge_id, position, statement) values
  ('20000000-0000-4000-8000-000000000002', 1, '{"en": "The solution can be tried on city streets without a permit change for the winter.", "fi": "Ratkaisua voi kokeilla kaupungin kaduilla ilman lupamuutoksia talven aikana.", "sv": "Lösningen kan prövas på stadens gator utan ändrade tillstånd under vintern."}'),
  ('20000000-0000-4000-8000-000000000002', 2, '{"en": "The tenderer is entered in the prepayment register.", "fi": "Tarjoaja on merkitty ennakkoperintärekisteriin.", "sv": "Anbudsgivaren är införd i förskottsuppbördsregistret."}'),
  ('20000000-0000-4000-8000-000000000003', 1, '{"en": "The team processes address and personal data in line with the GDPR.", "fi": "Tiimi käsittelee osoite- ja henkilötietoja tietosuoja-asetuksen mukaisesti.", "sv": "Teamet behandlar adress- och personuppgifter enligt dataskyddsförordningen."}'),
  ('20000000-0000-4000-8000-000000000003', 2, '{"en": "The solution reads and writes the national address data format.", "fi": "Ratkaisu lukee ja kirjoittaa kansallista osoitetietomuotoa.", "sv": "Lösningen läser och skriver det nationella adressdataformatet."}'),
  ('20000000-0000-4000-8000-000000000004', 1, '{"en": "The service is accessible (WCAG 2.1 AA) and works in Finnish, Swedish and English.", "fi": "Palvelu on saavutettava (WCAG 2.1 AA) ja toimii suomeksi, ruotsiksi ja englanniksi.", "sv": "Tjänsten är tillgänglig (WCAG 2.1 AA) och fungerar på finska, svenska och engelska."}'),
  ('20000000-0000-4000-8000-000000000004', 2, '{"en": "Visitor data is processed in line with the GDPR and stays in the EU.", "fi": "Kävijätietoja käsitellään tietosuoja-asetuksen mukaisesti ja ne pysyvät EU:ssa.", "sv": "Besöksdata behandlas enligt dataskyddsförordningen och stannar inom EU."}'),
  ('20000000-0000-4000-8000-000000000005', 1, '{"en": "The team has run at least one engagement or communication campaign in the last three years.", "fi": "Tiimi on toteuttanut vähintään yhden osallistamis- tai viestintäkampanjan viimeisen kolmen vuoden aikana.", "sv": "Teamet har genomfört minst en engagemangs- eller kommunikationskampanj under de senaste tre åren."}'),
  ('20000000-0000-4000-8000-000000000005', 2, '{"en": "Personal data of the Aalto community is processed in line with the GDPR.", "fi": "Aalto-yhteisön henkilötietoja käsitellään tietosuoja-asetuksen mukaisesti.", "sv": "Aalto-gemenskapens personuppgifter behandlas enligt dataskyddsförordningen."}');

insert into public.challenge_questions (id, challenge_id, body, created_at, answer, answered_at, answered_by) values
  ('30000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000001', 'May a team include members from several companies?', now() - interval '4 days',
   'Yes. A team may combine people from several organisations; the application names one lead.', now() - interval '3 days', '00000000-0000-4000-8000-000000000002');
insert into public.challenge_question_askers (question_id, asker_id) values
  ('30000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000004');

-- A solver team with its members' work history and a project they did together, so
-- the coverage matrix of an application has something to show.
insert into public.teams (id, name, description, home_organisations, lead_id, lang) values
  ('50000000-0000-4000-8000-000000000001', 'Kohtaamo Collective',
   'Developers and service designers who build matching services for the public sector.',
   array['Kohtaamo Oy', 'Aalto University'], '00000000-0000-4000-8000-000000000004', 'en');
insert into public.team_members (team_id, user_id) values
  ('50000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000004'),
  ('50000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000008');
insert into public.work_entries (user_id, area, organisation, role, start_month, end_month, description, lang) values
  ('00000000-0000-4000-8000-000000000004', 'software_development', 'Kohtaamo Oy', 'Lead developer',
   (date_trunc('month', now()) - interval '30 months')::date, null,
   'Built a skills-based job matching service used by three municipalities.', 'en'),
  ('00000000-0000-4000-8000-000000000004', 'project_management', 'Kohtaamo Oy', 'Project manager',
   (date_trunc('month', now()) - interval '20 months')::date, (date_trunc('month', now()) - interval '8 months')::date,
   'Led a multi-supplier pilot with the City of Espoo.', 'en'),
  ('00000000-0000-4000-8000-000000000008', 'service_design', 'Aalto University', 'Service designer',
   (date_trunc('month', now()) - interval '26 months')::date, (date_trunc('month', now()) - interval '2 months')::date,
   'Interviewed job seekers and employment coaches; designed the service blueprint.', 'en'),
  -- Every area AI Goes to Work requires is covered: the owner's screening says so, and
  -- the screening page computes the same (tests/integration/seed-screening.test.ts).
  ('00000000-0000-4000-8000-000000000008', 'business_design', 'Kohtaamo Oy', 'Business designer',
   (date_trunc('month', now()) - interval '14 months')::date, null,
   'Priced the matching service for municipalities and wrote its business model.', 'en');
insert into public.team_projects (id, team_id, title, start_month, end_month, description, created_by) values
  ('50000000-0000-4000-8000-000000000101', '50000000-0000-4000-8000-000000000001', 'Espoo job matching pilot',
   (date_trunc('month', now()) - interval '20 months')::date, (date_trunc('month', now()) - interval '8 months')::date,
   'Designed and built a matching pilot together for Espoo employment services.',
   '00000000-0000-4000-8000-000000000004');
insert into public.team_project_members (project_id, user_id) values
  ('50000000-0000-4000-8000-000000000101', '00000000-0000-4000-8000-000000000004'),
  ('50000000-0000-4000-8000-000000000101', '00000000-0000-4000-8000-000000000008');

-- A second team, so that an owner screens more than one application and a facilitator
-- chooses which teams to invite. Both teams' applications to AI Goes to Work are
-- submitted by the server right after this file, the way the app submits them
-- (src/lib/server/seed-applications.ts): a snapshot and its digest cannot be written here.
insert into public.teams (id, name, description, home_organisations, lead_id, lang) values
  ('50000000-0000-4000-8000-000000000002', 'Osaamissilta',
   'Career coaches and data analysts who help people with complex needs into work.',
   array['Osaamissilta Oy'], '00000000-0000-4000-8000-000000000009', 'en');
insert into public.team_members (team_id, user_id) values
  ('50000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000009'),
  ('50000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000010');
insert into public.work_entries (user_id, area, organisation, role, start_month, end_month, description, lang) values
  ('00000000-0000-4000-8000-000000000009', 'business_design', 'Osaamissilta Oy', 'Founder and analyst',
   (date_trunc('month', now()) - interval '40 months')::date, null,
   'Built labour market analyses for two wellbeing services counties.', 'en'),
  ('00000000-0000-4000-8000-000000000010', 'service_design', 'Osaamissilta Oy', 'Career coach',
   (date_trunc('month', now()) - interval '28 months')::date, null,
   'Coaches long-term unemployed job seekers and designs the coaching process with them.', 'en'),
  -- As Kohtaamo's: every required area covered, and a project the two did together.
  ('00000000-0000-4000-8000-000000000009', 'software_development', 'Osaamissilta Oy', 'Data developer',
   (date_trunc('month', now()) - interval '30 months')::date, null,
   'Builds the data pipelines and dashboards behind the labour market analyses.', 'en'),
  ('00000000-0000-4000-8000-000000000010', 'project_management', 'Osaamissilta Oy', 'Coaching programme manager',
   (date_trunc('month', now()) - interval '18 months')::date, (date_trunc('month', now()) - interval '6 months')::date,
   'Ran a year-long coaching programme for a wellbeing services county.', 'en');
insert into public.team_projects (id, team_id, title, start_month, end_month, description, created_by) values
  ('50000000-0000-4000-8000-000000000102', '50000000-0000-4000-8000-000000000002', 'Vantaa coaching analytics',
   (date_trunc('month', now()) - interval '18 months')::date, (date_trunc('month', now()) - interval '6 months')::date,
   'Coached job seekers and measured with data which coaching helped them into work.',
   '00000000-0000-4000-8000-000000000009');
insert into public.team_project_members (project_id, user_id) values
  ('50000000-0000-4000-8000-000000000102', '00000000-0000-4000-8000-000000000009'),
  ('50000000-0000-4000-8000-000000000102', '00000000-0000-4000-8000-000000000010');

-- The demo facilitator runs workshops (issue 5).
insert into public.platform_facilitators (user_id) values ('00000000-0000-4000-8000-000000000005');

-- The worked example of issue 13 (Jury and decisions), after Helsinki's innovation
-- partnership for employment training (shared/seeds): nine service providers applied and
-- all met the minimum requirements; a jury of three scored the preliminary tenders on
-- five criteria of 30/10/10/10/10 points and five were chosen for negotiation; the
-- selection of two partners from the final tenders is under way. The applications are
-- submitted, screened, scored and decided by the server right after this file, the way
-- the app does it (src/lib/server/seed-jury.ts); this file holds the people and the call.
insert into auth.users (id, email, email_confirmed_at, raw_user_meta_data) values
  ('00000000-0000-4000-8000-000000000101', 'lead@duuni.example', now(), '{"display_name": "Aleksi Ahola", "locale": "fi"}'),
  ('00000000-0000-4000-8000-000000000102', 'lead@polku.example', now(), '{"display_name": "Bea Berg", "locale": "sv"}'),
  ('00000000-0000-4000-8000-000000000103', 'lead@tyoote.example', now(), '{"display_name": "Camilla Cederholm", "locale": "fi"}'),
  ('00000000-0000-4000-8000-000000000104', 'lead@taitotalo.example', now(), '{"display_name": "Daniel Dahl", "locale": "en"}'),
  ('00000000-0000-4000-8000-000000000105', 'lead@reitti.example', now(), '{"display_name": "Eeva Eskola", "locale": "fi"}'),
  ('00000000-0000-4000-8000-000000000106', 'lead@silta.example', now(), '{"display_name": "Frida Forsman", "locale": "sv"}'),
  ('00000000-0000-4000-8000-000000000107', 'lead@mentori.example', now(), '{"display_name": "Gustav Grönlund", "locale": "fi"}'),
  ('00000000-0000-4000-8000-000000000108', 'lead@uraverkko.example', now(), '{"display_name": "Heidi Halonen", "locale": "fi"}'),
  ('00000000-0000-4000-8000-000000000109', 'lead@askel.example', now(), '{"display_name": "Ilkka Ilves", "locale": "en"}'),
  ('00000000-0000-4000-8000-000000000111', 'juror2@hel.example', now(), '{"display_name": "Johanna Järvi", "locale": "fi"}'),
  ('00000000-0000-4000-8000-000000000112', 'juror3@hel.example', now(), '{"display_name": "Kalle Koski", "locale": "sv"}');

insert into public.teams (id, name, description, home_organisations, lead_id, lang) values
  ('50000000-0000-4000-8000-000000000201', 'Duuni Valmennus', 'Työhönvalmentajat ja yritysyhteistyön asiantuntijat.', array['Duuni Valmennus Oy'], '00000000-0000-4000-8000-000000000101', 'fi'),
  ('50000000-0000-4000-8000-000000000202', 'Polku Partners', 'Karriärcoacher och arbetsgivarsamarbete i huvudstadsregionen.', array['Polku Partners Ab'], '00000000-0000-4000-8000-000000000102', 'sv'),
  ('50000000-0000-4000-8000-000000000203', 'Työote', 'Monialainen valmennustiimi: sosiaaliohjaus, terveys ja työ.', array['Työote Oy'], '00000000-0000-4000-8000-000000000103', 'fi'),
  ('50000000-0000-4000-8000-000000000204', 'Taitotalo Consortium', 'A vocational college and two employers training people on the job.', array['Taitotalo', 'Rakennus Oy'], '00000000-0000-4000-8000-000000000104', 'en'),
  ('50000000-0000-4000-8000-000000000205', 'Reitti', 'Digitaalinen valmennusalusta ja henkilökohtaiset valmentajat.', array['Reitti Coaching Oy'], '00000000-0000-4000-8000-000000000105', 'fi'),
  ('50000000-0000-4000-8000-000000000206', 'Silta Works', 'Arbetsplatshandledning för personer med partiell arbetsförmåga.', array['Silta Works Ab'], '00000000-0000-4000-8000-000000000106', 'sv'),
  ('50000000-0000-4000-8000-000000000207', 'Mentori', 'Vertaismentorit ja työpaikkaohjaajat.', array['Mentori ry'], '00000000-0000-4000-8000-000000000107', 'fi'),
  ('50000000-0000-4000-8000-000000000208', 'Uraverkko', 'Rekrytointikoulutukset yhdessä työnantajien kanssa.', array['Uraverkko Oy'], '00000000-0000-4000-8000-000000000108', 'fi'),
  ('50000000-0000-4000-8000-000000000209', 'Askel Ahead', 'Employment coaching with data on what works.', array['Askel Ahead Oy'], '00000000-0000-4000-8000-000000000109', 'en');
insert into public.team_members (team_id, user_id)
  select ('50000000-0000-4000-8000-000000000' || (200 + n)::text)::uuid, ('00000000-0000-4000-8000-000000000' || (100 + n)::text)::uuid
  from generate_series(1, 9) n;
insert into public.work_entries (user_id, area, organisation, role, start_month, end_month, description, lang)
  select u.id, 'service_design', t.home_organisations[1], 'Valmentaja / coach',
    (date_trunc('month', now()) - interval '48 months')::date, null,
    'Työllisyyspalvelujen valmennus ja työnantajayhteistyö.', 'fi'
  from public.teams t join auth.users u on u.id = t.lead_id
  where t.id::text like '50000000-0000-4000-8000-0000000002%';

insert into public.challenges (id, organisation_id, slug, primary_locale, title, summary, procedure, status, published_at, created_by) values
  ('20000000-0000-4000-8000-000000000007', '10000000-0000-4000-8000-000000000001', 'employment-training-2020', 'fi',
   '{"fi": "Työllistymistä tukeva valmennus 2020 – innovaatiokumppanuus", "en": "Employment training 2020 – innovation partnership", "sv": "Sysselsättningsträning 2020 – innovationspartnerskap"}',
   '{"fi": "Tehostettua monialaista tukea työllistymiseen: esimerkkihankinta, jossa jatkoon valinta on tehty ja kumppanien valinta käynnissä.",
     "en": "Intensified multidisciplinary support into work: a worked example whose shortlist is decided and whose partner selection is under way.",
     "sv": "Intensifierat mångprofessionellt stöd till arbete: ett exempel där urvalet är avgjort och valet av partner pågår."}',
   'innovation_partnership', 'published', now() - interval '120 days', '00000000-0000-4000-8000-000000000002');
update public.challenges set
  body = '{"fi": "## Tausta\nTyöllistymistä tukevien valmennusten vaikuttavuus on jäänyt matalaksi. Asiakkaat tarvitsevat tehostettua monialaista tukea.\n\n## Menettely\nInnovaatiokumppanuus (hankintalaki 1397/2016, 38–39 §): hakemukset, alustava tarjouspyyntö, neuvottelut työpajoissa, lopullinen tarjous ja kaksi kumppania kehitysvaiheeseen.", "en": "## Background\nThe employment impact of training has remained low. Our clients need intensified multidisciplinary support.\n\n## Procedure\nInnovation partnership (Act 1397/2016, sections 38–39): applications, a preliminary call for tenders, negotiation in workshops, final tenders and two partners for the development phase."}',
  contact_name = 'Olli Omistaja', contact_email = 'owner@hel.example',
  shortlist_count = 5, partner_count = 2, price_share = 30,
  -- The applicants are service providers, each applying as its own organisation: one
  -- person's team suffices, and what counts is their coaching work (service_design),
  -- which every provider's lead has; the screening found all nine eligible on that.
  competence_areas = array['service_design'], min_team_size = 1, require_common_history = false
where id = '20000000-0000-4000-8000-000000000007';
insert into public.challenge_criteria (challenge_id, stage, position, name, max_points)
  select '20000000-0000-4000-8000-000000000007', s.stage, c.position, c.name::jsonb, c.max_points
  from (values ('shortlisting'), ('selection')) s(stage),
  (values
    (1, '{"fi": "Ratkaisun tavoitteiden mukaisuus ja innovatiivisuus", "sv": "Lösningens förenlighet med målen och innovativitet", "en": "Compliance of the solution with the objectives and innovativeness"}', 30),
    (2, '{"fi": "Ratkaisun integroitavuus", "sv": "Lösningens integrerbarhet", "en": "Integrability of the solution"}', 10),
    (3, '{"fi": "Tiimin jäsenten ammatillinen osaaminen", "sv": "Teammedlemmarnas yrkeskunskap", "en": "Professional expertise of team members"}', 10),
    (4, '{"fi": "Projektinhallinta monituottajaympäristössä", "sv": "Projektledning i en miljö med flera producenter", "en": "Project management in a multi-producer environment"}', 10),
    (5, '{"fi": "Tuotekehitysosaaminen ja yhteiskuntavastuu", "sv": "Produktutvecklingskunnande och samhällsansvar", "en": "Product development expertise and social responsibility"}', 10)
  ) c(position, name, max_points);
insert into public.challenge_requirements (challenge_id, position, statement) values
  ('20000000-0000-4000-8000-000000000007', 1, '{"fi": "Tarjoajalla on kokemusta työllisyyspalveluista viimeisen kolmen vuoden ajalta.", "sv": "Anbudsgivaren har erfarenhet av sysselsättningstjänster under de senaste tre åren.", "en": "The tenderer has experience of employment services from the last three years."}'),
  ('20000000-0000-4000-8000-000000000007', 2, '{"fi": "Tarjoaja on merkitty ennakkoperintärekisteriin.", "sv": "Anbudsgivaren är införd i förskottsuppbördsregistret.", "en": "The tenderer is entered in the prepayment register."}');
-- Applications are open while the server submits them; seed-jury.ts then moves this
-- timetable into the past (applications closed 80 days ago, the shortlist decided 50 days ago).
insert into public.challenge_stages (challenge_id, stage, starts_at, ends_at, decision_on, signatory) values
  ('20000000-0000-4000-8000-000000000007', 'market_dialogue', now() - interval '60 days', now() - interval '31 days', null, null),
  ('20000000-0000-4000-8000-000000000007', 'applications', now() - interval '30 days', now() + interval '1 day', null, null),
  ('20000000-0000-4000-8000-000000000007', 'screening', now() + interval '2 days', now() + interval '3 days', now() + interval '3 days', 'Työllisyyspalvelujen päällikkö'),
  ('20000000-0000-4000-8000-000000000007', 'shortlisting', now() + interval '4 days', now() + interval '5 days', now() + interval '5 days', 'Työllisyyspalvelujen päällikkö'),
  ('20000000-0000-4000-8000-000000000007', 'workshops', now() + interval '6 days', now() + interval '7 days', null, null),
  ('20000000-0000-4000-8000-000000000007', 'concepts', now() + interval '8 days', now() + interval '9 days', null, null),
  ('20000000-0000-4000-8000-000000000007', 'selection', now() + interval '10 days', now() + interval '40 days', now() + interval '41 days', 'Apulaispormestari'),
  ('20000000-0000-4000-8000-000000000007', 'proof_of_concept', now() + interval '50 days', now() + interval '230 days', now() + interval '231 days', 'Työllisyyspalvelujen päällikkö'),
  ('20000000-0000-4000-8000-000000000007', 'production', now() + interval '232 days', now() + interval '600 days', null, null);

-- An open challenge whose shortlisting is about to start: seven of the same providers
-- applied, all found eligible; no jury yet, so the owner can appoint one and try the
-- whole jury (seed-jury.ts submits and screens the applications).
insert into public.challenges (id, organisation_id, slug, primary_locale, title, summary, procedure, status, published_at, created_by) values
  ('20000000-0000-4000-8000-000000000008', '10000000-0000-4000-8000-000000000001', 'winter-cycling', 'en',
   '{"en": "Winter Cycling", "fi": "Talvipyöräily", "sv": "Vintercykling"}',
   '{"en": "How could the city keep cycle routes safe and pleasant all winter, with less salt and grit?",
     "fi": "Miten kaupunki voisi pitää pyöräreitit turvallisina ja mukavina koko talven vähemmällä suolalla ja hiekalla?",
     "sv": "Hur kunde staden hålla cykelvägarna säkra och trivsamma hela vintern, med mindre salt och sand?"}',
   'open_challenge', 'published', now() - interval '60 days', '00000000-0000-4000-8000-000000000002');
update public.challenges set
  body = '{"en": "## Goal\nCycling in winter grows when routes are clear early in the morning. We look for ways to **keep the main cycle routes safe** with less salt and grit.\n\n## End users\nCommuters on bikes, and the street maintenance contractors.", "fi": "## Tavoite\nTalvipyöräily kasvaa, kun reitit ovat kunnossa aamulla. Etsimme tapoja **pitää pääpyöräreitit turvallisina** vähemmällä suolalla ja hiekalla.\n\n## Loppukäyttäjät\nPyörällä työmatkansa kulkevat ja katujen kunnossapitourakoitsijat.", "sv": "## Mål\nVintercyklingen växer när lederna är klara tidigt på morgonen. Vi söker sätt att **hålla huvudcykellederna säkra** med mindre salt och sand.\n\n## Slutanvändare\nCykelpendlare och gatuunderhållets entreprenörer."}',
  contact_name = 'Olli Omistaja', contact_email = 'owner@hel.example',
  shortlist_count = 5, partner_count = 2, price_share = 20,
  -- The same providers apply, each as its own organisation (as to the worked example).
  competence_areas = array['service_design'], min_team_size = 1, require_common_history = false,
  rewards = '{"en": "A winter pilot on two main cycle routes, up to 60 000 €.", "fi": "Talven kokeilu kahdella pääpyöräreitillä, enintään 60 000 €.", "sv": "Ett vinterpilotprojekt på två huvudcykelleder, högst 60 000 €."}'
where id = '20000000-0000-4000-8000-000000000008';
insert into public.challenge_criteria (challenge_id, stage, position, name, max_points) values
  ('20000000-0000-4000-8000-000000000008', 'shortlisting', 1, '{"en": "Relevance of the preliminary ideas", "fi": "Alustavien ideoiden osuvuus", "sv": "De preliminära idéernas relevans"}', 20),
  ('20000000-0000-4000-8000-000000000008', 'shortlisting', 2, '{"en": "Experience of street maintenance", "fi": "Kokemus katujen kunnossapidosta", "sv": "Erfarenhet av gatuunderhåll"}', 10),
  ('20000000-0000-4000-8000-000000000008', 'selection', 1, '{"en": "Safety and comfort for cyclists", "fi": "Turvallisuus ja mukavuus pyöräilijöille", "sv": "Säkerhet och komfort för cyklister"}', 50),
  ('20000000-0000-4000-8000-000000000008', 'selection', 2, '{"en": "Less salt and grit", "fi": "Vähemmän suolaa ja hiekkaa", "sv": "Mindre salt och sand"}', 30);
insert into public.challenge_requirements (challenge_id, position, statement) values
  ('20000000-0000-4000-8000-000000000008', 1, '{"en": "The tenderer is entered in the prepayment register.", "fi": "Tarjoaja on merkitty ennakkoperintärekisteriin.", "sv": "Anbudsgivaren är införd i förskottsuppbördsregistret."}');
insert into public.challenge_stages (challenge_id, stage, starts_at, ends_at, decision_on, signatory) values
  ('20000000-0000-4000-8000-000000000008', 'market_dialogue', now() - interval '60 days', now() - interval '31 days', null, null),
  ('20000000-0000-4000-8000-000000000008', 'applications', now() - interval '30 days', now() + interval '1 day', null, null),
  ('20000000-0000-4000-8000-000000000008', 'screening', now() + interval '2 days', now() + interval '3 days', now() + interval '3 days', 'Executive Director, Urban Environment Division'),
  ('20000000-0000-4000-8000-000000000008', 'shortlisting', now() + interval '4 days', now() + interval '5 days', now() + interval '5 days', 'Executive Director, Urban Environment Division'),
  ('20000000-0000-4000-8000-000000000008', 'workshops', now() + interval '6 days', now() + interval '7 days', null, null),
  ('20000000-0000-4000-8000-000000000008', 'concepts', now() + interval '8 days', now() + interval '9 days', null, null),
  ('20000000-0000-4000-8000-000000000008', 'selection', now() + interval '10 days', now() + interval '40 days', now() + interval '41 days', 'Deputy Mayor for Urban Environment'),
  ('20000000-0000-4000-8000-000000000008', 'proof_of_concept', now() + interval '50 days', now() + interval '230 days', now() + interval '231 days', 'Executive Director, Urban Environment Division');
