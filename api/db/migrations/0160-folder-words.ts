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
const statements = [
  'CREATE TABLE search_words (word text PRIMARY KEY)',
  'CREATE INDEX search_words_trgm_idx ON search_words USING gin (word gin_trgm_ops) WITH (fastupdate = off)',
  `CREATE TABLE folder_words (
     office_id text NOT NULL,
     word text NOT NULL,
     folder_id text NOT NULL,
     PRIMARY KEY (office_id, word, folder_id)
   )`,
  `CREATE FUNCTION folder_words_added() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     INSERT INTO search_words (word)
       SELECT DISTINCT w.word FROM added, unnest(string_to_array(added.search_text, ' ')) AS w(word) WHERE w.word <> ''
       ORDER BY 1 ON CONFLICT DO NOTHING;
     INSERT INTO folder_words (office_id, word, folder_id)
       SELECT DISTINCT added.office_id, w.word, added.id FROM added, unnest(string_to_array(added.search_text, ' ')) AS w(word)
       WHERE w.word <> '';
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER folders_words_insert AFTER INSERT ON folders REFERENCING NEW TABLE AS added
     FOR EACH STATEMENT EXECUTE FUNCTION folder_words_added()`,
  `CREATE FUNCTION folder_words_changed() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_OP IN ('UPDATE', 'DELETE') THEN
       DELETE FROM folder_words WHERE office_id = OLD.office_id AND folder_id = OLD.id
         AND word = ANY (string_to_array(OLD.search_text, ' '));
     END IF;
     IF TG_OP = 'UPDATE' THEN
       INSERT INTO search_words (word)
         SELECT DISTINCT w.word FROM unnest(string_to_array(NEW.search_text, ' ')) AS w(word) WHERE w.word <> ''
         ORDER BY 1 ON CONFLICT DO NOTHING;
       INSERT INTO folder_words (office_id, word, folder_id)
         SELECT DISTINCT NEW.office_id, w.word, NEW.id FROM unnest(string_to_array(NEW.search_text, ' ')) AS w(word)
         WHERE w.word <> '';
     END IF;
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER folders_words_update AFTER UPDATE OF search_text ON folders
     FOR EACH ROW WHEN (OLD.search_text IS DISTINCT FROM NEW.search_text) EXECUTE FUNCTION folder_words_changed()`,
  'CREATE TRIGGER folders_words_delete AFTER DELETE ON folders FOR EACH ROW EXECUTE FUNCTION folder_words_changed()',
  // The folders already there, in one pass.
  `INSERT INTO search_words (word)
     SELECT DISTINCT w.word FROM folders, unnest(string_to_array(folders.search_text, ' ')) AS w(word) WHERE w.word <> ''`,
  `INSERT INTO folder_words (office_id, word, folder_id)
     SELECT DISTINCT folders.office_id, w.word, folders.id FROM folders, unnest(string_to_array(folders.search_text, ' ')) AS w(word)
     WHERE w.word <> ''`,
];

export async function up(sequelize: Sequelize, transaction: Transaction): Promise<void> {
  for (const sql of statements) await sequelize.query(sql, { transaction });
}
