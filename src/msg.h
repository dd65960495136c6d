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
 * UTF-8 and invisible marks in file and text are escaped (msg_escape). */
void	 msg(enum msg_level, const char *file, int line, const char *fmt,
	    ...) __attribute__((format(printf, 4, 5)));
int	 msg_count(enum msg_level);
void	 msg_verbosity(int);	/* -1 quiet, 0 normal, 1 verbose */
void	 msg_reset(void);
const char *strerror_safe(void);	/* strerror(errno) */

struct buf;
/* Appends s[0..n) to b with "\n", "\t", "\r", "\xHH" for the other
 * control bytes and invalid UTF-8, "\uXXXX" for C1 controls and
 * bidirectional marks: one line, shown as it is. */
void	 msg_escape(struct buf *, const char *s, size_t n);

#endif
