// CiteGraph schema for Neo4j 5.26: identity constraints, lookup indexes and the full-text index over title and abstract.
// Applied statement by statement at start-up by the Neo4j store (InitializeAsync); every statement is idempotent.
CREATE CONSTRAINT paper_id IF NOT EXISTS FOR (p:Paper) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT repo_url IF NOT EXISTS FOR (r:Repo) REQUIRE r.url IS UNIQUE;
CREATE CONSTRAINT topic_name IF NOT EXISTS FOR (t:Topic) REQUIRE t.name IS UNIQUE;
CREATE CONSTRAINT author_name IF NOT EXISTS FOR (a:Author) REQUIRE a.name IS UNIQUE;
CREATE CONSTRAINT external_id_key IF NOT EXISTS FOR (e:ExternalId) REQUIRE e.key IS UNIQUE;
CREATE CONSTRAINT source_key IF NOT EXISTS FOR (s:Source) REQUIRE s.key IS UNIQUE;
CREATE CONSTRAINT link_url IF NOT EXISTS FOR (l:Link) REQUIRE l.url IS UNIQUE;
CREATE CONSTRAINT topic_id IF NOT EXISTS FOR (t:Topic) REQUIRE t.id IS UNIQUE;
CREATE CONSTRAINT topic_alias IF NOT EXISTS FOR (a:TopicAlias) REQUIRE a.alias IS UNIQUE;
CREATE CONSTRAINT community_id IF NOT EXISTS FOR (c:Community) REQUIRE c.id IS UNIQUE;
CREATE CONSTRAINT store_state_key IF NOT EXISTS FOR (s:StoreState) REQUIRE s.key IS UNIQUE;
CREATE INDEX paper_seq IF NOT EXISTS FOR (p:Paper) ON (p.seq);
CREATE INDEX paper_arxiv IF NOT EXISTS FOR (p:Paper) ON (p.arxivId);
CREATE INDEX paper_doi IF NOT EXISTS FOR (p:Paper) ON (p.doi);
CREATE INDEX paper_year IF NOT EXISTS FOR (p:Paper) ON (p.year);
CREATE INDEX paper_community IF NOT EXISTS FOR (p:Paper) ON (p.community);
CREATE INDEX paper_page_rank IF NOT EXISTS FOR (p:Paper) ON (p.pageRank);
CREATE INDEX external_id_paper IF NOT EXISTS FOR (e:ExternalId) ON (e.paperId);
CREATE INDEX external_id_value IF NOT EXISTS FOR (e:ExternalId) ON (e.value);
CREATE INDEX analytics_run_seq IF NOT EXISTS FOR (r:AnalyticsRun) ON (r.seq);
CREATE INDEX community_event_run IF NOT EXISTS FOR (e:CommunityEvent) ON (e.run);
CREATE INDEX topic_df IF NOT EXISTS FOR (t:Topic) ON (t.df);
CREATE INDEX cites_kind IF NOT EXISTS FOR ()-[c:CITES]-() ON (c.kind);
// Versions (issue 21): one :Version node per load or ingest run, numbered by the StoreState 'versions' counter; each CITES
// says which version created it, so a version's summary counts its citations through this index.
CREATE CONSTRAINT version_number IF NOT EXISTS FOR (v:Version) REQUIRE v.number IS UNIQUE;
CREATE INDEX cites_version IF NOT EXISTS FOR ()-[c:CITES]-() ON (c.version);
CREATE FULLTEXT INDEX paper_text IF NOT EXISTS FOR (p:Paper) ON EACH [p.title, p.abstract];
// Sentence embeddings (issue 15) live on one :Embedding node per paper, not on :Paper, so the paper reads that return
// every property (p {.*}) do not ship 384 floats each; the vector index serves db.index.vector.queryNodes.
CREATE CONSTRAINT embedding_paper IF NOT EXISTS FOR (e:Embedding) REQUIRE e.paperId IS UNIQUE;
CREATE VECTOR INDEX paper_embedding IF NOT EXISTS FOR (e:Embedding) ON (e.vector)
OPTIONS {indexConfig: {`vector.dimensions`: 384, `vector.similarity_function`: 'cosine'}};
CALL db.awaitIndexes(300);
