-- Schema version 18 (issue 22; 17 is the versions work's): a source row whose title and abstract are the paper's own
-- (a paper with one source, nearly every paper of a large load) does not repeat them. text_in_paper = 1 says the row's
-- text is the paper row's: title '' and abstract NULL are stored instead (316 MB of the 1,629 MB a million generated
-- papers took). Readers take the text from paper when the flag is set. The flag is canonical, whatever path wrote the
-- row: set exactly when the paper has that one source and its title and abstract equal the paper's; a second source
-- puts the first one's text back before the paper is merged again.
ALTER TABLE paper_source ADD COLUMN text_in_paper INTEGER NOT NULL DEFAULT 0;
