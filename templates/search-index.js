/* The search index of the digest (also in search.json); a script, so
 * that search.html works when opened from a file. */
window.DIGEST_INDEX = {{INDEX}};
