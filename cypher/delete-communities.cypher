// Analytics write-back, step 3a: the previous run's communities.
MATCH (c:Community)
DETACH DELETE c
