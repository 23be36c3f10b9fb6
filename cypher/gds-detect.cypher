// In-database analytics, step 0: whether the Graph Data Science library is installed (its gds.version function is
// listed); asked before calling it, so a server without GDS answers with no row rather than an error.
SHOW FUNCTIONS YIELD name
WHERE name = 'gds.version'
RETURN name
