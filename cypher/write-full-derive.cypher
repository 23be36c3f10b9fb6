// Incremental derive: records a finished corpus-wide derive pass (papers it derived, when).
MERGE (s:DeriveState {name: 'full'})
SET s.papers = $papers, s.at = $at
