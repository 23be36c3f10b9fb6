-- Schema version 13: community hierarchy levels (issue 19). Communities of every level share the community table (ids
-- unique across levels; level 0 is the coarsest, the one paper.community names), each with its parent one level up and
-- its most central papers (a JSON array of paper ids); community_member places each paper at every level. Numbered 13 to
-- leave 11 and 12 to concurrent schema work. A store analyzed before keeps its one partition, as level 0.
ALTER TABLE community ADD COLUMN parent INTEGER;
ALTER TABLE community ADD COLUMN central TEXT NOT NULL DEFAULT '[]';
UPDATE community SET level = 0;
CREATE INDEX community_by_level ON community (level, size DESC, id);
CREATE TABLE community_member (
    paper_pk  INTEGER NOT NULL REFERENCES paper (pk) ON DELETE CASCADE,
    level     INTEGER NOT NULL,
    community INTEGER NOT NULL,
    PRIMARY KEY (paper_pk, level)
) WITHOUT ROWID;
CREATE INDEX community_member_by_community ON community_member (community, paper_pk);
INSERT INTO community_member (paper_pk, level, community) SELECT pk, 0, community FROM paper WHERE community IS NOT NULL;
