// Incremental derive: the last corpus-wide derive pass recorded (papers it derived, when), if any.
MATCH (s:DeriveState {name: 'full'})
RETURN s.papers AS papers, s.at AS at
