// Topic layer write, step 1: the previous topic layer goes as a whole (CO_TOPIC, aliases, topics with their HAS_TOPIC
// and CO_OCCURS).
CALL () {
  MATCH (:Paper)-[c:CO_TOPIC]->(:Paper)
  DELETE c
}
CALL () {
  MATCH (a:TopicAlias)
  DETACH DELETE a
}
CALL () {
  MATCH (t:Topic)
  DETACH DELETE t
}
