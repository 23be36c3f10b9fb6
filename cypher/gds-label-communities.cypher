// In-database analytics, labeling: set the labels computed from the members' titles ($rows: [{id, label}]).
UNWIND $rows AS row
MATCH (c:Community {id: row.id})
SET c.label = row.label
