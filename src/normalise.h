/* normalise.h: the pass after each file's parser (as mandoc's
 * mdoc_validate.c after its parser).  A parser records the labels it
 * reads as printed (label_read) and which items they stand over
 * (struct item's printed); normalise() then maps each label to the
 * configured taxonomy, fills the items' section, sector, org and
 * labels from them, and reports what the configuration does not know.
 * Its messages come out where the parser read the label: the parser's
 * own messages are held meanwhile (parse.c) and given back in turn. */
#ifndef DIGEST_NORMALISE_H
#define DIGEST_NORMALISE_H

#include "config.h"
#include "model.h"

/* What a file's parser read, in order: each label, and each item filed
 * by its label against its heading's section (label_file); with where
 * the held messages had come to then (msg_held). */
struct label_event {
	struct printed_label	*label;
	long			 item;		/* label_file's, or -1 */
	size_t			 held;
};

struct label_log {
	struct label_event	*v;
	size_t			 n, cap;
};

/* Records the label of kind (enum label_kind) printed as text (copied,
 * trimmed, into cs's arena) at line, col.  Returns it, for the items
 * it stands over. */
struct printed_label *label_read(struct label_log *, struct corpus *cs,
	    int kind, const char *text, int line, int col);
/* Gives item (an index in cs) the organisation label l, when it has
 * none yet, as the word of the editors: an organisation of another
 * section than the item's heading files it under that section, and is
 * reported (a re-imported issue's 구분 column). */
void	 label_file(struct label_log *, struct corpus *cs, size_t item,
	    struct printed_label *l);
/* The pass over the labels of log and the items from first on, read
 * from path; held is what the parser said meanwhile (msg_capture),
 * given back in turn with normalise's own messages.  Empties log. */
void	 normalise(struct label_log *, struct corpus *cs, size_t first,
	    const struct config *, const char *path, const struct buf *held);
void	 label_log_free(struct label_log *);

#endif
