// The store's change counter (replicas, issue 22): the last statement of every write transaction, so each commit moves
// it, whichever process made it; servers poll it (store-version) to notice writes made by others, including those that
// change no count (a paper's title, a re-derived weight). The unique constraint on StoreState.key makes concurrent
// writers meet on one node; its write lock orders them only for the length of this statement's commit.
MERGE (s:StoreState {key: 'changes'})
SET s.counter = coalesce(s.counter, 0) + 1
