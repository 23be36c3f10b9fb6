// Incremental derive write, step 2: the papers' HAS_TOPIC and every inferred CITES with one of them on either side go;
// so do the CO_TOPIC lists of the owners.
CALL (){
  UNWIND $ids AS id
  MATCH (:Paper {id: id})-[h:HAS_TOPIC]->(:Topic)
  DELETE h
}
CALL (){
  UNWIND $ids AS id
  MATCH (:Paper {id: id})-[c:CITES {kind: 'inferred'}]-(:Paper)
  DELETE c
}
CALL (){
  UNWIND $owners AS id
  MATCH (:Paper {id: id})-[c:CO_TOPIC]->(:Paper)
  DELETE c
}
