// The indexes that are not online yet and how far each has been populated, for the start-up wait.
SHOW INDEXES YIELD name, state, populationPercent
WHERE state <> 'ONLINE'
RETURN name, state, populationPercent
ORDER BY name
