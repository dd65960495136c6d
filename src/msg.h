/* msg.h: the one way every stage reports: "file:line: level: text". */
#ifndef DIGEST_MSG_H
#define DIGEST_MSG_H

enum msg_level {
	MSG_NOTE,	/* shown with -v */
	MSG_WARNING,	/* hidden with -q; does not change the exit status */
	MSG_ERROR,	/* the run cannot be trusted: exit 1 */
};

/* line 0 prints "file: level: text". */
void	 msg(enum msg_level, const char *file, int line, const char *fmt,
	    ...) __attribute__((format(printf, 4, 5)));
int	 msg_count(enum msg_level);
void	 msg_verbosity(int);	/* -1 quiet, 0 normal, 1 verbose */
void	 msg_reset(void);
const char *strerror_safe(void);	/* strerror(errno) */

#endif
