import type { Sequelize, Transaction } from 'sequelize';

// The words of each folder's search text, in id order per word, for a search to read a word's first
// folders newest (or oldest) first from a B-tree without sorting every folder that carries it: the
// trigram index on folders finds a word's folders, but in no order, so a word 4 000 folders carry
// costs 4 000 fetched rows and a sort before the first page. search_words holds every word once, with
// a trigram index, to find which words contain what was typed (`?q=` matches inside words too).
//
// The folders' search_text is the one source: triggers keep both tables in step with it, whatever
// writes it (the services, a bulk import, a restored backup). Words are split on the single spaces
// foldForSearch leaves. search_words only grows: a word no folder carries any longer finds nothing.
// Insertions are one statement-level trigger, so a bulk INSERT indexes its rows set-wise; an update
// acts only when search_text changed, which counters and status changes do not.
//
// On disk: about 1 kB per folder (1 GB for a million folders of four or five words, two thirds of it the
// primary key). A new folder's entries go at the end of each of its words' ranges, in the middle of the
// index, where a full page splits in half and its left half stays so.
const statements = [
  'CREATE TABLE search_words (word text PRIMARY KEY)',
  'CREATE INDEX search_words_trgm_idx ON search_words USING gin (word gin_trgm_ops) WITH (fastupdate = off)',
  `CREATE TABLE folder_words (
     office_id text NOT NULL,
     word text NOT NULL,
     folder_id text NOT NULL,
     PRIMARY KEY (office_id, word, folder_id)
   )`,
  // The one rule that says what a word is, for the triggers and the first fill alike; sorted, so that
  // concurrent writers take the dictionary's locks in the same order.
  `CREATE FUNCTION search_text_words(search_text text) RETURNS SETOF text LANGUAGE sql IMMUTABLE AS $$
     SELECT DISTINCT word FROM unnest(string_to_array(search_text, ' ')) AS w(word) WHERE word <> '' ORDER BY 1
   $$`,
  `CREATE FUNCTION folder_words_added() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     INSERT INTO search_words (word) SELECT DISTINCT w FROM added, search_text_words(added.search_text) AS w ORDER BY 1
       ON CONFLICT DO NOTHING;
     INSERT INTO folder_words (office_id, word, folder_id) SELECT added.office_id, w, added.id FROM added, search_text_words(added.search_text) AS w;
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER folders_words_insert AFTER INSERT ON folders REFERENCING NEW TABLE AS added
     FOR EACH STATEMENT EXECUTE FUNCTION folder_words_added()`,
  `CREATE FUNCTION folder_words_changed() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     DELETE FROM folder_words WHERE office_id = OLD.office_id AND folder_id = OLD.id
       AND word IN (SELECT search_text_words(OLD.search_text));
     IF TG_OP = 'UPDATE' THEN
       INSERT INTO search_words (word) SELECT search_text_words(NEW.search_text) ON CONFLICT DO NOTHING;
       INSERT INTO folder_words (office_id, word, folder_id) SELECT NEW.office_id, w, NEW.id FROM search_text_words(NEW.search_text) AS w;
     END IF;
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER folders_words_update AFTER UPDATE OF search_text ON folders
     FOR EACH ROW WHEN (OLD.search_text IS DISTINCT FROM NEW.search_text) EXECUTE FUNCTION folder_words_changed()`,
  'CREATE TRIGGER folders_words_delete AFTER DELETE ON folders FOR EACH ROW EXECUTE FUNCTION folder_words_changed()',
  // The folders already there, in one pass.
  'INSERT INTO search_words (word) SELECT DISTINCT w FROM folders, search_text_words(folders.search_text) AS w',
  'INSERT INTO folder_words (office_id, word, folder_id) SELECT folders.office_id, w, folders.id FROM folders, search_text_words(folders.search_text) AS w',
];

export async function up(sequelize: Sequelize, transaction: Transaction): Promise<void> {
  for (const sql of statements) await sequelize.query(sql, { transaction });
}
