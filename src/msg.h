/* msg.h: the one way every stage reports: "file:line: level: text". */
#ifndef DIGEST_MSG_H
#define DIGEST_MSG_H

#include <stddef.h>

enum msg_level {
	MSG_NOTE,	/* shown with -v */
	MSG_INFO,	/* what a command did: shown unless -q, without a
			 * level word ("digest: text"); not a problem */
	MSG_WARNING,	/* hidden with -q; does not change the exit status */
	MSG_ERROR,	/* the run cannot be trusted: exit 1 */
};

/* The ids of src/msgs.def: MSG_SYS_READ, MSG_CONF_VALUE, ... */
enum msg_id {
#define MSG(id, level, text) MSG_##id,
#include "msgs.def"
#undef MSG
	MSG__COUNT
};

/* Reports message id about file (NULL: the program itself, printed
 * "digest") at line (0: the file as a whole) and column col (1-based,
 * in characters; 0: not known), printed as "file:line:col: level:
 * text".  The level and the text are the table's (msgs.def); the
 * arguments are what the text's conversions want.  Control characters,
 * invalid UTF-8 and invisible marks in file and in each argument are
 * escaped (msg_escape); the table's own text is printed as it is (an
 * INFO text may go on over indented lines).  On a terminal, unless
 * NO_COLOR is set, the level is in colour.  An argument longer than a
 * few lines is cut, with an ellipsis.  With DIGEST_MSG_IDS=1 in the
 * environment the id is printed instead of the text (what the regress
 * tests pin). */
void	 msg(enum msg_id, const char *file, int line, int col, ...);
/* The same, at level lvl instead of the table's: for a message whose
 * severity the caller decides (a font the brief needs, or not). */
void	 msg_at(enum msg_level, enum msg_id, const char *file, int line,
	    int col, ...);
enum msg_level msg_level_of(enum msg_id);
const char *msg_text(enum msg_id);
const char *msg_name(enum msg_id);	/* "SYS_READ" */

/* `make msgcheck` compiles every file once more with MSG_CHECK and
 * build/msgfmt.h (a "#define MSGFMT_ID text" for each id): each call
 * is then checked against its id's text by -Wformat, and a call whose
 * first argument is not an id literally does not compile. */
#ifdef MSG_CHECK
void	 msg_check(const char *fmt, const char *file, int line, int col,
	    ...) __attribute__((format(printf, 1, 5)));
void	 msg_check_at(enum msg_level, const char *fmt, const char *file,
	    int line, int col, ...) __attribute__((format(printf, 2, 6)));
#define msg(id, ...)		msg_check(MSGFMT_##id, __VA_ARGS__)
#define msg_at(lvl, id, ...)	msg_check_at(lvl, MSGFMT_##id, __VA_ARGS__)
#endif

int	 msg_count(enum msg_level);
/* The messages of the calling thread go to log, not out, until
 * msg_capture(NULL) (or the capture it returns, the one it replaced);
 * msg_replay then counts and prints them as if they were sent then (a
 * file read ahead keeps its messages in order), or, while this thread
 * captures, adds them to that capture. */
struct buf;
struct buf *msg_capture(struct buf *log);
void	 msg_replay(const struct buf *log);
/* Where the current capture has come to (its length; 0 when none): a
 * point in it to replay up to, with msg_replay_span, which replays the
 * messages of log that start at from and before to, and returns where
 * it stopped (a message is never cut). */
size_t	 msg_held(void);
size_t	 msg_replay_span(const struct buf *log, size_t from, size_t to);
void	 msg_verbosity(int);	/* -1 quiet, 0 normal, 1 verbose */
int	 msg_quiet(void);	/* -q given: print no summary either */
void	 msg_reset(void);	/* counts to 0, DIGEST_MSG_IDS read again */
/* A title as a message shows it: cut to a readable length on a UTF-8
 * boundary, with an ellipsis.  Valid until four more calls. */
const char *msg_title(const char *);
/* From now on, keeps every warning and error as printed but colourless
 * and without its column ("file:line: level: text"), for a list at the
 * end of a run; warnings are then no longer printed as they come. */
void	 msg_record(void);
size_t	 msg_recorded(const char ***lines);
const char *strerror_safe(void);	/* strerror(errno) */

/* Appends s[0..n) to b with "\n", "\t", "\r", "\xHH" for the other
 * control bytes and invalid UTF-8, "\uXXXX" for C1 controls and
 * bidirectional marks: one line, shown as it is. */
void	 msg_escape(struct buf *, const char *s, size_t n);

#endif
