// Party names as search tokens (transliterated, lower case, legal forms removed) are computed by the
// store when it writes, so the whitespace analyzer indexes them as they are.
CREATE FULLTEXT INDEX party_search IF NOT EXISTS FOR (n:Party) ON EACH [n.searchText]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace', `fulltext.eventually_consistent`: false}};
