/* msg.h: the one way every stage reports: "file:line: level: text". */
#ifndef DIGEST_MSG_H
#define DIGEST_MSG_H

#include <stddef.h>

enum msg_level {
	MSG_NOTE,	/* shown with -v */
	MSG_WARNING,	/* hidden with -q; does not change the exit status */
	MSG_ERROR,	/* the run cannot be trusted: exit 1 */
};

/* line 0 prints "file: level: text".  Control characters, invalid
 * UTF-8 and invisible marks in file and text are escaped (msg_escape).
 * On a terminal, unless NO_COLOR is set, the level is in colour.  A
 * text longer than a few lines is cut, with an ellipsis. */
void	 msg(enum msg_level, const char *file, int line, const char *fmt,
	    ...) __attribute__((format(printf, 4, 5)));
int	 msg_count(enum msg_level);
/* The messages of the calling thread go to log, not out, until
 * msg_capture(NULL); msg_replay then counts and prints them as if they
 * were sent then (a file read ahead keeps its messages in order). */
struct buf;
void	 msg_capture(struct buf *log);
void	 msg_replay(const struct buf *log);
void	 msg_verbosity(int);	/* -1 quiet, 0 normal, 1 verbose */
int	 msg_quiet(void);	/* -q given: print no summary either */
void	 msg_reset(void);
/* A title as a message shows it: cut to a readable length on a UTF-8
 * boundary, with an ellipsis.  Valid until four more calls. */
const char *msg_title(const char *);
/* From now on, keeps every warning and error as printed (colourless,
 * "file:line: level: text"), for a list at the end of a run; warnings
 * are then no longer printed as they come. */
void	 msg_record(void);
size_t	 msg_recorded(const char ***lines);
const char *strerror_safe(void);	/* strerror(errno) */

/* Appends s[0..n) to b with "\n", "\t", "\r", "\xHH" for the other
 * control bytes and invalid UTF-8, "\uXXXX" for C1 controls and
 * bidirectional marks: one line, shown as it is. */
void	 msg_escape(struct buf *, const char *s, size_t n);

#endif
