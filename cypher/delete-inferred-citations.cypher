// Inferred lineage write, step 1: every inferred citation goes (explicit ones stay); upsert-citations writes the new set.
MATCH (:Paper)-[c:CITES {kind: 'inferred'}]->(:Paper)
DELETE c
