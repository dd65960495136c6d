/* The search index of the digest: how many items, and the scripts that
 * hold them (newest first), which search.js loads when a reader
 * searches.  Scripts, so that search.html works when opened from a
 * file. */
window.DIGEST_INDEX = {"count": {{COUNT}}, "chunks": {{CHUNKS}}};
