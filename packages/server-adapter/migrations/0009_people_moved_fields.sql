-- The billing address and the address-invalid flag move from the membership to the person (docs/decisions/0020):
-- the flag belonged to the address letters went to, so it lands on the billing address when one was set.
-- A person with several memberships takes the newest one that set either (deterministic, one row per person).
UPDATE "persons" p SET "billing_address" = m."billing_address",
  "billing_address_invalid" = (m."billing_address" IS NOT NULL AND m."address_invalid"),
  "postal_address_invalid" = (m."billing_address" IS NULL AND m."address_invalid")
  FROM (SELECT DISTINCT ON ("person_id") "person_id", "billing_address", "address_invalid" FROM "memberships"
         WHERE "billing_address" IS NOT NULL OR "address_invalid"
         ORDER BY "person_id", "created_at" DESC, "id" DESC) m
  WHERE m."person_id" = p."id";--> statement-breakpoint
UPDATE "persons" SET "phone_private" = "phone" WHERE "phone" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "memberships" DROP COLUMN "address_invalid";--> statement-breakpoint
ALTER TABLE "memberships" DROP COLUMN "billing_address";--> statement-breakpoint
ALTER TABLE "persons" DROP COLUMN "phone";--> statement-breakpoint
CREATE OR REPLACE FUNCTION vk_fold(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fold$
  SELECT CASE WHEN value ~ '^[\x01-\x7f]*$' THEN translate(value, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')
  WHEN value ~ '^[\x01-\x7fÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöøùúûüýÿẞŁłŚśŻżŹźĆćŃńĘęĄąŠšŽžČčŘřĚěŮůŐőŰűß]*$' THEN translate(value, 'ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöøùúûüýÿẞŁłŚśŻżŹźĆćŃńĘęĄąŠšŽžČčŘřĚěŮůŐőŰű', 'abcdefghijklmnopqrstuvwxyzaaaaaaceeeeiiiinoooooouuuuyaaaaaaceeeeiiiinoooooouuuuyyßllsszzzzccnneeaasszzccrreeuuoouu')
  ELSE translate(value, 'ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞàáâãäåçèéêëìíîïñòóôõöøùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħĨĩĪīĬĭĮįİĲĴĵĶķĹĺĻļĽľĿŁłŃńŅņŇňŊŌōŎŏŐőŒŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƁƂƄƆƇƉƊƋƎƏƐƑƓƔƖƗƘƜƝƟƠơƢƤƦƧƩƬƮƯưƱƲƳƵƷƸƼǄǅǇǈǊǋǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǢǣǤǦǧǨǩǪǫǬǭǮǯǰǱǲǴǵǶǷǸǹǺǻǼǽǾǿȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȜȞȟȠȢȤȦȧȨȩȪȫȬȭȮȯȰȱȲȳȺȻȽȾɁɃɄɅɆɈɊɌɎͰͲʹͶ;Ϳ΅Ά·ΈΉΊΌΎΏΐΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩΪΫάέήίΰϊϋόύώϏϓϔϘϚϜϞϠϢϤϦϨϪϬϮϴϷϹϺϽϾϿЀЁЂЃЄЅІЇЈЉЊЋЌЍЎЏАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯйѐёѓїќѝўѠѢѤѦѨѪѬѮѰѲѴѶѷѸѺѼѾҀҊҌҎҐҒҔҖҘҚҜҞҠҢҤҦҨҪҬҮҰҲҴҶҸҺҼҾӀӁӂӃӅӇӉӋӍӐӑӒӓӔӖӗӘӚӛӜӝӞӟӠӢӣӤӥӦӧӨӪӫӬӭӮӯӰӱӲӳӴӵӶӸӹӺӼӾḀḁḂḃḄḅḆḇḈḉḊḋḌḍḎḏḐḑḒḓḔḕḖḗḘḙḚḛḜḝḞḟḠḡḢḣḤḥḦḧḨḩḪḫḬḭḮḯḰḱḲḳḴḵḶḷḸḹḺḻḼḽḾḿṀṁṂṃṄṅṆṇṈṉṊṋṌṍṎṏṐṑṒṓṔṕṖṗṘṙṚṛṜṝṞṟṠṡṢṣṤṥṦṧṨṩṪṫṬṭṮṯṰṱṲṳṴṵṶṷṸṹṺṻṼṽṾṿẀẁẂẃẄẅẆẇẈẉẊẋẌẍẎẏẐẑẒẓẔẕẖẗẘẙẛẞẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹỺỼỾ̴̵̶̷̸̡̢̧̨̛̖̗̘̙̜̝̞̟̠̣̤̥̦̩̪̫̬̭̮̯̰̱̲̳̹̺̻̼͇͈͉͍͎̀́̂̃̄̅̆̇̈̉̊̋̌̍̎̏̐̑̒̓̔̽̾̿̀́͂̓̈́͆͊͋͌̕̚ͅ͏͓͔͕͖͙͚͐͑͒͗͛ͣͤͥͦͧͨͩͪͫͬͭͮͯ͘͜͟͢͝͞͠͡', 'abcdefghijklmnopqrstuvwxyzaaaaaaæceeeeiiiiðnoooooouuuuyþaaaaaaceeeeiiiinoooooouuuuyyaaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiĳjjkkllllllŀllnnnnnnŋooooooœrrrrrrssssssssttttŧuuuuuuuuuuuuwwyyyzzzzzzɓƃƅɔƈɖɗƌǝəɛƒɠɣɩɨƙɯɲɵooƣƥʀƨʃƭʈuuʊʋƴƶʒƹƽǆǆǉǉǌǌaaiioouuuuuuuuuuaaaaææǥggkkooooʒʒjǳǳggƕƿnnaaææooaaaaeeeeiiiioooorrrruuuussttȝhhƞȣȥaaeeooooooooyyⱥȼƚⱦɂƀʉʌɇɉɋɍɏͱͳʹͷ;ϳ¨α·εηιουωιαβγδεζηθικλμνξοπρστυφχψωιυαεηιυιυουωϗϒϒϙϛϝϟϡϣϥϧϩϫϭϯθϸϲϻͻͼͽееђгєѕііјљњћкиуџабвгдежзииклмнопрстуфхцчшщъыьэюяиеегікиуѡѣѥѧѩѫѭѯѱѳѵѵѵѹѻѽѿҁҋҍҏґғҕҗҙқҝҟҡңҥҧҩҫҭүұҳҵҷҹһҽҿӏжжӄӆӈӊӌӎааааӕееәәәжжззӡииииооөөөээууууууччӷыыӻӽӿaabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwyſßaaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyyỻỽỿ') END$fold$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION vk_fold_ss(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fold$
  SELECT replace(public.vk_fold(value), 'ß', 'ss')$fold$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION vk_digits(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fold$
  SELECT regexp_replace(value, '[^0-9]', '', 'g')$fold$;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "persons_last_name_trgm" ON "persons" USING gin (vk_fold("last_name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "persons_last_name_prefix" ON "persons" USING btree ((vk_fold("last_name") || '') text_pattern_ops);--> statement-breakpoint
CREATE INDEX "persons_first_name_trgm" ON "persons" USING gin (vk_fold("first_name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "persons_company_trgm" ON "persons" USING gin (vk_fold("company") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "persons_street_trgm" ON "persons" USING gin (vk_fold("street") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "persons_city_trgm" ON "persons" USING gin (vk_fold("city") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "persons_last_name_ss_trgm" ON "persons" USING gin (vk_fold_ss("last_name") gin_trgm_ops) WHERE strpos(vk_fold("last_name"), 'ß') > 0;--> statement-breakpoint
CREATE INDEX "persons_first_name_ss_trgm" ON "persons" USING gin (vk_fold_ss("first_name") gin_trgm_ops) WHERE strpos(vk_fold("first_name"), 'ß') > 0;--> statement-breakpoint
CREATE INDEX "persons_company_ss_trgm" ON "persons" USING gin (vk_fold_ss("company") gin_trgm_ops) WHERE strpos(vk_fold("company"), 'ß') > 0;--> statement-breakpoint
CREATE INDEX "persons_street_ss_trgm" ON "persons" USING gin (vk_fold_ss("street") gin_trgm_ops) WHERE strpos(vk_fold("street"), 'ß') > 0;--> statement-breakpoint
CREATE INDEX "persons_city_ss_trgm" ON "persons" USING gin (vk_fold_ss("city") gin_trgm_ops) WHERE strpos(vk_fold("city"), 'ß') > 0;--> statement-breakpoint
CREATE INDEX "persons_phones_trgm" ON "persons" USING gin ((vk_digits(coalesce("phone_private", '')) || '|' || vk_digits(coalesce("phone_work", '')) || '|' || vk_digits(coalesce("phone_mobile", ''))) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "persons_date_of_birth_idx" ON "persons" USING btree ("date_of_birth");--> statement-breakpoint
CREATE INDEX "mandates_iban_prefix_idx" ON "mandates" USING btree ("organisation_id", "iban" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "applications_person_idx" ON "applications" USING btree ("person_id");
