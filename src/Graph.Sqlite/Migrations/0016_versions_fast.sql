-- Schema version 16 (issue 21, second pass): rankings as of a version through indexes, and community events in the feed.
-- analytics_run.version: the version an analyze run made (null for runs before this schema), so its community events
-- and its kept scores are found from a version. analytics_history.citations: each analyze run also keeps every
-- paper's citation count (distinct citing papers), the base from which ranking(CITATIONS, asOf:) is answered with the
-- few papers whose citations changed between that run and the version asked counted again (never every paper).
-- One index per kept metric, (version, score DESC), so ranking(asOf:) reads the first rows of one run's range in order
-- instead of sorting the whole run.
ALTER TABLE analytics_run ADD COLUMN version INTEGER;
ALTER TABLE analytics_history ADD COLUMN citations INTEGER;
CREATE INDEX analytics_history_page_rank ON analytics_history (version, page_rank DESC) WHERE page_rank IS NOT NULL;
CREATE INDEX analytics_history_betweenness ON analytics_history (version, betweenness DESC) WHERE betweenness IS NOT NULL;
CREATE INDEX analytics_history_core ON analytics_history (version, core_number DESC) WHERE core_number IS NOT NULL;
CREATE INDEX analytics_history_citations ON analytics_history (version, citations DESC) WHERE citations IS NOT NULL;
