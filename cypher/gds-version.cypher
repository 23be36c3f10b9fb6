// In-database analytics, step 0b: the installed Graph Data Science library's version.
RETURN gds.version() AS version
