-- Schema version 11 (issue 19, topic half; renumber at merge if another 0011 landed first): topic trends and the
-- broader/narrower relation between topics. The derive pass fills them; until it runs again they are empty.
-- Papers per year as JSON [[year, papers], ...], oldest first; growth: log2 of the share-of-latest-year over the
-- share-of-earlier-years (NULL below the minimum support).
ALTER TABLE topic ADD COLUMN by_year TEXT NOT NULL DEFAULT '[]';
ALTER TABLE topic ADD COLUMN growth REAL;
CREATE INDEX topic_growth ON topic (growth DESC, df DESC, name) WHERE growth IS NOT NULL;

-- BROADER: the narrower topic names a kind of the broader one ("latent diffusion" → "diffusion").
CREATE TABLE topic_broader (
    narrower_pk     INTEGER NOT NULL REFERENCES topic (pk) ON DELETE CASCADE,
    broader_pk      INTEGER NOT NULL REFERENCES topic (pk) ON DELETE CASCADE,
    PRIMARY KEY (narrower_pk, broader_pk)
) WITHOUT ROWID;
CREATE INDEX topic_broader_broader ON topic_broader (broader_pk, narrower_pk);
