/* The search index of the digest: how many items, the names of the
 * sections, sectors and organisation types (an item gives their place
 * in these lists), and the scripts that hold the items (newest first),
 * which search.js loads when a reader searches.  Scripts, so that
 * search.html works when opened from a file. */
window.DIGEST_INDEX = {"count": {{COUNT}}, "sections": {{SECTIONS}},
    "sectors": {{SECTORS}}, "orgs": {{ORGS}}, "chunks": {{CHUNKS}}};
